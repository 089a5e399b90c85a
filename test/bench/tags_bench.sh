#!/usr/bin/env bash
# One push of 100 new annotated (protected) tags at commits of a 5,000-commit main, with custody's
# pre-receive, against the same push with no hook, interleaved. Prints the medians of wall time,
# the hook's peak RSS and the ledger bytes the push added (issue #10, "Cost cannot be turned
# against the server"; goal: under 2 s, under 150 MB, under 1 MB of ledger).
#
# Usage: test/bench/tags_bench.sh [BUILD_DIR] [RUNS]
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
runs=${2:-5}
custody=$build/bin/custody
work=$(mktemp -d /tmp/custody-tags-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 CUSTODY_SYSTEM_CONFIG=/nonexistent CUSTODY_PUSHER=bench
mkdir -p "$HOME"
git config --global user.name Bench; git config --global user.email bench@example.com
git config --global init.defaultBranch main

git init -q --bare base.git
python3 - <<'PY' | git --git-dir=base.git fast-import --quiet
import sys
out = sys.stdout
for i in range(1, 5001):
    data = f"line {i}\n"
    msg = f"commit {i}\n"
    out.write(f"commit refs/heads/main\nmark :{i}\ncommitter Bench <bench@example.com> {1700000000 + i} +0000\n")
    out.write(f"data {len(msg)}\n{msg}")
    if i > 1:
        out.write(f"from :{i-1}\n")
    out.write(f"M 644 inline file{i % 500}.txt\ndata {len(data)}\n{data}\n")
PY
git clone -q base.git client 2>/dev/null
(cd client && for i in $(seq 1 100); do git tag -a "v$i" -m "release $i" "HEAD~$((i * 49))"; done)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
: >hook.ms; : >plain.ms; : >hook.kb; : >ledger.bytes
# The hook's peak RSS: custody's pre-receive runs under /usr/bin/time via a wrapper hook.
for i in $(seq 1 "$runs"); do
  rm -rf hook.git plain.git
  git clone -q --bare base.git hook.git; git clone -q --bare base.git plain.git
  "$custody" install --repo hook.git >/dev/null
  mv hook.git/hooks/pre-receive hook.git/hooks/custody-pre-receive
  printf '#!/bin/sh\nexec /usr/bin/time -f %%M -o "$GIT_DIR/rss.kb" "$GIT_DIR/hooks/custody-pre-receive"\n' \
    >hook.git/hooks/pre-receive
  chmod +x hook.git/hooks/pre-receive
  for remote in hook plain; do
    t0=$(date +%s%N)
    (cd client && git push -q "../$remote.git" --tags 2>/dev/null)
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000)) >>"$remote.ms"
  done
  cat hook.git/rss.kb >>hook.kb
  stat -c %s hook.git/custody/ledger.jsonl >>ledger.bytes
  [[ $(git --git-dir=hook.git tag | wc -l) == 100 ]] || { echo "the hook refused the tags" >&2; exit 1; }
done
printf '100 tags on a 5,000-commit main, %s runs: no hook %s ms, custody %s ms (median); hook peak RSS %s MB; ledger +%s KB\n' \
  "$runs" "$(median <plain.ms)" "$(median <hook.ms)" "$(($(median <hook.kb | cut -d. -f1) / 1024))" \
  "$(($(median <ledger.bytes | cut -d. -f1) / 1024))"
