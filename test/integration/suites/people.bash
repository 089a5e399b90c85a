# The identity registry ([[people]]) over real pushes: self-review under another address, an
# agent registered under a human-looking name, look-alike and domain-prefixed agent names,
# allow-list mode, and `custody people check`.

REGISTRY='[[people]]
name = "Alice Developer"
kind = "human"
emails = ["alice@example.com", "alice@personal.example"]
accounts = ["alice"]

[[people]]
name = "Jane Smith"
kind = "agent"
emails = ["jane.smith@example.com"]
accounts = ["jsmith"]

[[people]]
name = "Bob Reviewer"
kind = "human"
emails = ["bob@example.com"]
accounts = ["bob"]
'

# ai_commit FILE SUBJECT TRAILERS: an AI-assisted commit (client hooks skipped: the server is under test).
ai_commit() {
  printf '%s\n' "$2" >>"$1"; git add "$1"
  git commit -q --no-verify -m "$2" -m $'AI-Generated: claude-code/opus-4\n'"$3"
}

registry_server() {
  make_server; printf '%s' "$REGISTRY" >server.git/custody.toml; make_client
}

push_as() { # push_as VAR=VALUE -- push args
  local var=$1; shift 2
  set +e; PUSH_OUT=$(env -u CUSTODY_PUSHER "$var" git push "$@" 2>&1); PUSH_RC=$?; set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
}

test_alias_self_review_is_refused() {
  registry_server; cd client
  ai_commit a.txt "Add a" $'Reviewed-By: Al D <alice@personal.example>\nReview-Date: 2026-01-02'
  local id before
  id=$(git rev-parse --short=7 HEAD); before=$(git rev-parse origin/main)
  expect_push_rejected origin main
  expect_output_contains "refs/heads/main: commit $id \"Add a\": Reviewed-By: Al D <alice@personal.example> is the commit's author (the same person as Alice Developer <alice@example.com>, \"Alice Developer\" in [[people]]); a review must come from someone else"
  expect_ref_at ../server.git refs/heads/main "$before"
  [[ $(ledger_field ../server.git 1 '.commits[0].verdict') == rejected ]]
  # A subaddress of the author's own address is the author too, registry or not.
  git reset -q --hard HEAD~1
  ai_commit a.txt "Add a" $'Reviewed-By: Alice Review <alice+review@example.com>\nReview-Date: 2026-01-02'
  expect_push_rejected origin main
  expect_output_contains "Reviewed-By: Alice Review <alice+review@example.com> is the commit's author (the same person as Alice Developer <alice@example.com>, \"Alice Developer\" in [[people]])"
  # Bob is someone else.
  git reset -q --hard HEAD~1
  ai_commit a.txt "Add a" $'Reviewed-By: Bob Reviewer <bob@example.com>\nReview-Date: 2026-01-02'
  expect_push_accepted origin main
}

test_registered_agent_under_a_human_name_is_refused() {
  registry_server; cd client
  ai_commit a.txt "Add a" $'Reviewed-By: Jane Smith <jane.smith@example.com>\nReview-Date: 2026-01-02'
  expect_push_rejected origin main
  expect_output_contains "Reviewed-By: Jane Smith <jane.smith@example.com> is an agent account (it is registered as an agent in [[people]] (\"Jane Smith\")); a review must come from a human"
  git reset -q --hard HEAD~1
  commit_file b.txt b
  push_as GL_USERNAME=jsmith -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "registered agent pushed to main"
  expect_output_contains "jsmith is an agent/bot account (GL_USERNAME)"
  [[ $(ledger_field ../server.git 1 .pusher.is_agent) == true ]]
  push_as GL_USERNAME=alice -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "alice was refused"
  [[ $(ledger_field ../server.git 1 .pusher.person) == "Alice Developer" ]]
}

test_look_alike_and_domain_agent_names_are_detected() {
  make_server; make_client; cd client
  commit_file a.txt a
  for name in $'\xd0\xa1laude' 'CORP\claude' 'dependabot' 'svc-deploy' 'bot' 'gemini-cli'; do
    push_as "REMOTE_USER=$name" -- origin main
    [[ $PUSH_RC -ne 0 ]] || fail "$name was not treated as an agent"
    expect_output_contains "$name is an agent/bot account (REMOTE_USER)"
  done
  # A commit authored under a Cyrillic look-alike of an agent name is agent work: it needs review.
  GIT_AUTHOR_NAME=$'\xd0\xa1laude' GIT_AUTHOR_EMAIL=helper@example.com commit_file c.txt c "Add c"
  expect_push_rejected origin main
  expect_output_contains "\"Add c\": work by an agent (agent author, co-author or agent session) must say so with AI-Generated"
}

test_allow_list_mode_treats_unlisted_accounts_as_agents() {
  make_server
  printf '%s\n[agents]\nunlisted_are_agents = true\n' "$REGISTRY" >server.git/custody.toml
  make_client; cd client
  commit_file a.txt a
  push_as REMOTE_USER=mallory -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "unlisted account pushed to main"
  expect_output_contains "mallory is an agent/bot account (REMOTE_USER)"
  push_as REMOTE_USER=alice -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "registered human refused"
}

test_gitea_deploy_key_is_not_a_human() {
  make_server; make_client; cd client
  commit_file a.txt a
  push_as GITEA_DEPLOY_KEY_ID=7 -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "deploy key pushed to main"
  expect_output_contains "deploy-key:7 is an agent/bot account (GITEA_DEPLOY_KEY_ID)"
}

test_people_check_reports_file_and_line() {
  cat >good.toml <<<"$REGISTRY"
  local out
  out=$("$CUSTODY_BIN" people check good.toml)
  [[ $out == "people OK: 3 listed (2 human, 1 agent), 0 SSH keys, 0 OpenPGP fingerprints; unlisted accounts are judged by the [agents] patterns" ]] || fail "summary: $out"
  printf '%s\n[[people]]\nname = "Eve"\nkind = "human"\nemails = ["BOB@example.com"]\nssh_keys = ["ssh-ed25519 AAAA"]\n' "$REGISTRY" >bad.toml
  set +e; out=$("$CUSTODY_BIN" people check bad.toml 2>&1); local rc=$?; set -e
  printf '%s\n' "$out"
  [[ $rc -eq 1 ]] || fail "rc $rc"
  grep -qF 'bad.toml:22:10: people: emails "BOB@example.com" of "Eve" is already listed for "Bob Reviewer" (bad.toml:13); one address, account or key belongs to one person' <<<"$out" || fail "duplicate email"
  grep -qF 'bad.toml:23:12: people: "Eve": malformed SSH key: the key data is not valid base64' <<<"$out" || fail "malformed key line"
  grep -qF 'malformed SSH key: the key data is not valid base64' <<<"$out" || fail "malformed key"
}
