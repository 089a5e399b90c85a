# Push rules (GitLab's push rules, GitHub's push rulesets) through real pushes: each rule refuses
# under an active ruleset (the message word for word, the ref unmoved, the violation in the
# ledger), warns and records would_reject under evaluate, and is ignored when disabled.
# docs/config.md, "Push rules".

# rules_config ENFORCEMENT RULES [REFS]: one ruleset "push" in the server's custody.toml.
rules_config() {
  cat >server.git/custody.toml <<EOF2
[[rulesets]]
name = "push"
refs = [${3:-\"refs/heads/main\"}]
enforcement = "$1"
rules = { $2 }
EOF2
}

# expect_refused RULE LINE: the last push was refused with LINE (after "remote: custody: "),
# main did not move, and the ledger's last record holds RULE from ruleset "push" at HEAD.
expect_refused() {
  [[ $PUSH_RC -ne 0 ]] || fail "the push was accepted"
  expect_output_contains "remote: custody: $2 [$1, SOC 2 CC8.1]"
  expect_ref_at ../server.git refs/heads/main "$BEFORE"
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]] || fail "ledger: $(tail -n 1 "$(ledger ../server.git)")"
  [[ $(ledger_field ../server.git 1 '.violations[0].rule') == "$1" ]] || fail "ledger: $(tail -n 1 "$(ledger ../server.git)")"
  [[ $(ledger_field ../server.git 1 '.violations[0].ruleset') == push ]]
  [[ $(ledger_field ../server.git 1 '.violations[0].commit') == "$(git rev-parse HEAD)" ]]
}

setup() { # setup ENFORCEMENT RULES [REFS]
  make_server; make_client; rules_config "$@"
  cd client; BEFORE=$(git rev-parse HEAD)
}

test_message_pattern_refuses_a_message_that_does_not_match() {
  setup active "message_pattern = '^(feat|fix)(\\(.+\\))?: '"
  commit_file a.txt one "Add a"
  push origin main
  expect_refused push_rules.message_pattern "refs/heads/main: commit message \"Add a\" does not match ruleset \"push\"'s message_pattern '^(feat|fix)(\\(.+\\))?: '"
  expect_output_contains "remote: custody:   at commit $(git rev-parse --short=12 HEAD)"
  expect_output_contains "remote: custody:   fix: reword it (git commit --amend, or git rebase -i <base> for older commits) and push again"
  git commit -q --amend -m "feat(a): add a"
  expect_push_accepted origin main
}

test_message_forbidden_pattern_refuses_a_message_that_matches() {
  setup active "message_forbidden_pattern = '(?i)\\bwip\\b'"
  commit_file a.txt one "WIP add a"
  push origin main
  expect_refused push_rules.message_forbidden_pattern "refs/heads/main: commit message \"WIP add a\" matches ruleset \"push\"'s message_forbidden_pattern '(?i)\\bwip\\b'"
  expect_output_contains "fix: remove the forbidden text: reword it"
  git commit -q --amend -m "Add a"
  expect_push_accepted origin main
}

test_branch_name_pattern_applies_to_new_branches_only() {
  setup active "branch_name_pattern = '^(main|feature/[a-z0-9-]+)$'" '"refs/heads/**"'
  commit_file a.txt one
  expect_push_accepted origin main # an existing branch keeps its name
  push origin HEAD:refs/heads/Bad_Name
  [[ $PUSH_RC -ne 0 ]] || fail "accepted"
  expect_output_contains "remote: custody: refs/heads/Bad_Name: new branch name \"Bad_Name\" does not match ruleset \"push\"'s branch_name_pattern '^(main|feature/[a-z0-9-]+)\$' [push_rules.branch_name_pattern, SOC 2 CC8.1]"
  expect_output_contains "fix: push under a name that matches (git push origin HEAD:refs/heads/<name>)"
  expect_ref_absent ../server.git refs/heads/Bad_Name
  [[ $(ledger_field ../server.git 1 '.violations[0].rule') == push_rules.branch_name_pattern ]]
  expect_push_accepted origin HEAD:refs/heads/feature/good-name
}

test_author_email_pattern_refuses_other_addresses() {
  setup active "author_email_pattern = '@example\\.com\$'"
  GIT_AUTHOR_EMAIL=bob@gmail.com commit_file a.txt one
  push origin main
  expect_refused push_rules.author_email_pattern "refs/heads/main: author email <bob@gmail.com> does not match ruleset \"push\"'s author_email_pattern '@example\\.com\$'"
  git commit -q --amend --reset-author --no-edit
  expect_push_accepted origin main
}

