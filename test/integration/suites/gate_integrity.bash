# Ways around the gate a git-savvy pusher knows (issue #10, docs/threat-model.md): refs that point
# at trees and blobs, objects already in the store, symbolic refs aliasing a protected ref, replace
# refs and notes, names with slashes under protected globs, and a commit checked under one ref's
# rules reaching a ref with other rules. Each test asserts what the protected ref holds afterwards,
# what the pusher was told and what the ledger holds.

SECRET=sk_live_9fQ2xLm7RtV4kZp8WcN3bJ6hYs1D

secret_file() { printf 'STRIPE_KEY=%s\n' "$SECRET" >"$1"; }

expect_secret_not_logged() {
  ! grep -qF "$SECRET" "$(ledger ../server.git)" || fail "the ledger holds the secret"
  expect_output_lacks "$SECRET"
}

test_a_tree_pushed_as_a_ref_is_scanned() {
  make_server; make_client
  cd client; secret_file leak.env
  local blob tree
  blob=$(git hash-object -w leak.env)
  tree=$(printf '100644 blob %s\tleak.env\n' "$blob" | git mktree)
  expect_push_rejected origin "$tree:refs/stash-of-trees/t"
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_ref_absent ../server.git refs/stash-of-trees/t
  expect_secret_not_logged
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]]
  [[ $(ledger_field ../server.git 1 '.findings[0].path') == leak.env ]] ||
    fail "the finding's path is not recorded: $(tail -n 1 "$(ledger ../server.git)")"
}

test_a_blob_pushed_as_a_ref_is_scanned() {
  make_server; make_client
  cd client; secret_file leak.env
  local blob; blob=$(git hash-object -w leak.env)
  expect_push_rejected origin "$blob:refs/blobs/b"
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_ref_absent ../server.git refs/blobs/b
  expect_secret_not_logged
}

# The blob is in the server's object store before the push (a rejected update-hook push, a fork
# network's alternates, an unreferenced blob in an earlier innocent pack): no ref reaches it, so
# the commit that brings it to main brings it in.
test_a_blob_already_in_the_store_is_scanned_when_a_push_makes_it_reachable() {
  make_server; make_client
  secret_file seeded.env
  git --git-dir=server.git hash-object -w seeded.env >/dev/null
  cd client; cp ../seeded.env config.env; git add config.env; git commit -qm "add config"
  expect_push_rejected origin main
  expect_output_contains "config.env:1"
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD~1)"
  expect_secret_not_logged
}

# A blob first pushed alone under a ref no ruleset scans is found again when it reaches main.
test_a_blob_behind_an_unscanned_ref_is_scanned_when_it_reaches_main() {
  make_server; make_client
  cat >server.git/custody.toml <<'EOF'
[[rulesets]]
name = "default"
rules = { secret_scanning = "targeted-refs" }
EOF
  cd client; secret_file leak.env
  local blob; blob=$(git hash-object -w leak.env)
  expect_push_accepted origin "$blob:refs/parking/b"
  git add leak.env; git commit -qm "add leak"
  expect_push_rejected origin main
  expect_output_contains "leak.env:1"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD~1)"
}

test_a_push_to_a_symbolic_ref_is_judged_as_its_target() {
  make_server; make_client
  git --git-dir=server.git symbolic-ref refs/heads/latest refs/heads/main
  cd client; commit_file a.txt one; git push -q origin main
  local before; before=$(git rev-parse HEAD)
  git reset -q --hard HEAD~1; commit_file b.txt two "rewritten"
  expect_push_rejected --force origin HEAD:refs/heads/latest
  expect_output_contains "refs/heads/main: force push: the new tip"
  expect_output_contains "[refs.force_push, SOC 2 CC8.1]"
  expect_ref_at ../server.git refs/heads/main "$before"
  [[ $(ledger_field ../server.git 1 .ref) == refs/heads/main ]]
  [[ $(ledger_field ../server.git 1 .pushed_as) == refs/heads/latest ]] ||
    fail "the alias is not recorded: $(tail -n 1 "$(ledger ../server.git)")"
}

test_replace_refs_cannot_be_created() {
  make_server; make_client
  cd client; commit_file a.txt one; git push -q origin main
  git checkout -q --orphan fake; commit_file a.txt "harmless looking"
  local fake; fake=$(git rev-parse HEAD)
  git replace "$(git rev-parse main)" "$fake"
  expect_push_rejected origin "refs/replace/$(git rev-parse main)"
  expect_output_contains "creating refs/replace/$(git rev-parse main) refused: ruleset \"history-views\" allows no new refs here [refs.creation, SOC 2 CC8.1]"
  expect_ref_absent ../server.git "refs/replace/$(git rev-parse main)"
  [[ $(ledger_field ../server.git 1 '.violations[0].ruleset') == history-views ]]
}

