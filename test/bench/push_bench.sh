#!/usr/bin/env bash
# Wall time of a 1-commit push with custody's pre-receive against the same push with no hook,
# interleaved in one run so both see the same machine state; on a small repository and on one
# with 50k commits and 20k refs. Prints medians and the ratio.
#
# Usage: test/bench/push_bench.sh [BUILD_DIR] [RUNS]
#   REF_KIND=tags   the 20k refs are protected tags (refs/tags/t/N) instead of branches
#   HOOK=update     custody runs as the update hook instead of pre-receive
#   SKIP_LARGE=1    only the small repository
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
runs=${2:-40}
custody=$build/bin/custody
work=$(mktemp -d /tmp/custody-push-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 CUSTODY_SYSTEM_CONFIG=/nonexistent CUSTODY_PUSHER=bench
mkdir -p "$HOME"
git config --global user.name Bench; git config --global user.email bench@example.com
git config --global init.defaultBranch main

# make_history DIR COMMITS REFS: a bare repo built by fast-import (seconds, not minutes).
make_history() {
  local dir=$1 commits=$2 refs=$3
  git init -q --bare "$dir"
  python3 - "$commits" "$refs" "${REF_KIND:-branches}" <<'PY' | git --git-dir="$dir" fast-import --quiet
import sys
commits, refs, kind = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
out = sys.stdout
for i in range(1, commits + 1):
    data = f"line {i}\n"
    out.write(f"commit refs/heads/main\nmark :{i}\ncommitter Bench <bench@example.com> {1700000000 + i} +0000\n")
    msg = f"commit {i}\n"
    out.write(f"data {len(msg)}\n{msg}")
    if i > 1:
        out.write(f"from :{i-1}\n")
    out.write(f"M 644 inline file{i % 500}.txt\ndata {len(data)}\n{data}\n")
step = max(1, commits // max(1, refs))
for r in range(refs):
    name = f"refs/tags/t/{r}" if kind == "tags" else f"refs/heads/branch/{r}"
    out.write(f"reset {name}\nfrom :{1 + (r * step) % commits}\n\n")
PY
  git --git-dir="$dir" pack-refs --all
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

bench() { # bench NAME COMMITS REFS
  local name=$1
  make_history "$name-base.git" "$2" "$3"
  git clone -q --bare "$name-base.git" "$name-hook.git"
  git clone -q --bare "$name-base.git" "$name-plain.git"
  "$custody" install --repo "$name-hook.git" ${HOOK:+--hook "$HOOK"} >/dev/null
  git clone -q "$name-base.git" "$name-client" 2>/dev/null
  cd "$name-client"
  git remote add hook "../$name-hook.git"; git remote add plain "../$name-plain.git"
  : >../"$name-hook.times"; : >../"$name-plain.times"
  for i in $(seq 1 "$runs"); do
    echo "$i" >>bench.txt; git add bench.txt; git commit -qm "bench $i"
    for remote in hook plain; do
      local t0 t1
      t0=$(date +%s%N); git push -q "$remote" main 2>/dev/null; t1=$(date +%s%N)
      echo $(((t1 - t0) / 1000)) >>../"$name-$remote.times"
    done
  done
  cd ..
  local h p
  h=$(median <"$name-hook.times"); p=$(median <"$name-plain.times")
  printf '%-8s commits=%-6s refs=%-6s no-hook median %7.1f ms   custody median %7.1f ms   ratio %.2fx\n' \
    "$name" "$2" "$3" "$(echo "$p/1000" | bc -l)" "$(echo "$h/1000" | bc -l)" "$(echo "$h/$p" | bc -l)"
  "$custody" log verify --ledger "$name-hook.git/custody/ledger.jsonl" >/dev/null
}

echo "push benchmark: $runs interleaved 1-commit pushes per repository, refs: ${REF_KIND:-branches}, hook: ${HOOK:-pre-receive} ($(git --version))"
bench small 10 5
[[ ${SKIP_LARGE:-} ]] || bench large 50000 20000
