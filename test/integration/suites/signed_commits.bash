# Signed commits and committers over real pushes (docs/config.md, "Signed commits and
# committers"): `require_signed_commits` with real ssh-keygen keys and `git commit -S`
# (gpg.format=ssh) and with real OpenPGP keys made by gpg (gpg.format=openpgp), `committer_is_pusher`,
# the web-merge exemption, evaluate mode, and the per-commit committer record of direct pushes to
# protected refs.

source "$here/lib_gpg.bash"

probe() {
  command -v ssh-keygen >/dev/null || { echo "ssh-keygen not installed"; return 1; }
  command -v gpg >/dev/null || { echo "gpg not installed"; return 1; }
}

# Alice (the test's default committer, pushing as `alice`) and Bob have registered keys; Carol
# has none; ./keys/stranger is registered to nobody.
registry() {
  cat <<EOF2
[[people]]
name = "Alice Developer"
kind = "human"
emails = ["alice@example.com"]
accounts = ["alice"]
ssh_keys = ["$(cat keys/alice.pub)"]

[[people]]
name = "Bob Reviewer"
kind = "human"
emails = ["bob@example.com"]
accounts = ["bob"]
ssh_keys = ["$(cat keys/bob.pub)"]

[[people]]
name = "Carol Maintainer"
kind = "human"
emails = ["carol@example.com"]
accounts = ["carol"]
EOF2
}

# setup ENFORCEMENT RULES: a server whose ruleset "signed" targets main with RULES, configured
# after the client's first (unsigned) push.
setup() {
  mkdir -p keys
  for who in alice bob stranger; do ssh-keygen -q -t ed25519 -N '' -C "$who@laptop" -f "keys/$who"; done
  make_server; make_client
  {
    registry
    printf '\n[[rulesets]]\nname = "signed"\nrefs = ["refs/heads/main"]\nenforcement = "%s"\nrules = { %s }\n' "$1" "$2"
  } >server.git/custody.toml
  "$CUSTODY_BIN" config check server.git/custody.toml >/dev/null
  cd client; BEFORE=$(git rev-parse HEAD)
}

sign_as() { # sign_as WHO git-args...: runs git with WHO's SSH key as the signing key
  local who=$1; shift
  git -c gpg.format=ssh -c user.signingkey="$PWD/../keys/$who" "$@"
}

push_env() { # push_env VAR=VALUE... -- push args
  local vars=()
  while [[ $1 != -- ]]; do vars+=("$1"); shift; done; shift
  set +e; PUSH_OUT=$(env -u CUSTODY_PUSHER "${vars[@]}" git push "$@" 2>&1); PUSH_RC=$?; set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
}

# expect_refused RULE LINE: the push was refused with LINE, main did not move, and the ledger's
# last record holds RULE from ruleset "signed" at HEAD.
expect_refused() {
  [[ $PUSH_RC -ne 0 ]] || fail "the push was accepted"
  expect_output_contains "remote: custody: $2 [$1, SOC 2 CC6.1]"
  expect_output_contains "remote: custody:   at commit $(git rev-parse --short=12 HEAD)"
  expect_ref_at ../server.git refs/heads/main "$BEFORE"
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]] || fail "ledger: $(tail -n 1 "$(ledger ../server.git)")"
  [[ $(ledger_field ../server.git 1 '.violations[0].rule') == "$1" ]] || fail "ledger: $(tail -n 1 "$(ledger ../server.git)")"
  [[ $(ledger_field ../server.git 1 '.violations[0].ruleset') == signed ]]
  [[ $(ledger_field ../server.git 1 '.violations[0].commit') == "$(git rev-parse HEAD)" ]]
}

NEEDS='ruleset "signed" requires every new commit to be signed by a key registered to its committer (Alice Developer <alice@example.com>) in [[people]] ssh_keys or gpg_fingerprints'

test_unsigned_commit_is_refused_and_signing_it_is_accepted() {
  setup active "require_signed_commits = true"
  commit_file a.txt one "Add a"
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is unsigned; $NEEDS"
  expect_output_contains "remote: custody:   fix: sign it with a key registered to its committer: git -c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 commit --amend --no-edit -S"
  expect_output_contains "remote: custody:   fix: for older commits, sign each one: git -c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 rebase --exec 'git commit --amend --no-edit -S' <base>"
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signature') == unsigned ]]
  sign_as alice commit -q --amend --no-edit -S
  expect_push_accepted origin main
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].id') == "$(git rev-parse HEAD)" ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signature') == valid ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signed_by') == "Alice Developer" ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].committer_is_pusher') == true ]]
}

