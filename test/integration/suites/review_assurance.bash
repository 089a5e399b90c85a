# Review assurance over real pushes (docs/review-assurance.md): each reviewer's level (claimed,
# platform, pusher, signed) in the ledger and in refusals, min_review_assurance, Gitea's and
# GitLab's web-merge hook environments and merge messages (as documented in REVIEW-EVIDENCE.md:
# neither server can run here), self-merges, and SSH- and OpenPGP-signed commits, merges and
# pushes (keys made by ssh-keygen and gpg in each test).

source "$here/lib_gpg.bash"

REGISTRY='[[people]]
name = "Alice Developer"
kind = "human"
emails = ["alice@example.com"]
accounts = ["alice"]

[[people]]
name = "Bob Reviewer"
kind = "human"
emails = ["bob@example.com"]
accounts = ["bob"]

[[people]]
name = "Carol Maintainer"
kind = "human"
emails = ["carol@example.com"]
accounts = ["carol"]
'

# assurance_server LEVEL [EXTRA-TOML]: a server with the registry and min_review_assurance = LEVEL.
assurance_server() {
  make_server
  printf '%s\n%s\n[trailers]\nmin_review_assurance = "%s"\n' "$REGISTRY" "${2:-}" "$1" >server.git/custody.toml
  make_client
}

ai_commit() { # ai_commit FILE SUBJECT [TRAILERS]
  printf '%s\n' "$2" >>"$1"; git add "$1"
  git commit -q --no-verify -m "$2" -m $'AI-Generated: claude-code/opus-4'"${3:+$'\n'$3}"
}

push_env() { # push_env VAR=VALUE... -- push args
  local vars=()
  while [[ $1 != -- ]]; do vars+=("$1"); shift; done; shift
  set +e; PUSH_OUT=$(env -u CUSTODY_PUSHER "${vars[@]}" git push "$@" 2>&1); PUSH_RC=$?; set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
}

BOB=$'Reviewed-By: Bob Reviewer <bob@example.com>\nReview-Date: 2026-01-02'

test_forged_reviewer_is_claimed_and_refused_when_signed_is_required() {
  assurance_server signed; cd client
  ai_commit a.txt "Add a" "$BOB"
  local id before
  id=$(git rev-parse --short=7 HEAD); before=$(git rev-parse origin/main)
  expect_push_rejected origin main
  expect_output_contains "refs/heads/main: commit $id \"Add a\": an AI-assisted commit on a protected ref needs a human reviewer and a review date; missing 1 reviewer proven at assurance \"signed\" or stronger, has 0 (Bob Reviewer <bob@example.com> is claimed) [trailers.ai-review, SOC 2 CC8.1]"
  expect_output_contains "fix: the reviewer signs with a key registered to them in [[people]] ssh_keys: git -c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 commit --amend --no-edit -S"
  expect_output_contains "fix: or the reviewer merges it with a signed merge commit carrying their trailer: git -c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 merge --no-ff -S"
  expect_ref_at ../server.git refs/heads/main "$before"
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == claimed ]]
  [[ $(ledger_field ../server.git 1 '.commits[0].min_review_assurance') == signed ]]
}

test_default_claimed_still_accepts_a_trailer() {
  make_server; make_client; cd client
  ai_commit a.txt "Add a" "$BOB"
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == claimed ]]
  local out; out=$("$CUSTODY_BIN" doctor --repo ../server.git 2>&1 || true)
  grep -qF "AI-assisted commits on protected refs: 1, reviewed: 1 (claimed 1); 1 only claimed by a trailer" <<<"$out" || fail "doctor: $out"
  grep -qF "receive.certNonceSeed is set" <<<"$out" || fail "doctor: nonce seed"
}

test_reviewer_who_pushes_is_pusher_level() {
  assurance_server pusher; cd client
  ai_commit a.txt "Add a" "$BOB"
  push_env CUSTODY_PUSHER=alice -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "the author's push counted as Bob's review"
  expect_output_contains "missing 1 reviewer proven at assurance \"pusher\" or stronger, has 0 (Bob Reviewer <bob@example.com> is claimed)"
  expect_output_contains "fix: the reviewer pushes it with their own account (listed in [[people]] accounts), or signs it (git commit -S)"
  push_env CUSTODY_PUSHER=bob -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "Bob's own push was refused"
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == pusher ]]
  [[ $(ledger_field ../server.git 1 '.pusher.person') == "Bob Reviewer" ]]
}

