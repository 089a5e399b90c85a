# The ledger witness (docs/witness.md): `custody log witness` commits every ledger's head on a node
# to a witness repository custody guards; `custody log verify --witness REPO.git` (on the node, or
# against a clone) reports a ledger deleted, truncated or rewritten since.

# node: srv/a.git, srv/b.git, srv/group/c.git with custody installed and a few real pushes each.
node() {
  export WITH_OUTCOMES=1
  mkdir -p srv/group
  local r
  for r in a b group/c; do
    make_server "srv/$r.git"
    make_client "srv/$r.git" "work-${r//\//-}"
    (cd "work-${r//\//-}" && commit_file one.txt 1 && git push -q origin main 2>/dev/null)
  done
}

more_pushes() {
  local r
  for r in a b group/c; do
    (cd "work-${r//\//-}" && commit_file "more$1.txt" "$1" && git push -q origin main 2>/dev/null)
  done
}

# witness: runs custody log witness into witness.git, output in $OUT.
witness() {
  set +e; OUT=$("$CUSTODY_BIN" log witness --to witness.git --root srv 2>&1); RC=$?; set -e
  echo "$OUT"
}

# verify_witness [ARGS]: custody log verify --witness, output in $OUT, status in $RC.
verify_witness() {
  set +e; OUT=$("$CUSTODY_BIN" log verify --witness "${1:-witness.git}" "${@:2}" 2>&1); RC=$?; set -e
  echo "$OUT"
}

expect_out() { grep -qF -- "$1" <<<"$OUT" || fail "output lacks: $1"; }

test_witness_commits_every_head_and_verify_passes() {
  node
  witness
  [[ $RC -eq 0 ]] || fail "witness failed (rc=$RC)"
  expect_out "created the witness repository $PWD/witness.git"
  expect_out "installed custody pre-receive in $PWD/witness.git/hooks/pre-receive"
  local h; h=$(ledger_field srv/a.git 1 .hash)
  expect_out "a.git: seq 4 hash ${h:0:12}"
  expect_out "group/c.git: seq 4 hash"
  expect_out "ledger heads changed, 3 witnessed"
  [[ $(git --git-dir=witness.git show main:ledgers/a.git.json | jq -r .hash) == "$h" ]] || fail "a.git head not in the witness"
  [[ $(git --git-dir=witness.git show main:ledgers/group/c.git.json | jq -r .seq) == 4 ]] || fail "c.git seq"
  git clone -q witness.git witness-clone
  more_pushes 2
  witness
  [[ $RC -eq 0 ]] || fail "second witness failed"
  expect_out "a.git: seq 6 hash"
  [[ $(git --git-dir=witness.git rev-list --count main) == 2 ]] || fail "expected two witness commits"
  git --git-dir=witness.git merge-base --is-ancestor "$(git -C witness-clone rev-parse HEAD)" main || fail "history rewritten"
  witness
  expect_out "nothing new to witness: 3 ledgers unchanged"
  verify_witness
  [[ $RC -eq 0 ]] || fail "verify failed (rc=$RC)"
  expect_out "witness OK: 3 ledgers hold the heads witnessed in commit"
  verify_witness witness-clone
  [[ $RC -eq 0 ]] || fail "verify against the old clone failed"
  expect_out "witness OK: 3 ledgers hold the heads witnessed in commit"
  verify_witness witness.git --repo srv/b.git
  expect_out "witness OK: 1 ledger holds the heads witnessed in commit"
}

