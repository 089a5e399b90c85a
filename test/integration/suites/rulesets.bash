# Rulesets through real pushes (docs/config.md, "[[rulesets]]"): log-only roll-out, targets with
# include and exclude globs, several rulesets on one ref (the strictest wins), and bypass lists
# (listed humans with a reason only; agents never), each recorded in the ledger.

force_main() { # a force push of main, as the pusher would try it
  commit_file a.txt one; git push -q origin main
  git reset -q --hard HEAD~1; commit_file b.txt two "rewritten"
}

test_evaluate_mode_records_what_it_would_refuse_and_refuses_nothing() {
  make_server; make_client
  cat >server.git/custody.toml <<'EOF'
[[rulesets]]
name = "default"
enforcement = "evaluate"
EOF
  cd client; force_main
  expect_push_accepted --force origin main
  expect_output_contains "warning: custody: ruleset \"default\" (evaluate) would refuse refs/heads/main: force push: the new tip"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 .decision) == accepted ]]
  [[ $(ledger_field ../server.git 1 '.would_reject[0].rule') == refs.force_push ]] ||
    fail "would_reject not recorded: $(tail -n 1 "$(ledger ../server.git)")"
  # Reports count what each rule would have refused, per period and rule.
  local month; month=$(ledger_field ../server.git 1 .time | cut -c1-7)
  "$CUSTODY_BIN" log report --repo ../server.git --format md --period month >report.md
  grep -F >/dev/null -- "- $month \`refs.force_push\`: 1" report.md || fail "md report: $(cat report.md)"
  "$CUSTODY_BIN" log report --repo ../server.git --format html >report.html
  grep -F >/dev/null "<tr><td>$month</td><td>refs.force_push</td><td class=\"n\">1</td></tr>" report.html ||
    fail "html report lacks the would-reject row"
}

test_include_and_exclude_globs_choose_the_refs() {
  make_server; make_client
  cat >server.git/custody.toml <<'EOF'
[[rulesets]]
name = "team"
refs = ["refs/heads/team/**"]
exclude = ["refs/heads/team/scratch/**"]
rules = { deletion = true }
EOF
  cd client
  git push -q origin HEAD:refs/heads/team/a/b HEAD:refs/heads/team/scratch/x
  expect_push_rejected origin :refs/heads/team/a/b
  expect_output_contains "refs/heads/team/a/b: deletion refused: protected refs may not be deleted [refs.deletion, SOC 2 CC8.1]"
  [[ $(ledger_field ../server.git 1 '.violations[0].ruleset') == team ]]
  expect_push_accepted origin :refs/heads/team/scratch/x
  expect_ref_absent ../server.git refs/heads/team/scratch/x
}

test_an_active_ruleset_wins_over_an_evaluating_one_on_the_same_ref() {
  make_server; make_client
  cat >server.git/custody.toml <<'EOF'
[[rulesets]]
name = "default"
enforcement = "evaluate"

[[rulesets]]
name = "main-strict"
refs = ["refs/heads/main"]
rules = { non_fast_forward = true }
EOF
  cd client; force_main
  local before; before=$(git rev-parse ORIG_HEAD 2>/dev/null || true)
  expect_push_rejected --force origin main
  expect_output_contains "[refs.force_push, SOC 2 CC8.1]"
  [[ $(ledger_field ../server.git 1 '.violations | length') == 1 ]]
  [[ $(ledger_field ../server.git 1 '.violations[0].ruleset') == main-strict ]] ||
    fail "the strictest ruleset is not the one recorded: $(tail -n 1 "$(ledger ../server.git)")"
}

bypass_config() {
  git --git-dir=server.git config receive.advertisePushOptions true
  cat >server.git/custody.toml <<'EOF'
[[rulesets]]
name = "default"
bypass = ["alice", "claude-bot"]
EOF
}

test_a_listed_human_bypasses_with_a_reason_and_it_is_recorded() {
  make_server; make_client; bypass_config
  cd client; force_main
  expect_push_accepted --force -o custody.bypass-ruleset=default -o "custody.reason=hotfix rollback INC-42" origin main
  expect_output_contains "bypassed (ruleset \"default\"): refs/heads/main: force push"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 '.ruleset_bypasses[0].by') == alice ]]
  [[ $(ledger_field ../server.git 1 '.ruleset_bypasses[0].reason') == "hotfix rollback INC-42" ]]
  [[ $(ledger_field ../server.git 1 '.bypassed_violations[0].rule') == refs.force_push ]] ||
    fail "the bypassed violation is not recorded: $(tail -n 1 "$(ledger ../server.git)")"
}

test_a_bypass_without_a_reason_or_by_someone_unlisted_is_refused() {
  make_server; make_client; bypass_config
  cd client; force_main
  expect_push_rejected --force -o custody.bypass-ruleset=default origin main
  expect_output_contains "the bypass was refused: say why with -o custody.reason=\"...\""
  CUSTODY_PUSHER=mallory expect_push_rejected --force -o custody.bypass-ruleset=default -o custody.reason=x origin main
  expect_output_contains "the bypass was refused: mallory is not in ruleset \"default\"'s bypass list"
  expect_push_rejected --force -o custody.bypass-ruleset=nosuch -o custody.reason=x origin main
  expect_output_contains "the bypass was refused: there is no ruleset \"nosuch\""
}

test_an_agent_never_bypasses_even_when_listed() {
  make_server; make_client; bypass_config
  cd client; force_main
  CUSTODY_PUSHER=claude-bot expect_push_rejected --force -o custody.bypass-ruleset=default -o custody.reason=x origin main
  expect_output_contains "the bypass was refused: claude-bot is an agent account, and agents may not bypass rulesets"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse ORIG_HEAD)"
}

test_an_unknown_rule_in_a_ruleset_is_a_configuration_error() {
  make_server; make_client
  cat >server.git/custody.toml <<'EOF'
[[rulesets]]
name = "typo"
refs = ["refs/heads/main"]
rules = { non_fast_foward = true }
EOF
  cd client; commit_file a.txt one
  expect_push_rejected origin main
  expect_output_contains "non_fast_foward"
  "$CUSTODY_BIN" config check ../server.git/custody.toml >check.txt 2>&1 && fail "config check accepted the typo"
  grep -F "custody.toml:4" check.txt >/dev/null || fail "config check does not point at the line: $(cat check.txt)"
}
