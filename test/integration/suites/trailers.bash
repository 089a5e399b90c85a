# The trailer schema end to end: the commit-msg hook in a developer clone and the server's
# pre-receive over real pushes (docs/trailers.md). Dates: the harness fixes commit dates to
# 2026-01-02; the server's clock is the real one, so review dates in the past always pass.

REVIEW=$'Reviewed-By: Jane Doe <jane@example.com>\nReview-Date: 2026-01-02'

# ai_commit FILE SUBJECT [EXTRA-TRAILERS]: an AI-assisted commit (hooks bypassed: the server is under test).
ai_commit() {
  mkdir -p "$(dirname "$1")"; printf '%s\n' "$2" >>"$1"; git add "$1"
  local msg=$'\n\nAI-Generated: claude-code/opus-4'
  [[ -n ${3:-} ]] && msg+=$'\n'"$3"
  git commit -q --no-verify -m "$2$msg"
}

developer_clone() {
  make_server; make_client
  "$CUSTODY_BIN" install --repo client >/dev/null
}

# commit_msg ARGS...: runs git commit in the current directory, keeping output and status.
commit_msg() {
  set +e
  COMMIT_OUT=$(git commit "$@" 2>&1)
  COMMIT_RC=$?
  set -e
  printf '%s\n' "$COMMIT_OUT" | sed 's/^/  commit> /'
}

expect_commit_output_contains() {
  grep -qF -- "$1" <<<"$COMMIT_OUT" || fail "commit output lacks: $1"
}

test_commit_msg_warns_on_ai_commit_without_review() {
  developer_clone; cd client
  echo x >a.txt; git add a.txt
  commit_msg -m "Add a" -m "AI-Generated: claude-code/opus-4"
  [[ $COMMIT_RC -eq 0 ]] || fail "commit was refused"
  expect_commit_output_contains "custody commit-msg: warning [trailers.ai-review]"
  expect_commit_output_contains 'after review: git commit --amend --no-edit --trailer "Reviewed-By: Jane Doe <jane@example.com>"'
}

test_commit_msg_refuses_agent_session_without_ai_generated() {
  developer_clone; cd client
  echo x >a.txt; git add a.txt
  CLAUDECODE=1 commit_msg -m "Add a"
  [[ $COMMIT_RC -ne 0 ]] || fail "commit was accepted"
  expect_commit_output_contains "error [trailers.ai-label]: work by an agent"
  expect_commit_output_contains 'fix: git commit --cleanup=strip -F .git/COMMIT_EDITMSG --trailer "AI-Generated: claude-code"'
  # The paste-able fix works.
  CLAUDECODE=1 commit_msg --cleanup=strip -F .git/COMMIT_EDITMSG --trailer "AI-Generated: claude-code"
  [[ $COMMIT_RC -eq 0 ]] || fail "the suggested fix was refused"
  [[ $(git log -1 --format='%(trailers:key=AI-Generated,valueonly)') == claude-code ]]
}

test_commit_msg_refuses_malformed_trailers() {
  developer_clone; cd client
  echo x >a.txt; git add a.txt
  commit_msg -m "Add a" -m $'AI-Generated: claude\nReviewed By: Jane Doe <jane@example.com>'
  [[ $COMMIT_RC -ne 0 ]] || fail "commit was accepted"
  expect_commit_output_contains "error [trailers.malformed]: line 4: \"Reviewed By: Jane Doe <jane@example.com>\" is not read as a trailer by git"
  commit_msg -m "Add a" -m $'AI-Generated: claude\nReviewed-By: Alice Developer <alice@example.com>\nReview-Date: 2026-01-02'
  [[ $COMMIT_RC -ne 0 ]] || fail "self-review was accepted"
  expect_commit_output_contains "error [trailers.self-review]"
}

test_server_rejects_unreviewed_ai_commit_on_main() {
  make_server; make_client; cd client
  ai_commit src/a.txt "Add a"
  local id; id=$(git rev-parse --short=7 HEAD)
  expect_push_rejected origin main
  expect_output_contains "refs/heads/main: commit $id \"Add a\": an AI-assisted commit on a protected ref needs a human reviewer and a review date"
  expect_output_contains "[trailers.ai-review, SOC 2 CC8.1]"
  expect_output_contains 'fix: git commit --amend --no-edit --trailer "Reviewed-By: Jane Doe <jane@example.com>"'
  [[ $(ledger_field ../server.git 1 '.commits[0].verdict') == rejected ]]
  [[ $(ledger_field ../server.git 1 '.commits[0].ai_tool') == claude-code/opus-4 ]]
}

