# Outcomes, not only decisions: custody's pre-receive decides before the host's own checks (an
# update hook such as gitolite's, receive.denyDeletes / denyNonFastForwards), so a ref custody
# accepted can still be refused. custody's post-receive records which refs actually moved, linked
# to their decisions, and reports count accepted decisions that were never applied.

# A server whose foreign update hook refuses refs/heads/blocked/* (as gitolite's branch rules do).
server_with_host_rules() {
  export WITH_OUTCOMES=1
  git init -q --bare server.git
  OUT=$("$CUSTODY_BIN" install --repo server.git); echo "$OUT"
  grep -qF "installed custody post-receive in $PWD/server.git/hooks/post-receive" <<<"$OUT" || fail "post-receive not installed"
  cat >server.git/hooks/update <<'HOOK'
#!/bin/sh
case "$1" in refs/heads/blocked/*) echo "host: $1 is not yours" >&2; exit 1 ;; esac
exit 0
HOOK
  chmod +x server.git/hooks/update
  make_client
}

# decision_for REF: the last decision record for REF; outcome_for REF likewise.
decision_for() { jq -c "select(.type==\"decision\" and .ref==\"$1\")" "$(ledger server.git)" | tail -n 1; }
outcome_for() { jq -c "select(.type==\"outcome\" and .ref==\"$1\")" "$(ledger server.git)" | tail -n 1; }

test_applied_push_has_an_outcome_linked_to_its_decision() {
  server_with_host_rules
  [[ $(ledger_field server.git 1 .type) == outcome ]] || fail "no outcome after the first push"
  local d o
  d=$(decision_for refs/heads/main); o=$(outcome_for refs/heads/main)
  [[ $(jq -r .decision <<<"$d") == accepted ]] || fail "decision"
  [[ $(jq -r .decision.seq <<<"$o") == $(jq -r .seq <<<"$d") ]] || fail "outcome not linked to the decision's seq"
  [[ $(jq -r .decision.hash <<<"$o") == $(jq -r .hash <<<"$d") ]] || fail "outcome not linked to the decision's hash"
  [[ $(jq -r .push_id <<<"$o") == $(jq -r .push_id <<<"$d") ]] || fail "push_id differs"
  [[ $(jq -r .new <<<"$o") == $(git --git-dir=server.git rev-parse main) ]] || fail "new"
  [[ $(jq -r .hook <<<"$o") == post-receive ]] || fail "hook"
  "$CUSTODY_BIN" log verify --repo server.git
  "$CUSTODY_BIN" log tail --repo server.git -n 1 | grep -F "post-receive  refs/heads/main  applied (decision seq 1)" >/dev/null || fail "tail"
}

test_ref_refused_by_the_host_after_custody_accepted_has_no_outcome_and_is_counted() {
  server_with_host_rules
  cd client
  git checkout -q -b feature && commit_file f.txt f && expect_push_accepted origin feature
  git checkout -q -b blocked/x && commit_file b.txt b
  expect_push_rejected origin blocked/x
  expect_output_contains "host: refs/heads/blocked/x is not yours"
  expect_output_contains "[remote rejected] blocked/x -> blocked/x (hook declined)"
  cd ..
  expect_ref_absent server.git refs/heads/blocked/x
  [[ $(decision_for refs/heads/blocked/x | jq -r .decision) == accepted ]] || fail "custody's decision is not recorded as accepted"
  [[ -z $(outcome_for refs/heads/blocked/x) ]] || fail "an outcome for a ref that never moved"
  # git checks receive.denyDeletes after pre-receive, too.
  git --git-dir=server.git config receive.denyDeletes true
  cd client
  expect_push_rejected origin :feature
  expect_output_contains "deletion prohibited"
  cd ..
  [[ $(decision_for refs/heads/feature | jq -r .kind) == delete ]] || fail "no deletion decision"
  [[ $(decision_for refs/heads/feature | jq -r .decision) == accepted ]] || fail "deletion not accepted by custody"
  expect_ref_at server.git refs/heads/feature "$(git -C client rev-parse feature)"
  [[ $(jq -c 'select(.type=="outcome" and .ref=="refs/heads/feature")' "$(ledger server.git)" | wc -l) == 1 ]] || fail "an outcome for the refused deletion"
  local json
  json=$("$CUSTODY_BIN" log report --repo server.git --format json)
  [[ $(jq .summary.totals.accepted <<<"$json") == 4 ]] || fail "accepted: $(jq .summary.totals.accepted <<<"$json")"
  [[ $(jq .summary.totals.outcomes <<<"$json") == 2 ]] || fail "outcomes: $(jq .summary.totals.outcomes <<<"$json")"
  [[ $(jq .summary.totals.accepted_not_applied <<<"$json") == 2 ]] || fail "not applied: $(jq .summary.totals.accepted_not_applied <<<"$json")"
  [[ $(jq .summary.totals.outcomes_without_decision <<<"$json") == 0 ]] || fail "unlinked outcomes"
  "$CUSTODY_BIN" log report --repo server.git --format md | grep -F "Ref updates applied by the host (outcomes): 2; accepted by custody, not applied by the host: 2" >/dev/null || fail "md report"
  "$CUSTODY_BIN" log report --repo server.git --format html >report.html
  grep -F '<dt>Accepted by custody, not applied by the host</dt><dd id="fig-not-applied">2</dd>' report.html >/dev/null || fail "html report"
  grep -F '<dd id="fig-outcomes">2</dd>' report.html >/dev/null || fail "html report outcomes"
}

test_foreign_post_receive_is_left_alone() {
  git init -q --bare server.git
  printf '#!/bin/sh\necho mine\n' >server.git/hooks/post-receive; chmod +x server.git/hooks/post-receive
  OUT=$("$CUSTODY_BIN" install --repo server.git); echo "$OUT"
  grep -qF "installed custody pre-receive" <<<"$OUT" || fail "pre-receive not installed"
  grep -qF "note: post-receive not installed ($PWD/server.git/hooks/post-receive already exists and is not a custody hook; not replacing it)" <<<"$OUT" || fail "no note"
  grep -q "echo mine" server.git/hooks/post-receive || fail "foreign post-receive clobbered"
  make_client
  [[ $(ledger_field server.git 1 .type) == decision ]] || fail "no decision"
  "$CUSTODY_BIN" uninstall --repo server.git
  grep -q "echo mine" server.git/hooks/post-receive || fail "uninstall removed the foreign post-receive"
}

test_hooks_path_mode_installs_post_receive() {
  mkdir hooks
  OUT=$("$CUSTODY_BIN" install --hooks-path hooks --hook pre-receive); echo "$OUT"
  [[ -L hooks/pre-receive && -L hooks/post-receive ]] || fail "hooks not installed"
  git init -q --bare server.git
  git --git-dir=server.git config core.hooksPath "$PWD/hooks"
  make_client
  [[ $(ledger_field server.git 1 .type) == outcome ]] || fail "no outcome through core.hooksPath"
  "$CUSTODY_BIN" uninstall --hooks-path hooks --hook pre-receive
  [[ ! -e hooks/post-receive ]] || fail "post-receive not uninstalled"
}
