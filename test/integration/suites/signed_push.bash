# require_signed_push over real pushes (docs/config.md, "Signed pushes"): a ruleset that
# requires `git push --signed` by a registered person. Real SSH keys (ssh-keygen), real
# `git push --signed` into a bare repository custody installed (which sets receive.certNonceSeed).

probe() { command -v ssh-keygen >/dev/null || { echo "ssh-keygen not installed"; return 1; }; }

# signed_push_server [ENFORCEMENT] [INSTALL-ARGS...]: Bob's key registered, a stranger's not;
# ruleset "signed-pushes" on main requires signed pushes.
signed_push_server() {
  local enforcement=${1:-active}; shift || true
  mkdir -p keys
  for who in bob stranger; do ssh-keygen -q -t ed25519 -N '' -C "$who@laptop" -f "keys/$who"; done
  make_server server.git "$@"
  make_client
  cat >server.git/custody.toml <<EOF2
[[people]]
name = "Bob Reviewer"
kind = "human"
emails = ["bob@example.com"]
accounts = ["bob"]
ssh_keys = ["$(cat keys/bob.pub)"]

[[rulesets]]
name = "signed-pushes"
refs = ["refs/heads/main"]
enforcement = "$enforcement"
rules = { require_signed_push = true }
EOF2
  "$CUSTODY_BIN" config check server.git/custody.toml >/dev/null
}

sign_as() { # sign_as WHO git-args...
  local who=$1; shift
  git -c gpg.format=ssh -c user.signingkey="$PWD/../keys/$who" "$@"
}

signed_push() { # signed_push WHO push-args...
  local who=$1; shift
  set +e; PUSH_OUT=$(sign_as "$who" push --signed "$@" 2>&1); PUSH_RC=$?; set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
}

REFUSED_HINT="remote: custody:   fix: push with a certificate: git push --signed (SSH: git -c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 push --signed, with that key in your [[people]] ssh_keys; OpenPGP: a key whose fingerprint is in your gpg_fingerprints)"

test_unsigned_push_is_refused() {
  signed_push_server; cd client
  local before; before=$(git rev-parse HEAD)
  commit_file a.txt a
  expect_push_rejected origin main
  expect_output_contains "remote: custody: refs/heads/main: this ref requires a signed push by a registered person: this push carries no push certificate [signed_push.required, SOC 2 CC6.1]"
  expect_output_contains "$REFUSED_HINT"
  expect_ref_at ../server.git refs/heads/main "$before"
  [[ $(ledger_field ../server.git 1 '.decision') == rejected ]]
  [[ $(ledger_field ../server.git 1 '.violations[0].rule') == signed_push.required ]] ||
    fail "rule: $(ledger_field ../server.git 1 '.violations')"
}

test_signed_push_by_a_registered_key_is_accepted() {
  signed_push_server; cd client
  commit_file a.txt a
  signed_push bob origin main
  [[ $PUSH_RC -eq 0 ]] || fail "Bob's signed push was refused"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 '.push_certificate.signer') == "Bob Reviewer" ]]
}

test_signed_push_by_an_unregistered_key_is_refused() {
  signed_push_server; cd client
  local before; before=$(git rev-parse HEAD)
  commit_file a.txt a
  signed_push stranger origin main
  [[ $PUSH_RC -ne 0 ]] || fail "a stranger's signed push was accepted"
  expect_output_contains "remote: custody: refs/heads/main: this ref requires a signed push by a registered person: its push certificate is not signed by a key registered in [[people]] [signed_push.required, SOC 2 CC6.1]"
  expect_ref_at ../server.git refs/heads/main "$before"
}

test_deleting_the_ref_needs_a_signed_push_too() {
  signed_push_server; cd client
  git push -q origin HEAD:refs/heads/topic 2>/dev/null
  sed -i 's#refs = \["refs/heads/main"\]#refs = ["refs/heads/topic"]#' ../server.git/custody.toml
  expect_push_rejected origin :topic
  expect_output_contains "remote: custody: refs/heads/topic: this ref requires a signed push by a registered person: this push carries no push certificate [signed_push.required, SOC 2 CC6.1]"
  signed_push bob origin :topic
  [[ $PUSH_RC -eq 0 ]] || fail "Bob's signed deletion was refused"
  expect_ref_absent ../server.git refs/heads/topic
}

test_other_refs_do_not_need_a_signature() {
  signed_push_server; cd client
  commit_file a.txt a
  expect_push_accepted origin HEAD:refs/heads/topic
}

test_evaluate_mode_warns_and_records() {
  signed_push_server evaluate; cd client
  commit_file a.txt a
  expect_push_accepted origin main
  expect_output_contains "this ref requires a signed push by a registered person: this push carries no push certificate"
  [[ $(ledger_field ../server.git 1 '.decision') == accepted ]]
  [[ $(ledger_field ../server.git 1 '.would_reject[0].rule') == signed_push.required ]] ||
    fail "would_reject: $(ledger_field ../server.git 1 '.would_reject')"
}

test_update_hook_cannot_see_certificates_and_refuses() {
  signed_push_server active --hook update; cd client
  local before; before=$(git rev-parse HEAD)
  commit_file a.txt a
  signed_push bob origin main
  [[ $PUSH_RC -ne 0 ]] || fail "the update hook accepted a push it cannot judge"
  expect_output_contains "remote: custody: refs/heads/main: this ref requires a signed push by a registered person: git gives push certificates to pre-receive only, so the update hook cannot see whether this push is signed [signed_push.required, SOC 2 CC6.1]"
  expect_output_contains "remote: custody:   fix: the server must run custody as pre-receive (custody install --repo PATH) to require signed pushes"
  expect_ref_at ../server.git refs/heads/main "$before"
}
