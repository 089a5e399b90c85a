# `custody check --repo R [--ref REF] [RANGE...] [--format text|json]`: dry runs over existing
# history with the push pipeline (every check family), without a push, a ref move or a ledger
# record. Exit 0 when nothing would be refused, 1 when something would, 2 when it cannot run.

SECRET=sk_live_9fQ2xLm7RtV4kZp8WcN3bJ6hYs1D

# A work tree whose main holds, in order: base, good, msg (bad message), ai (unreviewed
# AI-assisted commit), secret (a live Stripe key); each tagged. Ruleset "conventional" (active)
# wants "feat: " messages on main.
make_history() {
  git init -q repo; cd repo
  echo hello >README; git add README; git commit -qm "Initial commit"; git tag base
  commit_file a.txt a "feat: a"; git tag good
  commit_file b.txt b "Add b"; git tag msg
  commit_file c.txt c "feat: c"$'\n\n'"AI-Generated: claude-code/opus-4"; git tag ai
  commit_file d.txt "key = $SECRET" "feat: d"; git tag secret
  cat >.git/custody.toml <<'EOF2'
[[rulesets]]
name = "conventional"
refs = ["refs/heads/main"]
rules = { message_pattern = '^feat: ' }
EOF2
  cd ..
}

# check ARGS...: runs custody check, keeping stdout in $OUT, stderr in $ERR and status in $RC.
check() {
  set +e
  OUT=$("$CUSTODY_BIN" check "$@" 2>err.txt)
  RC=$?
  set -e
  ERR=$(cat err.txt)
  printf '%s\n' "$OUT" "$ERR" | sed 's/^/  check> /'
}

out_contains() { grep -qF -- "$1" <<<"$OUT" || fail "output lacks: $1"; }
expect_rc() { [[ $RC -eq $1 ]] || fail "exit status $RC, expected $1"; }

test_a_clean_range_passes() {
  make_history
  check --repo repo base..good
  expect_rc 0
  out_contains "ok    refs/heads/main base..good (1 commit)"
  out_contains "custody check: 1 range checked, 0 would be refused"
  [[ ! -e repo/.git/custody/ledger.jsonl ]] || fail "a dry run wrote the ledger"
}

test_push_rules_in_a_range() {
  make_history
  check --repo repo good..msg
  expect_rc 1
  out_contains "FAIL  refs/heads/main good..msg (1 commit)"
  out_contains "  refuse [push_rules.message_pattern] ruleset \"conventional\" (active): commit message \"Add b\" does not match ruleset \"conventional\"'s message_pattern '^feat: '"
  out_contains "         at commit $(git -C repo rev-parse --short=12 msg)"
  out_contains "         fix: reword it (git commit --amend, or git rebase -i <base> for older commits) and push again"
  out_contains "custody check: 1 range checked, 1 would be refused"
}

test_trailer_rules_in_a_range() {
  make_history
  check --repo repo msg..ai
  expect_rc 1
  out_contains "  refuse [trailers.ai-review] ruleset \"default\" (active): commit $(git -C repo rev-parse --short=7 ai) \"feat: c\": an AI-assisted commit on a protected ref needs a human reviewer and a review date"
}

test_secrets_in_a_range_are_refused_and_redacted() {
  make_history
  check --repo repo ai..secret
  expect_rc 1
  out_contains "[secrets.stripe-secret-key-live] ruleset \"default\" (active): possible secret:"
  ! grep -qF "$SECRET" <<<"$OUT$ERR" || fail "the secret is printed in full"
  # Secret scanning of the default ruleset covers every ref, protected or not.
  check --repo repo --ref refs/heads/topic ai..secret
  expect_rc 1
  out_contains "FAIL  refs/heads/topic ai..secret (1 commit)"
}

test_ref_rules_judge_the_range_as_a_ref_move() {
  make_history
  check --repo repo secret..good
  expect_rc 1
  out_contains "FAIL  refs/heads/main secret..good (0 commits)"
  out_contains "  refuse [refs.force_push] ruleset \"default\" (active): force push: the new tip"
}

test_several_ranges_and_the_whole_history() {
  make_history
  check --repo repo base..good good..msg
  expect_rc 1
  out_contains "ok    refs/heads/main base..good (1 commit)"
  out_contains "FAIL  refs/heads/main good..msg (1 commit)"
  out_contains "custody check: 2 ranges checked, 1 would be refused"
  check --repo repo
  expect_rc 1
  out_contains "FAIL  refs/heads/main refs/heads/main (5 commits)"
  out_contains "[push_rules.message_pattern]"
  out_contains "[trailers.ai-review]"
  out_contains "[secrets.stripe-secret-key-live]"
  # On another ref only the rules targeting it apply.
  check --repo repo --ref topic good..msg
  expect_rc 0
  out_contains "ok    refs/heads/topic good..msg (1 commit)"
}

test_json_output_and_evaluate_mode() {
  make_history
  check --repo repo --format json good..msg
  expect_rc 1
  [[ $(jq -r .refused <<<"$OUT") == true ]]
  [[ $(jq -r .ref <<<"$OUT") == refs/heads/main ]]
  [[ $(jq -r '.ranges[0].range' <<<"$OUT") == good..msg ]]
  [[ $(jq -r '.ranges[0].commits' <<<"$OUT") == 1 ]]
  [[ $(jq -r '.ranges[0].violations[0].rule' <<<"$OUT") == push_rules.message_pattern ]]
  [[ $(jq -r '.ranges[0].violations[0].ruleset' <<<"$OUT") == conventional ]]
  [[ $(jq -r '.ranges[0].violations[0].commit' <<<"$OUT") == "$(git -C repo rev-parse msg)" ]]
  sed -i 's/^name = "conventional"/&\nenforcement = "evaluate"/' repo/.git/custody.toml
  check --repo repo --format json good..msg
  expect_rc 0
  [[ $(jq -r .refused <<<"$OUT") == false ]]
  [[ $(jq -r '.ranges[0].violations | length' <<<"$OUT") == 0 ]]
  [[ $(jq -r '.ranges[0].would_reject[0].rule' <<<"$OUT") == push_rules.message_pattern ]]
  [[ $(jq -r '.ranges[0].would_reject[0].enforcement' <<<"$OUT") == evaluate ]]
  check --repo repo good..msg
  out_contains "  warn   [push_rules.message_pattern] ruleset \"conventional\" (evaluate):"
  out_contains "ok    refs/heads/main good..msg (1 commit, 1 warning)"
}

test_exit_codes_for_what_cannot_run() {
  make_history
  check --repo repo good..nosuch
  expect_rc 2
  grep -qF 'custody check: unknown revision "nosuch"' <<<"$ERR" || fail "stderr: $ERR"
  check --repo repo base...good
  expect_rc 2
  check --repo repo --format yaml good
  expect_rc 129
  check --repo repo --enforce good
  expect_rc 129
  echo "rulesets = 1" >>repo/.git/custody.toml
  check --repo repo good
  expect_rc 2
  grep -qF "configuration error:" <<<"$ERR" || fail "stderr: $ERR"
}