test_prohibited_paths_refuse_new_files_but_not_changes_to_old_ones() {
  make_server; make_client
  (cd client && commit_file old.log v1 && git push -q origin main)
  rules_config active 'prohibited_paths = ["**/*.log", "**/.terraform/**"]'
  cd client; BEFORE=$(git rev-parse HEAD)
  commit_file infra/debug.log state
  push origin main
  expect_refused push_rules.prohibited_paths "refs/heads/main: new file infra/debug.log matches \"**/*.log\" in ruleset \"push\"'s prohibited_paths"
  expect_output_contains "remote: custody:   at commit $(git rev-parse --short=12 HEAD), infra/debug.log"
  expect_output_contains "remote: custody:   fix: remove it from the commit (git rm --cached, then git commit --amend or git rebase -i), add it to .gitignore, and push again"
  [[ $(ledger_field ../server.git 1 '.violations[0].path') == infra/debug.log ]]
  git reset -q --hard "$BEFORE"
  commit_file old.log v2 # the file was there before the rule: changing it is no new file
  expect_push_accepted origin main
}

lfs_pointer() {
  printf 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 104857600\n'
}

test_max_file_bytes_refuses_large_new_files_and_exempts_lfs_pointers() {
  setup active "max_file_bytes = 100"
  head -c 200 /dev/zero | tr '\0' x >big.bin; git add big.bin; git commit -qm "big file"
  push origin main
  expect_refused push_rules.max_file_bytes "refs/heads/main: file big.bin is 200 bytes, over ruleset \"push\"'s max_file_bytes of 100"
  expect_output_contains "fix: remove it from the commits (git rm --cached, then git commit --amend or git rebase -i) and store it with Git LFS (git lfs track), which pushes a small pointer instead"
  git reset -q --hard "$BEFORE"
  lfs_pointer >video.mp4; git add video.mp4; git commit -qm "video through LFS"
  (($(wc -c <video.mp4) > 100)) || fail "the pointer is not over the limit"
  expect_push_accepted origin main
}

test_dco_requires_a_sign_off_by_the_author() {
  setup active "dco = true"
  commit_file a.txt one "Add a"
  push origin main
  expect_refused push_rules.dco "refs/heads/main: commit has no \"Signed-off-by: Alice Developer <alice@example.com>\" line, and ruleset \"push\" requires a DCO sign-off by the author"
  git commit -q --amend -m "Add a" -m "Signed-off-by: Mallory <mallory@example.com>"
  push origin main
  expect_refused push_rules.dco "refs/heads/main: commit has no \"Signed-off-by: Alice Developer <alice@example.com>\" line, and ruleset \"push\" requires a DCO sign-off by the author"
  git commit -q --amend -s --no-edit
  expect_push_accepted origin main
}

test_a_commit_two_refs_bring_is_checked_for_each() {
  setup active "message_pattern = '^feat: '"
  commit_file a.txt one "Add a"
  push origin HEAD:refs/heads/aaa-unchecked HEAD:refs/heads/main
  [[ $PUSH_RC -ne 0 ]] || fail "accepted"
  expect_output_contains "refs/heads/main: commit message \"Add a\" does not match"
  expect_ref_at ../server.git refs/heads/main "$BEFORE"
}

test_evaluate_warns_and_records_would_reject() {
  setup evaluate "message_pattern = '^feat: ', max_file_bytes = 4"
  commit_file a.txt "12345678" "Add a"
  expect_push_accepted origin main
  expect_output_contains "remote: warning: custody: ruleset \"push\" (evaluate) would refuse refs/heads/main: commit message \"Add a\" does not match ruleset \"push\"'s message_pattern '^feat: ' [push_rules.message_pattern, SOC 2 CC8.1]"
  expect_output_contains "remote: warning: custody: ruleset \"push\" (evaluate) would refuse refs/heads/main: file a.txt is 9 bytes, over ruleset \"push\"'s max_file_bytes of 4 [push_rules.max_file_bytes, SOC 2 CC8.1]"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 .decision) == accepted ]]
  [[ $(ledger_field ../server.git 1 '.violations | length') == 0 ]]
  [[ $(ledger_field ../server.git 1 '.would_reject | map(.rule) | sort | join(",")') == push_rules.max_file_bytes,push_rules.message_pattern ]] ||
    fail "would_reject: $(tail -n 1 "$(ledger ../server.git)")"
  [[ $(ledger_field ../server.git 1 '.would_reject[0].commit') == "$(git rev-parse HEAD)" ]]
  [[ $(ledger_field ../server.git 1 '.would_reject[0].ruleset') == push ]]
}

test_disabled_rules_are_ignored() {
  setup disabled "message_pattern = '^feat: ', dco = true, max_file_bytes = 1"
  commit_file a.txt one "Add a"
  expect_push_accepted origin main
  expect_output_lacks "[push_rules."
  [[ $(ledger_field ../server.git 1 '.would_reject') == null ]]
}

test_a_pattern_that_hits_the_match_limit_refuses() {
  setup active "message_pattern = '^(a+)+\$'"
  commit_file a.txt one "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"
  push origin main
  expect_refused push_rules.message_pattern "refs/heads/main: the commit message could not be checked against ruleset \"push\"'s message_pattern '^(a+)+\$': the pattern hit its match limit, so the commit is refused"
}

