# custody install: bare and non-bare, idempotent, never clobbers a foreign hook without --force.

test_install_bare_defaults_to_pre_receive_and_is_idempotent() {
  git init -q --bare s.git
  out=$("$CUSTODY_BIN" install --repo s.git); echo "$out"
  grep -q "installed custody pre-receive" <<<"$out"
  [[ -L s.git/hooks/pre-receive && -x s.git/hooks/pre-receive ]]
  [[ $(git --git-dir=s.git config receive.advertisePushOptions) == true ]]
  out=$("$CUSTODY_BIN" install --repo s.git); echo "$out"
  grep -q "already installed" <<<"$out"
}

test_install_update_hook_on_request() {
  git init -q --bare s.git
  "$CUSTODY_BIN" install --repo s.git --hook update
  [[ -L s.git/hooks/update ]]
  [[ ! -e s.git/hooks/pre-receive ]]
}

test_install_non_bare_gets_commit_msg() {
  git init -q work
  "$CUSTODY_BIN" install --repo work
  [[ -L work/.git/hooks/commit-msg ]]
}

test_foreign_hook_is_preserved() {
  git init -q --bare s.git
  printf '#!/bin/sh\necho mine\n' >s.git/hooks/pre-receive; chmod +x s.git/hooks/pre-receive
  set +e; out=$("$CUSTODY_BIN" install --repo s.git 2>&1); rc=$?; set -e
  echo "$out"
  [[ $rc -ne 0 ]]
  grep -q "is not a custody hook; not replacing it" <<<"$out"
  grep -q "echo mine" s.git/hooks/pre-receive
  "$CUSTODY_BIN" install --repo s.git --force
  grep -q "echo mine" s.git/hooks/pre-receive.pre-custody
  [[ -L s.git/hooks/pre-receive ]]
}

test_install_help() {
  "$CUSTODY_BIN" install --help | grep >/dev/null "usage: custody install MODE"
}