test_older_unsigned_commit_under_a_signed_tip_is_refused() {
  setup active "require_signed_commits = true"
  commit_file a.txt one "Add a"
  commit_file b.txt two "Add b"
  sign_as alice commit -q --amend --no-edit -S
  push origin main
  [[ $PUSH_RC -ne 0 ]] || fail "an unsigned commit under a signed tip was accepted"
  expect_output_contains "remote: custody: refs/heads/main: commit \"Add a\" is unsigned; $NEEDS [commit_identity.require_signed_commits, SOC 2 CC6.1]"
  expect_output_lacks "commit \"Add b\" is"
  sign_as alice rebase -q --exec 'git commit -q --amend --no-edit -S' "$BEFORE"
  expect_push_accepted origin main
}

test_commit_signed_by_someone_elses_key_is_refused() {
  setup active "require_signed_commits = true"
  commit_file a.txt one "Add a"
  sign_as bob commit -q --amend --no-edit -S # a valid signature, but by Bob's registered key
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@example.com>): the key is Bob Reviewer's; $NEEDS"
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signature') == not_committers ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signed_by') == "Bob Reviewer" ]]
  sign_as stranger commit -q --amend --no-edit -S # a key nobody registered
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@example.com>): no key in [[people]] ssh_keys or gpg_fingerprints made a valid signature of it; $NEEDS"
}

test_committer_without_registered_email_is_refused() {
  setup active "require_signed_commits = true"
  printf 'x\n' >a.txt; git add a.txt
  GIT_COMMITTER_EMAIL=alice@personal.example sign_as alice commit -q -m "Add a" -S
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@personal.example>, whose email no [[people]] entry lists): the key is Alice Developer's; ruleset \"signed\" requires every new commit to be signed by a key registered to its committer (Alice Developer <alice@personal.example>) in [[people]] ssh_keys or gpg_fingerprints"
}

test_committer_who_is_not_the_pusher_is_refused() {
  setup active "committer_is_pusher = true"
  printf 'x\n' >a.txt; git add a.txt
  GIT_COMMITTER_NAME="Carol Maintainer" GIT_COMMITTER_EMAIL=carol@example.com git commit -qm "Add a"
  push origin main # as alice
  expect_refused commit_identity.committer_is_pusher "refs/heads/main: commit \"Add a\" was committed by Carol Maintainer <carol@example.com> (Carol Maintainer), not by the pusher alice (Alice Developer); ruleset \"signed\" requires every new commit's committer to be the authenticated pusher"
  expect_output_contains "remote: custody:   fix: push only commits you committed, with an email listed for you in [[people]] emails"
  expect_output_contains "remote: custody:   fix: or become their committer (the authors stay): git rebase --force-rebase <base>"
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].committer') == "Carol Maintainer <carol@example.com>" ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].committer_is_pusher') == false ]]
  push_env CUSTODY_PUSHER=zed -- origin main # an account the registry does not list
  expect_output_contains "remote: custody: refs/heads/main: commit \"Add a\" was committed by Carol Maintainer <carol@example.com> (Carol Maintainer), not by the pusher zed (not in [[people]]); ruleset"
  push_env CUSTODY_PUSHER=carol -- origin main # Carol pushes her own commit
  [[ $PUSH_RC -eq 0 ]] || fail "Carol's own commit, pushed by Carol, was refused"
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].committer_is_pusher') == true ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].committer_person') == "Carol Maintainer" ]]
}

test_committer_is_pusher_by_registry_not_by_string() {
  setup active "committer_is_pusher = true"
  printf 'x\n' >a.txt; git add a.txt
  # The pusher account `alice` and the committer email name one registered person.
  GIT_COMMITTER_NAME="A. Developer" git commit -qm "Add a"
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].committer_is_pusher') == true ]]
}