test_a_bad_pattern_is_a_configuration_error_at_its_line() {
  setup active "message_pattern = '^(feat'"
  "$CUSTODY_BIN" config check ../server.git/custody.toml >check.txt 2>&1 && fail "config check accepted the pattern"
  grep -F "custody.toml:5" check.txt | grep -F "message_pattern" | grep -F "missing closing parenthesis" >/dev/null ||
    fail "config check: $(cat check.txt)"
  commit_file a.txt one "feat: a"
  expect_push_rejected origin main
  expect_output_contains "configuration error:"
}

test_the_example_from_the_issue_works_as_written() {
  make_server; make_client
  cat >server.git/custody.toml <<'EOF2'
[[rulesets]]
name = "default"
enforcement = "evaluate"          # roll the whole default policy out in log-only mode

[[rulesets]]
name = "files"
refs = ["refs/heads/**"]
enforcement = "active"
rules = { max_file_bytes = 1048576, prohibited_paths = ["**/*.tfstate", "**/.terraform/**"] }

[[rulesets]]
name = "conventional-commits"
refs = ["refs/heads/main"]
enforcement = "evaluate"
rules = { message_pattern = '^(feat|fix|docs|chore|refactor|test|perf|build|ci)(\(.+\))?!?: ' }
EOF2
  "$CUSTODY_BIN" config check server.git/custody.toml
  cd client; local before; before=$(git rev-parse HEAD)
  commit_file .terraform/plugins/x.json "{}" "Add terraform cache"
  expect_push_rejected origin HEAD:refs/heads/topic
  expect_output_contains "remote: custody: refs/heads/topic: new file .terraform/plugins/x.json matches \"**/.terraform/**\" in ruleset \"files\"'s prohibited_paths [push_rules.prohibited_paths, SOC 2 CC8.1]"
  git reset -q --hard "$before"
  head -c 1048577 /dev/zero >blob.bin; git add blob.bin; git commit -qm "feat: data"
  expect_push_rejected origin main
  expect_output_contains "file blob.bin is 1048577 bytes, over ruleset \"files\"'s max_file_bytes of 1048576 [push_rules.max_file_bytes"
  expect_ref_at ../server.git refs/heads/main "$before"
  git reset -q --hard "$before"
  commit_file a.txt one "Add a"
  expect_push_accepted origin main
  expect_output_contains "warning: custody: ruleset \"conventional-commits\" (evaluate) would refuse refs/heads/main: commit message \"Add a\" does not match"
  [[ $(ledger_field ../server.git 1 '.would_reject[0].ruleset') == conventional-commits ]]
}

test_an_active_ruleset_wins_over_an_evaluating_one_with_the_same_rule() {
  make_server; make_client
  cat >server.git/custody.toml <<'EOF2'
[[rulesets]]
name = "watch"
refs = ["refs/heads/**"]
enforcement = "evaluate"
rules = { message_pattern = '^feat: ' }

[[rulesets]]
name = "push"
refs = ["refs/heads/main"]
rules = { message_pattern = '^feat: ' }
EOF2
  cd client; BEFORE=$(git rev-parse HEAD)
  commit_file a.txt one "Add a"
  push origin main
  expect_refused push_rules.message_pattern "refs/heads/main: commit message \"Add a\" does not match ruleset \"push\"'s message_pattern '^feat: '"
  [[ $(ledger_field ../server.git 1 '.violations | length') == 1 ]]
  # On a branch only "watch" targets, the same commit is only a warning.
  expect_push_accepted origin HEAD:refs/heads/topic
  expect_output_contains "warning: custody: ruleset \"watch\" (evaluate) would refuse refs/heads/topic: commit message \"Add a\""
}

test_a_listed_person_bypasses_a_push_rule_with_a_reason() {
  make_server; make_client
  git --git-dir=server.git config receive.advertisePushOptions true
  rules_config active "dco = true"
  sed -i 's/^enforcement = "active"/&\nbypass = ["alice"]/' server.git/custody.toml
  cd client; BEFORE=$(git rev-parse HEAD)
  commit_file a.txt one "Add a"
  expect_push_accepted -o custody.bypass-ruleset=push -o "custody.reason=vendored import" origin main
  expect_output_contains "bypassed (ruleset \"push\"): refs/heads/main: commit has no \"Signed-off-by: Alice Developer <alice@example.com>\" line"
  [[ $(ledger_field ../server.git 1 '.bypassed_violations[0].rule') == push_rules.dco ]]
  [[ $(ledger_field ../server.git 1 '.ruleset_bypasses[0].reason') == "vendored import" ]]
  commit_file b.txt two "Add b"
  CUSTODY_PUSHER=mallory expect_push_rejected -o custody.bypass-ruleset=push -o custody.reason=x origin main
  expect_output_contains "the bypass was refused: mallory is not in ruleset \"push\"'s bypass list"
}

test_the_update_hook_applies_push_rules_too() {
  make_server server.git --hook update; make_client
  rules_config active "max_file_bytes = 10"
  cd client; BEFORE=$(git rev-parse HEAD)
  commit_file big.txt "more than ten bytes"
  push origin main
  expect_refused push_rules.max_file_bytes "refs/heads/main: file big.txt is 20 bytes, over ruleset \"push\"'s max_file_bytes of 10"
}
