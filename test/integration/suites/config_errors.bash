# Invalid configuration fails closed with one line naming the file and line, and is logged.

test_invalid_repo_config_rejects_every_push() {
  make_server; make_client
  printf '[refs]\nprotected = ["refs/heads/main"]\nblock_force_pushes = true\n' >server.git/custody.toml
  cd client; commit_file a.txt one
  expect_push_rejected origin main
  expect_output_contains "custody: configuration error: $(cd ../server.git && pwd)/custody.toml:3:1: unknown key \"refs.block_force_pushes\"; did you mean \"block_force_push\"?"
  expect_output_contains "hint: fix the file (\`custody config check"
  [[ $(ledger_field ../server.git 1 .type) == config-error ]]
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]]
}

test_wrong_type_and_bad_glob() {
  make_server
  printf '[refs]\nblock_deletion = "yes"\nprotected = ["refs/heads/[main"]\n' >bad.toml
  set +e; out=$("$CUSTODY_BIN" config check bad.toml 2>&1); rc=$?; set -e
  echo "$out"
  [[ $rc -eq 1 ]]
  grep -qF 'bad.toml:2:18: refs.block_deletion must be a boolean (true or false), not a string' <<<"$out"
  grep -qF "bad.toml:3:14: refs.protected: glob \"refs/heads/[main\" has an unclosed '[' at offset 11" <<<"$out"
}

test_toml_syntax_error() {
  printf '[refs\nprotected = 1\n' >syntax.toml
  set +e; out=$("$CUSTODY_BIN" config check syntax.toml 2>&1); rc=$?; set -e
  echo "$out"
  [[ $rc -eq 1 ]]
  grep -q '^syntax.toml:1:' <<<"$out"
}

test_custody_config_env_overrides_repo_file() {
  make_server; make_client
  printf '[refs]\nprotected = ["refs/heads/main"]\n' >server.git/custody.toml
  printf '[refs]\nprotected = ["refs/heads/locked"]\n' >override.toml
  export CUSTODY_CONFIG=$PWD/override.toml
  cd client; commit_file a.txt one; git push -q origin main
  git commit -q --amend -m "rewritten"
  expect_push_accepted --force origin main   # main is no longer protected: the explicit file wins
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
}

test_config_show_names_origins() {
  make_server
  printf '[refs]\nblock_tag_move = false\n' >server.git/custody.toml
  out=$("$CUSTODY_BIN" config show --repo server.git)
  echo "$out"
  grep -qF "refs.block_tag_move = false    # $(cd server.git && pwd)/custody.toml:2" <<<"$out"
  grep -qF 'refs.block_force_push = true    # <embedded default>:' <<<"$out"
}
