# The ledger written by real pushes verifies, and every kind of tampering is detected.

three_pushes() {
  make_server; make_client
  cd client
  for i in 1 2 3; do commit_file "t$i.txt" "$i"; git push -q origin main; done
  cd ..
}

test_verify_ok_after_pushes() {
  three_pushes
  out=$("$CUSTODY_BIN" log verify --ledger "$(ledger server.git)"); echo "$out"
  grep -q "ledger OK" <<<"$out"
}

test_edited_record_is_detected() {
  three_pushes
  sed -i '2s/"accepted"/"rejected"/' "$(ledger server.git)"
  set +e; out=$("$CUSTODY_BIN" log verify --ledger "$(ledger server.git)" 2>&1); rc=$?; set -e; echo "$out"
  [[ $rc -ne 0 ]]
  grep -qF "ledger.jsonl:2: record seq 2: hash does not match" <<<"$out"
}

test_deleted_record_is_detected() {
  three_pushes
  sed -i '2d' "$(ledger server.git)"
  set +e; "$CUSTODY_BIN" log verify --ledger "$(ledger server.git)"; rc=$?; set -e
  [[ $rc -ne 0 ]]
}

test_reordered_records_are_detected() {
  three_pushes
  f=$(ledger server.git); { sed -n 1p "$f"; sed -n 3p "$f"; sed -n 2p "$f"; sed -n '4,$p' "$f"; } >"$f.new"; mv "$f.new" "$f"
  set +e; "$CUSTODY_BIN" log verify --ledger "$f"; rc=$?; set -e
  [[ $rc -ne 0 ]]
}