test_notes_cannot_be_created_or_moved_by_a_pusher() {
  make_server; make_client
  cd client
  git notes add -m "reviewed by Jane" HEAD
  expect_push_rejected origin refs/notes/commits
  expect_output_contains "[refs.creation, SOC 2 CC8.1]"
  expect_ref_absent ../server.git refs/notes/commits
  # Created by an administrator on the server, it still cannot be moved by a push.
  git --git-dir=../server.git fetch -q "$PWD" refs/notes/commits:refs/notes/commits
  git notes add -f -m "reviewed by Jane and Bob" HEAD
  expect_push_rejected origin refs/notes/commits
  expect_output_contains "moving refs/notes/commits refused: ruleset \"history-views\" allows no updates here [refs.update, SOC 2 CC8.1]"
}

test_tags_and_release_branches_with_slashes_are_protected() {
  make_server; make_client
  cd client; git tag -a release/9.0 -m "9.0"
  git push -q origin release/9.0 HEAD:refs/heads/release/1.0/hotfix
  expect_push_rejected origin :refs/tags/release/9.0
  expect_output_contains "refs/tags/release/9.0: deletion refused"
  expect_push_rejected origin :refs/heads/release/1.0/hotfix
  expect_output_contains "refs/heads/release/1.0/hotfix: deletion refused"
  expect_ref_at ../server.git refs/heads/release/1.0/hotfix "$(git rev-parse HEAD)"
}

# A rule limited to main is not skipped by bringing the commit in under a tag first.
test_a_commit_checked_under_a_tag_is_checked_again_for_main() {
  make_server; make_client
  cat >server.git/custody.toml <<'EOF'
[[trailers.rule]]
id = "main-ticket"
description = "commits reaching main name a ticket"
when = { refs = ["refs/heads/main"] }
require = ["Ticket"]
EOF
  cd client; commit_file a.txt one "no ticket here"
  git tag -a v2.0 -m "2.0"
  expect_push_accepted origin v2.0
  expect_push_rejected origin main
  expect_output_contains "main-ticket"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD~1)"
}

# Hosts that store a push's objects before pre-receive runs (no GIT_QUARANTINE_PATH): presence in
# the store says nothing, so custody decides by reachability and says so in the record.
test_pre_receive_without_quarantine_decides_by_reachability() {
  make_server; make_client
  cd client; git checkout -qb feature; secret_file leak.env; git add leak.env; git commit -qm "leak"
  # The objects reach the server's store the way such a host stores them: before any hook.
  git --git-dir=../server.git fetch -q "$PWD" HEAD:refs/incoming/tmp
  git --git-dir=../server.git update-ref -d refs/incoming/tmp
  local zero=0000000000000000000000000000000000000000 new; new=$(git rev-parse HEAD)
  set +e
  PUSH_OUT=$(cd ../server.git && echo "$zero $new refs/heads/feature" |
    env -u GIT_QUARANTINE_PATH GIT_DIR=. ./hooks/pre-receive 2>&1)
  PUSH_RC=$?
  set -e
  [[ $PUSH_RC -ne 0 ]] || fail "the hook accepted a secret it found in the store: $PUSH_OUT"
  expect_output_contains "secrets.stripe-secret-key-live"
  [[ $(ledger_field ../server.git 1 .secrets_scan.new_objects_by) == reachability* ]] ||
    fail "the record does not say how new objects were decided: $(tail -n 1 "$(ledger ../server.git)")"
}

# A replace ref already on the server (made by an administrator, or left from an import) makes git
# show another commit in place of the pushed one; custody reads the pushed objects themselves.
test_replace_refs_do_not_change_what_custody_reads() {
  make_server; make_client
  cd client; git checkout -q -b clean; commit_file config.env "nothing here"
  local clean; clean=$(git rev-parse HEAD)
  git checkout -q main; secret_file config.env; git add config.env; git commit -qm "add config"
  git --git-dir=../server.git fetch -q "$PWD" clean:refs/heads/clean
  git --git-dir=../server.git update-ref "refs/replace/$(git rev-parse HEAD)" "$clean"
  [[ $(git --git-dir=../server.git show "$(git rev-parse HEAD)":config.env 2>/dev/null) == "nothing here" ]] ||
    fail "the replacement is not in effect for git on the server"
  expect_push_rejected origin main
  expect_output_contains "config.env:1"
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD~1)"
}

