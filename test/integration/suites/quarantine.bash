# The objects of a push are read from git's quarantine (pre-receive runs before they are stored).

test_new_history_is_readable_in_quarantine() {
  make_server; make_client
  cd client
  # 150 files: enough objects that git keeps them as a pack in the quarantine.
  for i in $(seq 1 150); do echo "file $i $RANDOM" >"f$i.txt"; done
  git add . && git commit -qm "many files"
  head -c 2000000 /dev/urandom >big.bin && git add big.bin && git commit -qm "large blob"
  git checkout -q -b side HEAD~1 && commit_file side.txt side && git checkout -q main
  git merge -q --no-edit side
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 .kind) == fast-forward ]]
  # a force push of new history is recognised as such only if the quarantined objects are read
  git reset -q --hard HEAD~2; commit_file other.txt other
  expect_push_rejected --force origin main
  expect_output_contains "force push"
}

test_repository_path_with_colon() {
  make_server "co:lon.git"; make_client "co:lon.git" client
  cd client; commit_file a.txt one
  expect_push_accepted origin main
  [[ $(ledger_field "../co:lon.git" 1 .kind) == fast-forward ]]
  git reset -q --hard HEAD~1; commit_file b.txt two
  expect_push_rejected --force origin main
  expect_output_contains "force push"
}

test_delete_only_push_has_no_quarantine() {
  make_server; make_client
  cd client; git push -q origin HEAD:refs/heads/tmp
  expect_push_accepted origin :tmp
  [[ $(ledger_field ../server.git 1 .kind) == delete ]]
}