# gitea_merge: on main, a merge of `feature` (one unreviewed AI commit by Alice) with the message
# Gitea pre-fills (models/issues/pull.go: Reviewed-on + one Reviewed-by per approval), committed
# as the merger CAROL.
gitea_merge() {
  git checkout -qb feature; ai_commit f.txt "Add f"; git checkout -q main
  GIT_COMMITTER_NAME="Carol Maintainer" GIT_COMMITTER_EMAIL=carol@example.com \
    GIT_AUTHOR_NAME="Carol Maintainer" GIT_AUTHOR_EMAIL=carol@example.com \
    git merge -q --no-ff --no-verify feature -m "Merge pull request 'Add f' (#3) from feature into main" \
    -m $'Reviewed-on: https://gitea.example.com/acme/app/pulls/3\nReviewed-by: Bob Reviewer <bob@example.com>'
}

test_gitea_web_merge_is_platform_level() {
  assurance_server platform; cd client
  gitea_merge
  # The same message pushed from a clone is only a claim.
  push_env GITEA_PUSHER_NAME=carol -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "a hand-pushed Gitea-style message counted as a platform merge"
  expect_output_contains "missing 1 reviewer proven at assurance \"platform\" or stronger, has 0 (Bob Reviewer <bob@example.com> is claimed)"
  push_env GITEA_PUSHER_NAME=carol GITEA_PUSH_TRIGGER=pr-merge-to-base SSH_ORIGINAL_COMMAND=gitea-internal -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "Gitea web merge refused"
  local ai; ai=$(git rev-parse feature)
  [[ $(ledger_field ../server.git 1 ".commits[] | select(.id == \"$ai\") | .reviewers[0].assurance") == platform ]]
  [[ $(ledger_field ../server.git 1 ".commits[] | select(.id == \"$ai\") | .covered_by") == "$(git rev-parse HEAD)" ]]
}

test_gitea_self_merge_does_not_count() {
  assurance_server platform; cd client
  gitea_merge
  # Alice, the AI commit's author, clicks merge herself: her pre-filled message proves nothing.
  push_env GITEA_PUSHER_NAME=alice GITEA_PUSH_TRIGGER=pr-merge-to-base -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "self-merge counted as a platform review"
  expect_output_contains "\"Add f\": an AI-assisted commit on a protected ref needs a human reviewer and a review date; missing 1 reviewer proven at assurance \"platform\" or stronger, has 0 (Bob Reviewer <bob@example.com> is claimed)"
  expect_output_contains "fix: merge it in the hosting platform's web UI after an approval by someone other than the author, or have the reviewer push or sign it"
}

test_gitlab_web_squash_with_approved_by_is_platform_level() {
  assurance_server platform; cd client
  ai_commit a.txt "Add a" $'Approved-by: Bob Reviewer <bob@example.com>\nReview-Date: 2026-01-02'
  push_env GL_USERNAME=carol GL_PROTOCOL=ssh GL_ID=user-3 -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "an Approved-by line pushed over ssh counted as a platform merge"
  push_env GL_USERNAME=carol GL_PROTOCOL=web GL_ID=user-3 -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "GitLab web merge refused"
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == platform ]]
  [[ $(ledger_field ../server.git 1 '.commits[0].web_merge') == gitlab ]]
}

test_ruleset_raises_the_level_for_its_refs() {
  make_server
  printf '%s\n[[rulesets]]\nname = "release"\nrefs = ["refs/heads/release/**"]\nrules = { trailer_schema = true, min_review_assurance = "pusher" }\n' "$REGISTRY" >server.git/custody.toml
  make_client; cd client
  ai_commit a.txt "Add a" "$BOB"
  expect_push_accepted origin HEAD:refs/heads/main
  push_env CUSTODY_PUSHER=alice -- origin HEAD:refs/heads/release/1.0
  [[ $PUSH_RC -ne 0 ]] || fail "release ruleset's level not applied"
  expect_output_contains "missing 1 reviewer proven at assurance \"pusher\" or stronger"
}