# A Gitea web merge of Alice's branch, committed by Carol (the merger), unsigned: the merge
# commit is the platform's, judged by the platform's rules.
web_merge() {
  git checkout -qb feature; commit_file f.txt f "Add f"
  [[ -z ${1:-} ]] || sign_as alice commit -q --amend --no-edit -S
  git checkout -q main
  GIT_COMMITTER_NAME="Carol Maintainer" GIT_COMMITTER_EMAIL=carol@example.com \
    git merge -q --no-ff feature -m "Merge pull request 'Add f' (#3) from feature into main"
}

test_platform_web_merge_is_judged_by_the_platform() {
  setup active "require_signed_commits = true, committer_is_pusher = true"
  web_merge signed
  push_env GITEA_PUSHER_NAME=carol -- origin main # the same commits pushed from a clone
  [[ $PUSH_RC -ne 0 ]] || fail "a hand-pushed unsigned merge was accepted"
  expect_output_contains "remote: custody: refs/heads/main: commit \"Merge pull request 'Add f' (#3) from feature into main\" is unsigned; ruleset \"signed\" requires every new commit to be signed by a key registered to its committer (Carol Maintainer <carol@example.com>) in [[people]] ssh_keys or gpg_fingerprints [commit_identity.require_signed_commits, SOC 2 CC6.1]"
  expect_output_contains "remote: custody: refs/heads/main: commit \"Add f\" was committed by Alice Developer <alice@example.com> (Alice Developer), not by the pusher carol (Carol Maintainer)"
  push_env GITEA_PUSHER_NAME=carol GITEA_PUSH_TRIGGER=pr-merge-to-base -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "a Gitea web merge was refused"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 '.commit_identity') == null ]] # not a direct push
}

test_web_merge_still_needs_signed_branch_commits() {
  setup active "require_signed_commits = true"
  web_merge
  push_env GL_USERNAME=carol GL_PROTOCOL=web GL_ID=user-3 -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "an unsigned branch commit was accepted in a web merge"
  expect_output_contains "GL-HOOK-ERR: custody: refs/heads/main: commit \"Add f\" is unsigned; $NEEDS [commit_identity.require_signed_commits, SOC 2 CC6.1]"
  expect_output_lacks "commit \"Merge pull request"
}

test_evaluate_warns_and_records_would_reject() {
  setup evaluate "require_signed_commits = true, committer_is_pusher = true"
  printf 'x\n' >a.txt; git add a.txt
  GIT_COMMITTER_NAME="Carol Maintainer" GIT_COMMITTER_EMAIL=carol@example.com git commit -qm "Add a"
  expect_push_accepted origin main
  expect_output_contains "remote: warning: custody: ruleset \"signed\" (evaluate) would refuse refs/heads/main: commit \"Add a\" is unsigned; ruleset \"signed\" requires every new commit to be signed by a key registered to its committer (Carol Maintainer <carol@example.com>) in [[people]] ssh_keys or gpg_fingerprints [commit_identity.require_signed_commits, SOC 2 CC6.1]"
  expect_output_contains "remote: warning: custody: ruleset \"signed\" (evaluate) would refuse refs/heads/main: commit \"Add a\" was committed by Carol Maintainer <carol@example.com> (Carol Maintainer), not by the pusher alice (Alice Developer); ruleset \"signed\" requires every new commit's committer to be the authenticated pusher [commit_identity.committer_is_pusher, SOC 2 CC6.1]"
  [[ $(ledger_field ../server.git 1 .decision) == accepted ]]
  [[ $(ledger_field ../server.git 1 '.would_reject | map(.rule) | sort | join(",")') == commit_identity.committer_is_pusher,commit_identity.require_signed_commits ]] ||
    fail "ledger: $(tail -n 1 "$(ledger ../server.git)")"
}

test_direct_push_to_a_protected_ref_records_the_committer_without_rules() {
  mkdir -p keys; for who in alice bob stranger; do ssh-keygen -q -t ed25519 -N '' -f "keys/$who"; done
  make_server; make_client; registry >server.git/custody.toml; cd client
  printf 'x\n' >a.txt; git add a.txt
  GIT_COMMITTER_NAME="Bob Reviewer" GIT_COMMITTER_EMAIL=bob@example.com git commit -qm "Add a"
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].committer') == "Bob Reviewer <bob@example.com>" ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].committer_is_pusher') == false ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signature') == null ]] # not asked for
  git checkout -qb topic; commit_file t.txt t "Add t"
  expect_push_accepted origin topic # not protected: nothing recorded
  [[ $(ledger_field ../server.git 1 '.commit_identity') == null ]]
}

