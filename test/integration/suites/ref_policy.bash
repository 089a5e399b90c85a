# Ref policy through real pushes: fast-forward, force, deletion, tags, multi-ref atomicity.

test_fast_forward_to_main_is_accepted_and_logged() {
  make_server; make_client
  cd client; commit_file a.txt one
  expect_push_accepted origin main
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 .decision) == accepted ]]
  [[ $(ledger_field ../server.git 1 .kind) == fast-forward ]]
  [[ $(ledger_field ../server.git 1 .pusher.name) == alice ]]
}

test_force_push_to_main_is_rejected_and_ref_unchanged() {
  make_server; make_client
  cd client; commit_file a.txt one; git push -q origin main
  local before; before=$(git rev-parse HEAD)
  git reset -q --hard HEAD~1; commit_file b.txt two "rewritten"
  expect_push_rejected --force origin main
  expect_output_contains "remote: custody: push rejected: 1 problem in 1 ref"
  expect_output_contains "refs/heads/main: force push: the new tip"
  expect_output_contains "[refs.force_push, SOC 2 CC8.1]"
  expect_output_contains "fix: fetch and rebase onto the current main"
  expect_ref_at ../server.git refs/heads/main "$before"
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]]
  [[ $(ledger_field ../server.git 1 .kind) == force ]]
  [[ $(ledger_field ../server.git 1 '.violations[0].rule') == refs.force_push ]]
}

test_force_push_of_feature_branch_is_accepted() {
  make_server; make_client
  cd client; git checkout -qb feature; commit_file f.txt one; git push -q origin feature
  git commit -q --amend -m "amended"
  expect_push_accepted --force origin feature
  expect_ref_at ../server.git refs/heads/feature "$(git rev-parse HEAD)"
  [[ $(ledger_field ../server.git 1 .kind) == force ]]
  [[ $(ledger_field ../server.git 1 .protected) == false ]]
}

test_deleting_main_is_rejected() {
  make_server; make_client
  cd client
  expect_push_rejected origin :main
  expect_output_contains "refs/heads/main: deletion refused: protected refs may not be deleted [refs.deletion, SOC 2 CC8.1]"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD)"
}

test_deleting_a_feature_branch_is_accepted_without_quarantine() {
  make_server; make_client
  cd client; git push -q origin HEAD:refs/heads/topic
  expect_push_accepted origin :topic
  expect_ref_absent ../server.git refs/heads/topic
  [[ $(ledger_field ../server.git 1 .kind) == delete ]]
}

test_release_branch_is_protected_by_glob() {
  make_server; make_client
  cd client; git push -q origin HEAD:refs/heads/release/1.0
  expect_push_rejected origin :release/1.0
  expect_output_contains "refs/heads/release/1.0: deletion refused"
}

test_annotated_tag_create_accepted_then_move_and_delete_rejected() {
  make_server; make_client
  cd client; git tag -a v1.0 -m "release 1.0"
  expect_push_accepted origin v1.0
  [[ $(ledger_field ../server.git 1 .kind) == tag-create ]]
  local tag; tag=$(git rev-parse v1.0)
  commit_file b.txt two; git tag -f -a v1.0 -m "moved" >/dev/null
  expect_push_rejected --force origin v1.0
  expect_output_contains "tag v1.0 already points to"
  expect_output_contains "[refs.tag_move, SOC 2 CC8.1]"
  expect_ref_at ../server.git refs/tags/v1.0 "$tag"
  expect_push_rejected origin :refs/tags/v1.0
  expect_output_contains "refs/tags/v1.0: deletion refused: protected refs may not be deleted"
}

test_multi_ref_push_with_one_bad_ref_is_rejected_whole_under_pre_receive() {
  make_server; make_client
  cd client; commit_file a.txt one; git push -q origin main
  local main_before; main_before=$(git rev-parse HEAD)
  git checkout -qb feature; commit_file f.txt feat
  git checkout -q main; git reset -q --hard HEAD~1; commit_file b.txt rewritten
  expect_push_rejected --force origin main feature
  expect_output_contains "the other refs in this push were not updated either"
  expect_ref_at ../server.git refs/heads/main "$main_before"
  expect_ref_absent ../server.git refs/heads/feature
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]]
  [[ $(ledger_field ../server.git 1 .note) == "rejected with the rest of the push" ]]
}

test_multi_ref_push_is_decided_ref_by_ref_under_update() {
  make_server server.git --hook update; make_client
  cd client; commit_file a.txt one; git push -q origin main
  local main_before; main_before=$(git rev-parse HEAD)
  git checkout -qb feature; commit_file f.txt feat; local feature; feature=$(git rev-parse HEAD)
  git checkout -q main; git reset -q --hard HEAD~1; commit_file b.txt rewritten
  expect_push_rejected --force origin main feature
  expect_output_contains "refs/heads/main: force push"
  expect_output_lacks "the other refs in this push"
  expect_ref_at ../server.git refs/heads/main "$main_before"
  expect_ref_at ../server.git refs/heads/feature "$feature"
}

test_unchanged_and_new_branch_push() {
  make_server; make_client
  cd client; git checkout -qb new-work; commit_file n.txt new
  expect_push_accepted origin new-work
  [[ $(ledger_field ../server.git 1 .kind) == create ]]
}

test_pre_receive_and_update_together_log_each_decision_once() {
  make_server; "$CUSTODY_BIN" install --repo server.git --hook update --no-outcomes >/dev/null
  make_client
  [[ $(ledger_count server.git) -eq 1 ]]
  cd client; commit_file a.txt one; git checkout -qb topic; commit_file b.txt two; git checkout -q main
  expect_push_accepted origin main topic
  [[ $(ledger_count ../server.git) -eq 3 ]] || fail "expected 3 records, got $(ledger_count ../server.git)"
  [[ $(ledger_field ../server.git 1 .hook) == pre-receive ]]
}
