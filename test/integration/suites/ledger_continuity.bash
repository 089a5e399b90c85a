# Deleting or truncating the ledger never silently starts a new chain: the head file outside the
# ledger's directory remembers where the chain ended, pushes are refused until an administrator
# restores the ledger or records the gap, and `custody log verify` reports it.

# two_pushes: server.git with a ledger of 3 records (the first push and two more), and a client.
two_pushes() {
  make_server; make_client
  cd client
  for i in 1 2; do commit_file "t$i.txt" "$i"; git push -q origin main; done
  cd ..
  [[ $(ledger_count server.git) == 3 ]] || fail "expected 3 records, found $(ledger_count server.git)"
  [[ -f server.git/custody-ledger.head ]] || fail "no head file beside the ledger's directory"
}

head_hash() { sed -n 2p server.git/custody-ledger.head | cut -d' ' -f2; }

# refused_push FOUND: a push after the tampering is refused with the gap named word for word.
refused_push() {
  local found=$1 hash; hash=$(head_hash)
  cd client
  local before; before=$(git --git-dir=../server.git rev-parse main)
  commit_file t9.txt 9
  expect_push_rejected origin main
  local dir; dir=$(cd ../server.git && pwd)
  expect_output_contains "remote: custody: push refused: its decision could not be recorded in the ledger (the ledger $dir/custody/ledger.jsonl ends at $found, but its head file $dir/custody-ledger.head records seq 3 (hash ${hash:0:12}): records were deleted or truncated; refusing to start a new chain)"
  expect_output_contains "remote: custody:   hint: an administrator must restore the ledger from a backup, or record the gap with \`custody log verify --accept-gap\`"
  expect_ref_at ../server.git refs/heads/main "$before"
  cd ..
}

test_deleted_ledger_refuses_pushes() {
  two_pushes
  rm "$(ledger server.git)"
  refused_push "no record"
  [[ ! -f $(ledger server.git) ]] || fail "a new ledger was started"
}

test_deleted_ledger_directory_refuses_pushes() {
  two_pushes
  rm -r server.git/custody
  refused_push "no record"
  [[ $(ledger_count server.git) == 0 ]] || fail "a new ledger was started"
}

test_truncated_ledger_refuses_pushes() {
  two_pushes
  local first; first=$(head -n 1 "$(ledger server.git)")
  printf '%s\n' "$first" >"$(ledger server.git)"
  local hash; hash=$(jq -r .hash <<<"$first")
  refused_push "seq 1 (hash ${hash:0:12})"
  [[ $(ledger_count server.git) == 1 ]] || fail "the truncated ledger was extended"
}

test_verify_reports_the_gap() {
  two_pushes
  local hash; hash=$(head_hash)
  head -n 2 "$(ledger server.git)" >trunc && cat trunc >"$(ledger server.git)"
  local h2; h2=$(ledger_field server.git 1 .hash)
  set +e; out=$("$CUSTODY_BIN" log verify --repo server.git 2>&1); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]] || fail "gap not reported (rc=$rc)"
  local dir; dir=$(cd server.git && pwd)
  grep -qF "custody log verify: ledger damaged: ledger.jsonl: the ledger $dir/custody/ledger.jsonl ends at seq 2 (hash ${h2:0:12}), but its head file $dir/custody-ledger.head records seq 3 (hash ${hash:0:12}): records were deleted or truncated; refusing to start a new chain" <<<"$out" || fail "message"
  rm "$(ledger server.git)"
  set +e; out=$("$CUSTODY_BIN" log verify --repo server.git 2>&1); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]] || fail "missing ledger not reported as a gap (rc=$rc)"
  grep -qF "ends at no record, but its head file" <<<"$out" || fail "message for a missing ledger"
}

test_accepted_gap_is_recorded_and_pushes_resume() {
  two_pushes
  local hash; hash=$(head_hash)
  rm "$(ledger server.git)"
  out=$(USER=admin "$CUSTODY_BIN" log verify --repo server.git --accept-gap); echo "$out"
  grep -qF "gap recorded by admin as record seq 1; the chain continues from there" <<<"$out" || fail "acceptance not confirmed"
  grep -qF "ledger OK: 1 records" <<<"$out" || fail "not verified after the acceptance"
  [[ $(ledger_field server.git 1 .type) == gap ]] || fail "no gap record"
  [[ $(ledger_field server.git 1 .by) == admin ]] || fail "who accepted is not recorded"
  [[ $(ledger_field server.git 1 .expected.seq) == 3 ]] || fail "expected head not recorded"
  [[ $(ledger_field server.git 1 .expected.hash) == "$hash" ]] || fail "expected hash not recorded"
  [[ $(ledger_field server.git 1 .found.seq) == 0 ]] || fail "found head not recorded"
  cd client; commit_file t9.txt 9; expect_push_accepted origin main; cd ..
  [[ $(ledger_field server.git 1 .decision) == accepted ]] || fail "the push was not recorded"
  "$CUSTODY_BIN" log verify --repo server.git
  set +e; out=$("$CUSTODY_BIN" log verify --repo server.git --accept-gap 2>&1); rc=$?; set -e; echo "$out"
  [[ $rc -ne 0 ]] || fail "a gap was accepted where there is none"
  grep -qF "no gap to accept" <<<"$out" || fail "message"
}

test_head_file_path_is_configurable() {
  make_server
  printf '[ledger]\nhead_file = "%s/heads/app.head"\n' "$PWD" >server.git/custody.toml
  mkdir heads
  make_client
  [[ -f heads/app.head ]] || fail "configured head file not written"
  [[ ! -f server.git/custody-ledger.head ]] || fail "default head file written too"
  rm "$(ledger server.git)"
  cd client; commit_file a a; expect_push_rejected origin main
  expect_output_contains "its head file $(cd ../heads && pwd)/app.head records seq 1 (hash"
  cd ..
}

# A copy of the ledger checked by path is compared with the head file named beside it.
test_verify_by_path_with_a_head_file() {
  two_pushes
  cp "$(ledger server.git)" copy.jsonl; cp server.git/custody-ledger.head copy.head
  "$CUSTODY_BIN" log verify --ledger copy.jsonl --head-file copy.head
  head -n 1 copy.jsonl >trunc && cat trunc >copy.jsonl
  set +e; out=$("$CUSTODY_BIN" log verify --ledger copy.jsonl --head-file copy.head 2>&1); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]] || fail "gap not reported (rc=$rc)"
  grep -qF "but its head file $PWD/copy.head records seq 3 (hash" <<<"$out" || fail "message"
}