# ---- signed: real SSH keys, git commit -S / git merge -S with gpg.format=ssh ----

probe() {
  command -v ssh-keygen >/dev/null || { echo "ssh-keygen not installed"; return 1; }
  command -v gpg >/dev/null || { echo "gpg not installed"; return 1; }
}

# signing_server LEVEL: keys for bob, alice and a stranger in ./keys; bob's and alice's registered.
signing_server() {
  mkdir -p keys
  for who in bob alice stranger; do ssh-keygen -q -t ed25519 -N '' -C "$who@laptop" -f "keys/$who"; done
  make_server
  {
    printf '%s' "$REGISTRY" | sed "/^emails = \[\"bob@example.com\"\]/a ssh_keys = [\"$(cat keys/bob.pub)\"]" |
      sed "/^emails = \[\"alice@example.com\"\]/a ssh_keys = [\"$(cat keys/alice.pub)\"]"
    printf '\n[trailers]\nmin_review_assurance = "%s"\n' "$1"
  } >server.git/custody.toml
  "$CUSTODY_BIN" people check server.git/custody.toml
  make_client
}

sign_as() { # sign_as WHO git-args...: runs git with WHO's SSH key as the signing key
  local who=$1; shift
  git -c gpg.format=ssh -c user.signingkey="$PWD/../keys/$who" "$@"
}

test_commit_signed_by_the_reviewer_is_signed_level() {
  signing_server signed; cd client
  ai_commit a.txt "Add a" "$BOB"
  sign_as bob commit -q --amend --no-edit --no-verify -S
  git log -1 --format=%B | grep >/dev/null "Reviewed-By: Bob"
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == signed ]]
  [[ $(ledger_field ../server.git 1 '.commits[0].signed_by[0]') == "Bob Reviewer" ]]
}

test_valid_signature_by_a_key_not_the_reviewers_is_only_claimed() {
  signing_server signed; cd client
  ai_commit a.txt "Add a" "$BOB"
  sign_as alice commit -q --amend --no-edit --no-verify -S # a valid signature, but Alice's
  expect_push_rejected origin main
  expect_output_contains "missing 1 reviewer proven at assurance \"signed\" or stronger, has 0 (Bob Reviewer <bob@example.com> is claimed)"
  [[ $(ledger_field ../server.git 1 '.commits[0].signed_by[0]') == "Alice Developer" ]]
  sign_as stranger commit -q --amend --no-edit --no-verify -S # a key nobody registered
  expect_push_rejected origin main
  [[ $(ledger_field ../server.git 1 '.commits[0].signed_by') == null ]]
}

test_signed_merge_by_the_reviewer_covers_the_merged_commits() {
  signing_server signed; cd client
  git checkout -qb feature; ai_commit f.txt "Add f"; git checkout -q main
  GIT_COMMITTER_NAME="Bob Reviewer" GIT_COMMITTER_EMAIL=bob@example.com \
    sign_as bob merge -q --no-ff --no-verify -S feature -m "Merge feature" -m "$BOB"
  expect_push_accepted origin main
  local ai; ai=$(git rev-parse feature)
  [[ $(ledger_field ../server.git 1 ".commits[] | select(.id == \"$ai\") | .reviewers[0].assurance") == signed ]]
}

# ---- signed with OpenPGP: gpg keys, git commit -S / git merge -S with gpg.format=openpgp ----