# A date cut-over (trailers.exempt_before = "2025-01-01") is anchored to the protected refs as
# they were when custody first saw it, never to the committer date the pusher chose: an unreviewed
# AI commit backdated to 2020 is refused on main.
test_a_backdated_ai_commit_is_not_exempt() {
  make_server; make_client
  printf '[trailers]\nexempt_before = "2025-01-01"\n' >server.git/custody.toml
  cd client
  local before; before=$(git rev-parse HEAD)
  echo "old" >old.txt; git add old.txt
  GIT_AUTHOR_DATE="2020-03-04T05:06:07Z" GIT_COMMITTER_DATE="2020-03-04T05:06:07Z" \
    git commit -qm "Old-looking work" -m "AI-Generated: claude-code/opus-4"
  [[ $(git log -1 --format=%ct) == "$(date -ud 2020-03-04T05:06:07Z +%s)" ]] || fail "the commit is not backdated"
  local ai; ai=$(git rev-parse HEAD)
  expect_push_rejected origin main
  expect_output_contains "trailers.ai-review"
  expect_ref_at ../server.git refs/heads/main "$before"
  # The ledger holds the cut-over state (main's tip before this push) and the refusal.
  [[ $(ledger_field ../server.git 2 .type) == cutover ]] || fail "no cutover record"
  [[ $(ledger_field ../server.git 2 .exempt_before) == 2025-01-01T00:00:00Z ]] || fail "date"
  [[ $(ledger_field ../server.git 2 '.refs["refs/heads/main"]') == "$before" ]] || fail "tips"
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]] || fail "decision"
  [[ $(ledger_field ../server.git 1 '.commits[0].id') == "$ai" ]] || fail "commit evidence"
  [[ $(ledger_field ../server.git 1 '.commits[0].verdict') == rejected ]] || fail "verdict"
  # The state is recorded once: a second attempt reads it back instead of recording again.
  local count; count=$(ledger_count ../server.git)
  expect_push_rejected origin main
  [[ $(ledger_count ../server.git) == $((count + 1)) ]] || fail "the cut-over was recorded again"
}

REVIEWED=$'AI-Generated: claude-code/opus-4\nReviewed-By: Jane Doe <jane@example.com>\nReview-Date: 2026-01-02'

# Risky-path conditions match letters in either case: `src/Auth/` is as risky as `src/auth/`
# (a case-insensitive checkout makes them the same directory).
test_a_risky_path_spelled_in_another_case_is_still_risky() {
  make_server; make_client
  cd client; local before; before=$(git rev-parse HEAD)
  mkdir -p src/Auth; echo "token" >src/Auth/Token.go; git add src/Auth/Token.go
  git commit -qm "Add token" -m "$REVIEWED"
  expect_push_rejected origin main
  expect_output_contains "trailers.risky-paths"
  expect_output_contains "needs two distinct human reviewers"
  expect_ref_at ../server.git refs/heads/main "$before"
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]] || fail "decision"
  [[ $(ledger_field ../server.git 1 '.commits[0].verdict') == rejected ]] || fail "verdict"
  # A site that wants exact case says so.
  printf '[trailers]\npaths_case_sensitive = true\n' >../server.git/custody.toml
  expect_push_accepted origin main
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
}

# A Review-Date before the commit was written (beyond a day) or before 2000 is not evidence.
test_a_review_dated_before_the_commit_is_refused() {
  make_server; make_client
  cd client; local before; before=$(git rev-parse HEAD)
  commit_file a.txt a "Add a"$'\n\n'"${REVIEWED/2026-01-02/2025-12-30}"
  expect_push_rejected origin main
  expect_output_contains "Review-Date: 2025-12-30 is before the commit was written (author date 2026-01-02T03:04:05Z); a review cannot be dated before the work it reviews"
  expect_ref_at ../server.git refs/heads/main "$before"
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]] || fail "decision"
  git reset -q --hard "$before"
  commit_file b.txt b "Add b"$'\n\n'"${REVIEWED/2026-01-02/1999-12-31}"
  expect_push_rejected origin main
  expect_output_contains "Review-Date: 1999-12-31 is before 2000-01-01; a review cannot be dated before it happened"
  expect_ref_at ../server.git refs/heads/main "$before"
}