# ---- OpenPGP: keys made by gpg, git commit -S with gpg.format=openpgp ----

# gpg_setup ENFORCEMENT RULES: like setup, with OpenPGP keys instead of SSH keys: Alice's and
# Bob's registered (Bob's in lowercase hex), the stranger's in the keyring but registered to nobody.
gpg_setup() {
  gpg_home
  ALICE_FPR=$(gpg_key "Alice Developer" alice@example.com)
  BOB_FPR=$(gpg_key "Bob Reviewer" bob@example.com)
  STRANGER_FPR=$(gpg_key "Stranger" stranger@example.com)
  make_server; make_client
  gpg_export server.git/people.asc "$ALICE_FPR" "$BOB_FPR" "$STRANGER_FPR"
  {
    printf '[signing]\ngpg_keyring = "people.asc"\n'
    printf '\n[[people]]\nname = "Alice Developer"\nkind = "human"\nemails = ["alice@example.com"]\naccounts = ["alice"]\ngpg_fingerprints = ["%s"]\n' "$ALICE_FPR"
    printf '\n[[people]]\nname = "Bob Reviewer"\nkind = "human"\nemails = ["bob@example.com"]\naccounts = ["bob"]\ngpg_fingerprints = ["%s"]\n' "${BOB_FPR,,}"
    printf '\n[[rulesets]]\nname = "signed"\nrefs = ["refs/heads/main"]\nenforcement = "%s"\nrules = { %s }\n' "$1" "$2"
  } >server.git/custody.toml
  "$CUSTODY_BIN" config check server.git/custody.toml >/dev/null
  cd client; BEFORE=$(git rev-parse HEAD)
}

NOBODYS="no key in [[people]] ssh_keys or gpg_fingerprints made a valid signature of it"

test_openpgp_commit_by_a_registered_fingerprint_is_accepted() {
  gpg_setup active "require_signed_commits = true"
  commit_file a.txt one "Add a"
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is unsigned; $NEEDS"
  expect_output_contains "remote: custody:   fix: with OpenPGP: git -c gpg.format=openpgp -c user.signingkey=FINGERPRINT commit --amend --no-edit -S (the key registered in [[people]] gpg_fingerprints and exported to [signing] gpg_keyring)"
  gpg_sign_as "$ALICE_FPR" commit -q --amend --no-edit -S
  git cat-file commit HEAD | grep >/dev/null "^gpgsig -----BEGIN PGP SIGNATURE-----"
  expect_push_accepted origin main
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signature') == valid ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signed_by') == "Alice Developer" ]]
}

test_openpgp_commit_by_someone_elses_or_nobodys_key_is_refused() {
  gpg_setup active "require_signed_commits = true"
  commit_file a.txt one "Add a"
  gpg_sign_as "$BOB_FPR" commit -q --amend --no-edit -S # a good signature, but by Bob's key
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@example.com>): the key is Bob Reviewer's; $NEEDS"
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signature') == not_committers ]]
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signed_by') == "Bob Reviewer" ]]
  gpg_sign_as "$STRANGER_FPR" commit -q --amend --no-edit -S # in the keyring, registered to nobody
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@example.com>): $NOBODYS; $NEEDS"
  [[ $(ledger_field ../server.git 1 '.commit_identity[0].signed_by') == "" ]]
}

test_openpgp_key_missing_from_the_keyring_or_without_keyring_is_refused() {
  gpg_setup active "require_signed_commits = true"
  commit_file a.txt one "Add a"
  gpg_sign_as "$ALICE_FPR" commit -q --amend --no-edit -S
  gpg_export ../server.git/people.asc "$BOB_FPR" # Alice registered, but her key is not exported
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@example.com>): $NOBODYS; $NEEDS"
  out=$("$CUSTODY_BIN" people check ../server.git/custody.toml)
  grep -F >/dev/null "note: Alice Developer's OpenPGP key $ALICE_FPR is not in [signing] gpg_keyring ../server.git/people.asc, so its signatures verify as nobody's" <<<"$out" || fail "$out"
  sed -i '/^\[signing\]/,/^gpg_keyring/d' ../server.git/custody.toml # no keyring: fail closed
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@example.com>): $NOBODYS; $NEEDS"
  out=$("$CUSTODY_BIN" people check ../server.git/custody.toml)
  grep -F >/dev/null "note: [signing] gpg_keyring is not set, so OpenPGP signatures verify as nobody's: export the registered keys (gpg --export --armor FINGERPRINT… > FILE) and name FILE there" <<<"$out" || fail "$out"
}