# gpg_signing_server LEVEL: OpenPGP keys for bob, alice and a stranger; all three exported to the
# server's keyring, bob's and alice's registered.
gpg_signing_server() {
  gpg_home
  BOB_FPR=$(gpg_key "Bob Reviewer" bob@example.com)
  ALICE_FPR=$(gpg_key "Alice Developer" alice@example.com)
  STRANGER_FPR=$(gpg_key "Stranger" stranger@example.com)
  make_server
  gpg_export server.git/people.asc "$BOB_FPR" "$ALICE_FPR" "$STRANGER_FPR"
  {
    printf '%s' "$REGISTRY" | sed "/^emails = \[\"bob@example.com\"\]/a gpg_fingerprints = [\"$BOB_FPR\"]" |
      sed "/^emails = \[\"alice@example.com\"\]/a gpg_fingerprints = [\"$ALICE_FPR\"]"
    printf '\n[signing]\ngpg_keyring = "people.asc"\n'
    printf '\n[trailers]\nmin_review_assurance = "%s"\n' "$1"
  } >server.git/custody.toml
  "$CUSTODY_BIN" people check server.git/custody.toml
  make_client
}

test_openpgp_signed_merge_by_the_reviewer_covers_the_merged_commits() {
  gpg_signing_server signed; cd client
  git checkout -qb feature; ai_commit f.txt "Add f"; git checkout -q main
  GIT_COMMITTER_NAME="Bob Reviewer" GIT_COMMITTER_EMAIL=bob@example.com \
    gpg_sign_as "$BOB_FPR" merge -q --no-ff --no-verify -S feature -m "Merge feature" -m "$BOB"
  git cat-file commit HEAD | grep >/dev/null "^gpgsig -----BEGIN PGP SIGNATURE-----"
  expect_push_accepted origin main
  local ai merge; ai=$(git rev-parse feature); merge=$(git rev-parse HEAD)
  [[ $(ledger_field ../server.git 1 ".commits[] | select(.id == \"$ai\") | .reviewers[0].assurance") == signed ]]
  [[ $(ledger_field ../server.git 1 ".commits[] | select(.id == \"$merge\") | .signed_by[0]") == "Bob Reviewer" ]]
}

test_openpgp_signature_by_a_key_not_the_reviewers_is_only_claimed() {
  gpg_signing_server signed; cd client
  ai_commit a.txt "Add a" "$BOB"
  gpg_sign_as "$ALICE_FPR" commit -q --amend --no-edit --no-verify -S # a good signature, Alice's
  expect_push_rejected origin main
  expect_output_contains "missing 1 reviewer proven at assurance \"signed\" or stronger, has 0 (Bob Reviewer <bob@example.com> is claimed)"
  expect_output_contains "remote: custody:   fix: with OpenPGP, the same with -c gpg.format=openpgp -c user.signingkey=FINGERPRINT (a key registered in [[people]] gpg_fingerprints and exported to [signing] gpg_keyring)"
  [[ $(ledger_field ../server.git 1 '.commits[0].signed_by[0]') == "Alice Developer" ]]
  gpg_sign_as "$STRANGER_FPR" commit -q --amend --no-edit --no-verify -S # in the keyring, nobody's
  expect_push_rejected origin main
  [[ $(ledger_field ../server.git 1 '.commits[0].signed_by') == null ]]
  gpg_sign_as "$BOB_FPR" commit -q --amend --no-edit --no-verify -S
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == signed ]]
}

test_openpgp_signed_push_by_the_reviewer_is_signed_level_and_stored() {
  gpg_signing_server signed; cd client
  ai_commit a.txt "Add a" "$BOB"
  set +e
  PUSH_OUT=$(gpg_sign_as "$BOB_FPR" push --signed origin main 2>&1); PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
  [[ $PUSH_RC -eq 0 ]] || fail "Bob's OpenPGP-signed push was refused"
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == signed ]]
  [[ $(ledger_field ../server.git 1 '.push_certificate.signer') == "Bob Reviewer" ]]
  ledger_field ../server.git 1 '.push_certificate.text' | grep >/dev/null "^-----BEGIN PGP SIGNATURE-----$"
}

test_openpgp_push_signed_by_a_key_registered_to_nobody_does_not_vouch() {
  gpg_signing_server signed; cd client
  ai_commit a.txt "Add a" "$BOB"
  set +e
  PUSH_OUT=$(gpg_sign_as "$STRANGER_FPR" push --signed origin main 2>&1); PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
  [[ $PUSH_RC -ne 0 ]] || fail "a stranger's signed push counted as Bob's review"
  expect_output_contains "(Bob Reviewer <bob@example.com> is claimed)"
  [[ $(ledger_field ../server.git 1 '.push_certificate.signer') == "" ]]
  [[ $(ledger_field ../server.git 1 '.push_certificate.nonce_status') == OK ]]
}