test_server_accepts_reviewed_ai_commit_and_records_it() {
  make_server; make_client; cd client
  ai_commit src/a.txt "Add a" "$REVIEW"
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 '.commits[0].verdict') == ok ]]
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].email') == "jane@example.com" ]]
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].assurance') == claimed ]]
  [[ $(ledger_field ../server.git 1 '.commits[0].review_date') == 2026-01-02 ]]
}

test_server_rejects_ai_commit_arriving_as_second_parent_of_a_merge() {
  make_server; make_client; cd client
  git checkout -qb feature; ai_commit src/f.txt "Feature"
  git checkout -q main; commit_file other.txt o
  git merge -q --no-ff --no-verify -m "Merge feature" feature
  expect_push_rejected origin main
  expect_output_contains "\"Feature\": an AI-assisted commit"
}

test_server_rejects_ai_commit_pushed_to_a_feature_branch_first() {
  make_server; make_client; cd client
  git checkout -qb feature; ai_commit src/f.txt "Feature"
  expect_push_accepted origin feature
  git checkout -q main; git merge -q --ff-only feature
  expect_push_rejected origin main
  expect_output_contains "\"Feature\": an AI-assisted commit"
}

test_reviewed_merge_commit_covers_merged_ai_commits() {
  make_server; make_client; cd client
  git checkout -qb feature; ai_commit src/f.txt "Feature"
  git checkout -q main; commit_file other.txt o
  git merge -q --no-ff --no-verify -m "Merge feature" -m "$REVIEW" feature
  expect_push_accepted origin main
}

test_self_review_agent_reviewer_and_bad_dates_are_rejected() {
  make_server; make_client; cd client
  ai_commit a.txt "Self" $'Reviewed-By: Alice Developer <alice@example.com>\nReview-Date: 2026-01-02'
  expect_push_rejected origin main
  expect_output_contains "[trailers.self-review, SOC 2 CC8.1]"
  git reset -q --hard origin/main
  ai_commit a.txt "Agent" $'Reviewed-By: copilot <copilot@example.com>\nReview-Date: 2026-01-02'
  expect_push_rejected origin main
  expect_output_contains "[trailers.agent-reviewer, SOC 2 CC8.1]"
  git reset -q --hard origin/main
  ai_commit a.txt "Bad date" $'Reviewed-By: Jane Doe <jane@example.com>\nReview-Date: next week'
  expect_push_rejected origin main
  expect_output_contains "Review-Date: \"next week\" is not an ISO 8601 date"
  git reset -q --hard origin/main
  ai_commit a.txt "Future" $'Reviewed-By: Jane Doe <jane@example.com>\nReview-Date: 2999-01-01'
  expect_push_rejected origin main
  expect_output_contains "[trailers.future-date, SOC 2 CC8.1]"
}

test_two_reviewers_required_on_risky_paths() {
  make_server; make_client; cd client
  ai_commit src/auth/token.go "Token" "$REVIEW"
  expect_push_rejected origin main
  expect_output_contains "[trailers.risky-paths, SOC 2 CC8.1]"
  git commit -q --amend --no-verify --no-edit --trailer "Approved-By: John Roe <john@example.com>"
  expect_push_accepted origin main
}

test_custody_trailers_matches_git() {
  printf 'S\n\nKey: a\r\n b\r\nhttps://x\n--- \nNot: this\n' >msg
  diff <("$CUSTODY_BIN" trailers msg | od -c) <(git interpret-trailers --parse msg | od -c)
  diff <("$CUSTODY_BIN" trailers --no-divider <msg | od -c) <(git interpret-trailers --parse --no-divider <msg | od -c)
}

# The update hook has no quarantine: a ref's gains are judged beyond its old value first, and the
# other protected refs' tips are read only when that finds a violation. A commit a protected tag
# already held (here: from before custody was installed) passes; a new unreviewed one does not.
test_update_hook_spares_commits_a_protected_ref_already_held() {
  make_server server.git --hook update; make_client; cd client
  commit_file base.txt base; expect_push_accepted origin main
  ai_commit src/old.txt "Old unreviewed"
  local old; old=$(git rev-parse HEAD)
  git --git-dir=../server.git fetch -q "$PWD" "$old:refs/tags/v1.0" # put there before the gate
  expect_push_accepted origin main
  expect_ref_at ../server.git refs/heads/main "$old"
  ai_commit src/new.txt "New unreviewed"
  expect_push_rejected origin main
  expect_output_contains "\"New unreviewed\": an AI-assisted commit"
  expect_output_lacks "Old unreviewed"
  expect_ref_at ../server.git refs/heads/main "$old"
}