test_openpgp_commit_by_a_revoked_or_expired_key_is_refused() {
  gpg_setup active "require_signed_commits = true"
  commit_file a.txt one "Add a"
  gpg_sign_as "$ALICE_FPR" commit -q --amend --no-edit -S # good when made
  gpg_revoke "$ALICE_FPR"
  gpg_export ../server.git/people.asc "$ALICE_FPR" "$BOB_FPR" # the revocation reaches the server
  { git verify-commit --raw HEAD 2>&1 || true; } | grep >/dev/null "^\[GNUPG:\] REVKEYSIG" # gpg itself exits 0
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@example.com>): $NOBODYS; $NEEDS"
  # A key made in 2020 that expired in 2021, signing while it was valid (gpg's faked clock).
  gpg --faked-system-time 20200101T000000 --batch --passphrase '' --quick-gen-key "Alice Developer <alice@old.example>" ed25519 sign 1y 2>/dev/null
  old=$(gpg --with-colons --list-keys "<alice@old.example>" | awk -F: '/^fpr/ {print $10; exit}')
  printf '#!/bin/sh\nexec gpg --faked-system-time 20200601T000000 "$@"\n' >../gpg-2020; chmod +x ../gpg-2020
  git -c gpg.program="$PWD/../gpg-2020" -c gpg.format=openpgp -c user.signingkey="$old" commit -q --amend --no-edit -S
  { git verify-commit --raw HEAD 2>&1 || true; } | grep >/dev/null "^\[GNUPG:\] EXPKEYSIG"
  sed -i "s/^gpg_fingerprints = \[\"$ALICE_FPR\"\]/gpg_fingerprints = [\"$ALICE_FPR\", \"$old\"]/" ../server.git/custody.toml
  gpg_export ../server.git/people.asc "$ALICE_FPR" "$BOB_FPR" "$old"
  "$CUSTODY_BIN" people check ../server.git/custody.toml | grep >/dev/null "3 OpenPGP fingerprints" || fail "not registered"
  push origin main
  expect_refused commit_identity.require_signed_commits "refs/heads/main: commit \"Add a\" is signed by a key not registered to its committer (Alice Developer <alice@example.com>): $NOBODYS; $NEEDS"
}

test_a_missing_or_malformed_keyring_is_a_configuration_error() {
  printf '[signing]\ngpg_keyring = "missing.asc"\n' >c.toml
  set +e; out=$("$CUSTODY_BIN" config check c.toml 2>&1); rc=$?; set -e
  [[ $rc -ne 0 ]] || fail "accepted"
  grep -F >/dev/null "c.toml:2:15: signing.gpg_keyring: cannot read \"missing.asc\"" <<<"$out" || fail "$out"
  printf 'ssh-ed25519 AAAA\n' >keys.asc
  printf '[signing]\ngpg_keyring = "keys.asc"\n' >c.toml
  set +e; out=$("$CUSTODY_BIN" config check c.toml 2>&1); rc=$?; set -e
  [[ $rc -ne 0 ]] || fail "accepted"
  grep -F >/dev/null 'c.toml:2:15: signing.gpg_keyring: "keys.asc" is not a file of OpenPGP public keys (neither an armored public key block nor a binary public-key packet); export one: gpg --export --armor FINGERPRINT… > FILE' <<<"$out" || fail "$out"
}

test_a_rule_that_is_not_a_boolean_is_a_configuration_error() {
  printf '[[rulesets]]\nname = "s"\nrefs = ["refs/heads/main"]\nrules = { require_signed_commits = "yes" }\n' >c.toml
  set +e; out=$("$CUSTODY_BIN" config check c.toml 2>&1); rc=$?; set -e
  [[ $rc -ne 0 ]] || fail "accepted"
  grep -qF 'c.toml:4:36: rulesets[0].rules.require_signed_commits must be a boolean (true or false), not a string' <<<"$out" || fail "$out"
}