# ---- signed pushes: git push --signed (custody install sets receive.certNonceSeed) ----

test_signed_push_by_the_reviewer_is_signed_level_and_stored() {
  signing_server signed; cd client
  [[ -n $(git --git-dir=../server.git config receive.certNonceSeed) ]] || fail "no nonce seed"
  ai_commit a.txt "Add a" "$BOB"
  set +e
  PUSH_OUT=$(sign_as bob push --signed origin main 2>&1); PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
  [[ $PUSH_RC -eq 0 ]] || fail "Bob's signed push was refused"
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == signed ]]
  [[ $(ledger_field ../server.git 1 '.push_certificate.signer') == "Bob Reviewer" ]]
  [[ $(ledger_field ../server.git 1 '.push_certificate.nonce_status') == OK ]]
  ledger_field ../server.git 1 '.push_certificate.text' | grep >/dev/null "^pushee "
  ledger_field ../server.git 1 '.push_certificate.text' | grep >/dev/null " refs/heads/main$"
  # Reports count review coverage by assurance.
  "$CUSTODY_BIN" log report --repo ../server.git --format md >report.md
  grep -qF "AI-assisted commits on protected refs: 1, reviewed: 1 (signed 1)" report.md || fail "md report: $(cat report.md)"
  [[ $("$CUSTODY_BIN" log report --repo ../server.git | jq -c .summary.totals.ai_reviewed_by_assurance) == '{"signed":1}' ]] || fail "json report"
  "$CUSTODY_BIN" log report --repo ../server.git --format html | grep -F >/dev/null "signed 1" || fail "html report"
}

test_unregistered_push_signer_does_not_vouch() {
  signing_server signed; cd client
  ai_commit a.txt "Add a" "$BOB"
  set +e
  PUSH_OUT=$(sign_as stranger push --signed origin main 2>&1); PUSH_RC=$?
  set -e
  [[ $PUSH_RC -ne 0 ]] || fail "a stranger's signed push counted as Bob's review"
  grep -qF "fix: or the reviewer pushes it with a signed push certificate: git -c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 push --signed" <<<"$PUSH_OUT" || fail "hint"
  [[ $(ledger_field ../server.git 1 '.push_certificate.signer') == "" ]]
}

test_push_certificate_with_a_bad_nonce_is_refused() {
  signing_server claimed; cd client
  commit_file a.txt a
  sign_as bob push -q --signed origin main 2>/dev/null
  local cert; cert=$(ledger_field ../server.git 1 '.push_certificate.id')
  [[ -n $cert && $cert != null ]] || fail "no certificate recorded"
  # Replay: the old certificate presented again, which git reports with nonce status BAD.
  commit_file b.txt b
  git push -q origin HEAD:refs/heads/topic 2>/dev/null
  local old new; old=$(git rev-parse HEAD~1); new=$(git rev-parse HEAD)
  set +e
  PUSH_OUT=$(cd ../server.git && echo "$old $new refs/heads/main" |
    env -u CUSTODY_PUSHER GIT_DIR=. CUSTODY_PUSHER=bob GIT_PUSH_CERT="$cert" GIT_PUSH_CERT_STATUS=G \
      GIT_PUSH_CERT_NONCE_STATUS=BAD hooks/pre-receive 2>&1)
  PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  hook> /'
  [[ $PUSH_RC -ne 0 ]] || fail "a replayed certificate was accepted"
  expect_output_contains "refs/heads/main: the push certificate's nonce is BAD: this server did not issue it for this push (a replayed or forged certificate) [signed_push.nonce, SOC 2 CC6.1]"
  expect_output_contains "fix: push again with a fresh certificate: git push --signed"
  [[ $(ledger_field ../server.git 1 '.decision') == rejected ]]
  [[ $(ledger_field ../server.git 1 '.push_certificate.nonce_status') == BAD ]]
}
