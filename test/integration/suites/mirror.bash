# custody check --since-last on a bare mirror filled by `git fetch` (no receive hooks run on a
# fetch, HOOK-CONTRACTS.md §1.7): someone force-pushes main upstream, the mirror fetches it,
# the check reports it, and --enforce puts main back.

setup_mirror() {
  git init -q --bare upstream.git
  git clone -q upstream.git dev 2>/dev/null
  (cd dev && commit_file README hello "Initial commit" && git push -q origin HEAD:main 2>/dev/null)
  git clone -q --mirror upstream.git mirror.git
  out=$("$CUSTODY_BIN" check --repo mirror.git --since-last); echo "$out"
  grep -q "recorded its 1 refs as the baseline" <<<"$out"
}

fetch_mirror() { git -C mirror.git fetch -q --prune origin 2>&1; }

check() { # check ARGS...: runs custody check, output in $OUT, status in $RC
  set +e; OUT=$("$CUSTODY_BIN" check --repo mirror.git --since-last "$@" 2>&1); RC=$?; set -e
  echo "$OUT" | sed 's/^/  check> /'
}

test_fast_forward_is_accepted_and_recorded() {
  setup_mirror
  (cd dev && commit_file a.txt a && git push -q origin main 2>/dev/null)
  fetch_mirror
  check
  [[ $RC -eq 0 ]] || fail "a fast-forward was reported"
  grep -q "^ok    refs/heads/main" <<<"$OUT"
  [[ $(ledger_field mirror.git 2 .hook) == mirror-check ]]
  [[ $(ledger_field mirror.git 2 .decision) == accepted ]]
  [[ $(ledger_field mirror.git 1 .type) == mirror-state ]]
  check
  grep -q "no ref updates since the last check" <<<"$OUT"
}

test_force_push_reported_then_enforced() {
  setup_mirror
  (cd dev && commit_file a.txt a && git push -q origin main 2>/dev/null)
  fetch_mirror; check; [[ $RC -eq 0 ]]
  good=$(git --git-dir=mirror.git rev-parse main)
  # Someone rewrites main upstream.
  (cd dev && git reset -q --hard HEAD~1 && commit_file evil.txt evil "rewritten" && git push -q -f origin main 2>/dev/null)
  bad=$(git -C dev rev-parse HEAD)
  fetch_mirror
  expect_ref_at mirror.git refs/heads/main "$bad"
  check
  [[ $RC -eq 1 ]] || fail "the force push was not reported (rc=$RC)"
  grep -q "^FAIL  refs/heads/main" <<<"$OUT"
  grep -qi "force" <<<"$OUT"
  [[ $(ledger_field mirror.git 2 .decision) == rejected ]]
  [[ $(ledger_field mirror.git 1 '.refs["refs/heads/main"]') == "$good" ]] || fail "state lost the last good main"
  # Still reported until fixed; nothing was changed without --enforce.
  check; [[ $RC -eq 1 ]]
  expect_ref_at mirror.git refs/heads/main "$bad"
  check --enforce
  [[ $RC -eq 1 ]]
  grep -q "restored refs/heads/main to $good" <<<"$OUT"
  expect_ref_at mirror.git refs/heads/main "$good"
  [[ $(ledger_field mirror.git 1 .restored[0].from) == "$bad" ]]
  [[ $(ledger_field mirror.git 1 .restored[0].to) == "$good" ]]
  check; [[ $RC -eq 0 ]]
}

test_deleted_protected_branch_is_recreated_and_new_tag_on_agent_branch_ok() {
  setup_mirror
  (cd dev && git push -q origin HEAD:refs/heads/release/1 2>/dev/null)
  fetch_mirror; check; [[ $RC -eq 0 ]]
  release=$(git --git-dir=mirror.git rev-parse refs/heads/release/1)
  (cd dev && git push -q origin :refs/heads/release/1 HEAD:refs/heads/feature 2>/dev/null)
  fetch_mirror
  expect_ref_absent mirror.git refs/heads/release/1
  check --enforce
  [[ $RC -eq 1 ]]
  grep -q "^ok    refs/heads/feature" <<<"$OUT"
  grep -q "^FAIL  refs/heads/release/1" <<<"$OUT"
  expect_ref_at mirror.git refs/heads/release/1 "$release"
}

test_reference_transaction_alternative_refuses_atomic_fetch() {
  # The documented alternative (docs/hosts/mirrors.md): a reference-transaction hook that
  # refuses in `prepared`; with `git fetch --atomic` nothing is updated.
  setup_mirror
  cat >mirror.git/hooks/reference-transaction <<'HOOK'
#!/bin/sh
[ "$1" = prepared ] || exit 0
while read -r old new ref; do
  case "$ref" in refs/heads/main) git merge-base --is-ancestor "$old" "$new" 2>/dev/null || [ "$old" = 0000000000000000000000000000000000000000 ] || { echo "refusing non-fast-forward of $ref" >&2; exit 1; } ;; esac
done
HOOK
  chmod +x mirror.git/hooks/reference-transaction
  before=$(git --git-dir=mirror.git rev-parse main)
  (cd dev && git commit -q --amend -m "rewritten root" && git push -q -f origin main HEAD:refs/heads/other 2>/dev/null)
  set +e; out=$(git -C mirror.git fetch --atomic origin 2>&1); rc=$?; set -e; echo "$out"
  [[ $rc -ne 0 ]]
  grep -q "ref updates aborted by hook" <<<"$out"
  expect_ref_at mirror.git refs/heads/main "$before"
  expect_ref_absent mirror.git refs/heads/other
}

test_secret_fetched_on_a_new_branch_is_reported_and_the_branch_deleted() {
  setup_mirror
  secret=sk_live_9fQ2xLm7RtV4kZp8WcN3bJ6hYs1D
  (cd dev && git checkout -qb leak && commit_file prod.env "STRIPE_KEY=$secret" && git push -q origin leak 2>/dev/null)
  fetch_mirror
  check --enforce
  [[ $RC -eq 1 ]] || fail "the fetched secret was not reported"
  grep -q "^FAIL  refs/heads/leak" <<<"$OUT"
  grep -q "secrets.stripe-secret-key-live" <<<"$OUT"
  ! grep -qF "$secret" <<<"$OUT" || fail "the secret was printed"
  ! grep -qF "$secret" "$(ledger mirror.git)" || fail "the secret is in the ledger"
  expect_ref_absent mirror.git refs/heads/leak
  grep -q "deleted refs/heads/leak" <<<"$OUT"
}