test_deleted_truncated_and_rewritten_ledgers_are_reported() {
  node
  witness
  more_pushes 2
  witness
  git clone -q witness.git witness-clone
  local a b c
  a=$(ledger_field srv/a.git 1 .hash); b=$(ledger_field srv/b.git 1 .hash); c=$(ledger_field srv/group/c.git 1 .hash)
  # Each push: a decision and its outcome. a: deleted; b: last record cut off; c: last record
  # rewritten and re-hashed consistently.
  rm "$(ledger srv/a.git)"
  head -n 5 "$(ledger srv/b.git)" >trunc && cat trunc >"$(ledger srv/b.git)"
  local last body newhash
  last=$(tail -n 1 "$(ledger srv/group/c.git)")
  body=$(sed 's/,"hash":"[0-9a-f]\{64\}"}$/}/' <<<"$last" | sed 's/"time":"2026-/"time":"2025-/')
  [[ $body != "$(sed 's/,"hash":"[0-9a-f]\{64\}"}$/}/' <<<"$last")" ]] || fail "nothing rewritten"
  newhash=$(printf '%s' "$body" | sha256sum | cut -d' ' -f1)
  { head -n 5 "$(ledger srv/group/c.git)"; printf '%s,"hash":"%s"}\n' "${body%\}}" "$newhash"; } >rw
  cat rw >"$(ledger srv/group/c.git)"
  "$CUSTODY_BIN" log verify --ledger "$(ledger srv/group/c.git)" >/dev/null || fail "the rewrite is not consistent"
  local dir; dir=$(cd srv && pwd)
  for w in witness.git witness-clone; do
    verify_witness "$w"
    [[ $RC -eq 1 ]] || fail "damage not reported against $w (rc=$RC)"
    expect_out "custody log verify: witness: a.git: the ledger $dir/a.git/custody/ledger.jsonl is missing, but the witness recorded seq 6 hash ${a:0:12} (the ledger was deleted)"
    expect_out "custody log verify: witness: b.git: ledger.jsonl: the ledger ends at seq 5, before the witnessed head seq 6 (records were truncated) (the witness recorded seq 6 hash ${b:0:12})"
    expect_out "custody log verify: witness: group/c.git: ledger.jsonl:6: record seq 6 has hash $newhash, but the witness recorded $c (history was rewritten) (the witness recorded seq 6 hash ${c:0:12})"
    expect_out "custody log verify: 3 of 3 witnessed ledgers no longer hold the witnessed head (witness commit"
  done
  # The node cannot launder the loss through the witness: nothing is committed.
  local before; before=$(git --git-dir=witness.git rev-parse main)
  witness
  [[ $RC -eq 1 ]] || fail "witness accepted a lost head (rc=$RC)"
  expect_out "custody log witness: a.git: the ledger $dir/a.git/custody/ledger.jsonl is missing"
  expect_out "custody log witness: refusing to witness: 3 witnessed ledgers no longer hold the witnessed head"
  expect_ref_at witness.git refs/heads/main "$before"
}

test_witness_repo_refuses_force_push_and_deletion() {
  node
  witness
  more_pushes 2
  witness
  git clone -q witness.git wc
  cd wc
  local tip; tip=$(git rev-parse HEAD)
  git reset -q --hard HEAD~1
  commit_file forged.json '{}'
  expect_push_rejected --force origin main
  expect_output_contains "refs/heads/main: force push: the new tip"
  expect_ref_at ../witness.git refs/heads/main "$tip"
  expect_push_rejected origin :main
  expect_output_contains "refs/heads/main: deletion refused: protected refs may not be deleted"
  expect_ref_at ../witness.git refs/heads/main "$tip"
  git push -q origin "$tip:refs/heads/copy" 2>/dev/null
  expect_push_rejected origin :copy
  expect_output_contains "refs/heads/copy: deletion refused: protected refs may not be deleted"
  expect_ref_at ../witness.git refs/heads/copy "$tip"
}

test_witness_entries_are_signed_with_the_ledger_key() {
  mkdir keys
  "$CUSTODY_BIN" log keygen --out keys >/dev/null
  export CUSTODY_CONFIG=$PWD/site.toml
  printf '[ledger]\nsigning_key = "%s"\n' "$PWD/keys/ledger-signing.key" >site.toml
  node
  witness
  [[ $RC -eq 0 ]] || fail "witness failed"
  expect_out "a.git: seq 8 hash"
  expect_out "(signed)"
  [[ -n $(git --git-dir=witness.git show main:ledgers/a.git.json | jq -r .sig) ]] || fail "no signature"
  verify_witness witness.git --public-key keys/ledger-signing.pub
  [[ $RC -eq 0 ]] || fail "signatures do not verify"
  "$CUSTODY_BIN" log keygen --out other >/dev/null
  verify_witness witness.git --public-key other/ledger-signing.pub
  [[ $RC -eq 1 ]] || fail "a foreign key verified"
  expect_out "a.git: the witness entry's signature does not verify with $PWD/other/ledger-signing.pub"
}
