# The ledger under real pushes: concurrency, a hook killed mid-append, a full disk, truncation
# and a removed segment. (Edits, deletions and reordering: ledger_tamper.bash.)

verify() { "$CUSTODY_BIN" log verify --ledger "$(ledger server.git)" "$@"; }

# The pid of the custody pre-receive running in repository $1 (found by cwd and executable).
hook_pid() {
  local repo p
  repo=$(cd "$1" && pwd -P)
  for p in /proc/[0-9]*; do
    [[ $(readlink "$p/cwd" 2>/dev/null) == "$repo" && $(readlink "$p/exe" 2>/dev/null) == */pre-receive ]] && {
      echo "${p#/proc/}"; return 0; }
  done
  return 1
}

test_32_concurrent_pushes_all_recorded_in_order() {
  make_server; make_client
  for i in $(seq 1 32); do git clone -q server.git "c$i" 2>/dev/null; done
  for i in $(seq 1 32); do (cd "c$i" && git checkout -q -b "b$i" && commit_file "f$i" "$i" && git push -q origin "b$i" 2>"../push$i.err") & done
  wait
  for i in $(seq 1 32); do expect_ref_at server.git "refs/heads/b$i" "$(git -C "c$i" rev-parse HEAD)"; done
  out=$(verify); echo "$out"
  grep -qF "ledger OK: 33 records in 1 segment, head seq 33" <<<"$out" || fail "expected 33 chained records"
  [[ $(jq -r .ref "$(ledger server.git)" | sort | uniq | wc -l) == 33 ]] || fail "a ref's record is missing"
  jq -e . "$(ledger server.git)" >/dev/null || fail "a line is not JSON (interleaved writes?)"
}

test_hook_killed_mid_append_leaves_a_recovered_torn_tail() {
  make_server; make_client
  cd client
  commit_file a.txt a
  before=$(wc -c <"$(ledger ../server.git)")
  CUSTODY_TEST_APPEND_DELAY_MS=60000 git push -q origin main 2>../killed.err &
  push_pid=$!
  for _ in $(seq 1 300); do
    [[ $(wc -c <"$(ledger ../server.git)") -gt $before ]] && break; sleep 0.05
  done
  [[ $(tail -c 1 "$(ledger ../server.git)") != "" ]] || fail "no torn tail appeared"
  pid=$(hook_pid ../server.git) || fail "hook process not found"
  kill -9 "$pid"
  set +e; wait "$push_pid"; rc=$?; set -e
  [[ $rc -ne 0 ]] || fail "the killed push was reported as accepted"
  expect_ref_at ../server.git refs/heads/main "$(git rev-parse HEAD~1)"
  cd ..
  out=$(verify 2>&1); echo "$out"
  grep -q "warning: ledger.jsonl:2: torn tail" <<<"$out" || fail "torn tail not reported"
  cd client; expect_push_accepted origin main; cd ..
  out=$(verify 2>&1); echo "$out"
  grep -q "warning: ledger.jsonl:2: torn record ([0-9]* bytes at byte $before): a writer was interrupted" <<<"$out" || fail "recovery not reported"
  grep -q "ledger OK: 3 records" <<<"$out" || fail "expected decision, recovery, decision"
  [[ $(ledger_field server.git 2 .type) == recovery ]] || fail "no recovery record"
}

test_full_disk_rejects_the_push_and_leaves_the_ledger_intact() {
  make_server; make_client
  cd client
  size=$(wc -c <"$(ledger ../server.git)")
  part=$(printf 'x%.0s' $(seq 1 200))
  long="$part/$part/$part/$part/$part/$part/$part/$part"   # a record longer than the room left
  git checkout -q -b "$long"; commit_file b.txt b
  set +e
  out=$(trap '' XFSZ; ulimit -f $((size / 1024 + 1)); git push origin "$long" 2>&1); rc=$?
  set -e
  echo "$out"
  [[ $rc -ne 0 ]] || fail "push accepted although its decision could not be written"
  grep -q "could not be recorded in the ledger" <<<"$out" || fail "no reason given"
  grep -q "File too large" <<<"$out" || fail "the cause is not named"
  expect_ref_absent ../server.git "refs/heads/$long"
  [[ $(wc -c <"$(ledger ../server.git)") == "$size" ]] || fail "bytes were left behind"
  cd ..; verify
}

test_truncation_is_caught_by_a_witness() {
  make_server; make_client
  cd client; for i in 1 2 3; do commit_file "t$i" "$i"; git push -q origin main; done; cd ..
  witness=$("$CUSTODY_BIN" log head --repo server.git)
  [[ $witness =~ ^4:[0-9a-f]{64}$ ]] || fail "head output '$witness'"
  head -n 2 "$(ledger server.git)" >trunc && cat trunc >"$(ledger server.git)"
  verify   # without a witness, whole-record truncation cannot be seen
  set +e; out=$(verify --witness "$witness" 2>&1); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]] || fail "truncation not detected"
  grep -qF "ledger.jsonl: the ledger ends at seq 2, before the witnessed head seq 4 (records were truncated)" <<<"$out" || fail "message"
}

test_removed_segment_is_named() {
  make_server
  printf '[ledger]\nrotate_bytes = 600\n' >server.git/custody.toml
  make_client
  cd client; for i in 1 2 3 4; do commit_file "s$i" "$i"; git push -q origin main; done; cd ..
  ls server.git/custody
  [[ -f server.git/custody/ledger.000003.jsonl ]] || fail "no rotation happened"
  verify
  rm server.git/custody/ledger.000002.jsonl
  set +e; out=$(verify 2>&1); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]] || fail "missing segment not detected"
  grep -qF "ledger.000002.jsonl: segment 2 is missing (the next file present is ledger.000003.jsonl)" <<<"$out" || fail "message"
}
