#!/usr/bin/env bash
# `custody scan --all` against the floor of reading the same history: `git cat-file
# --batch-all-objects --batch` (inflating every object once, one thread), on a repository with
# real text history built from this machine's files (/usr/include and /usr/share/doc text,
# committed in BATCHES batches, each also editing some earlier files, then repacked with deltas
# as a real repository is), with a few planted secrets. Both in the same run, interleaved;
# prints MB/s of unique blob content for each (medians of RUNS), the ratio, and custody's peak
# RSS (/usr/bin/time -v). Goals (issue 12): ratio >= 100% using both cores, peak RSS < 256 MiB.
#
# Usage: [KEEP=1] test/bench/scan_bench.sh [BUILD_DIR] [RUNS] [BATCHES]   (KEEP: leave the repository)
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
runs=${2:-5}
batches=${3:-60}
custody=$build/bin/custody
work=$(mktemp -d /tmp/custody-scan-bench.XXXXXX)
[[ -n ${KEEP:-} ]] && echo "keeping $work" || trap 'rm -rf "$work"' EXIT
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 CUSTODY_SYSTEM_CONFIG=/nonexistent
mkdir -p "$HOME"
repo=$work/history.git
git init -q --bare "$repo"

echo "building a history of $batches commits from /usr/include and /usr/share/doc ..."
python3 - "$batches" <<'PY' | git --git-dir="$repo" fast-import --quiet
import os, sys
batches = int(sys.argv[1])
files = []
for root in ("/usr/include", "/usr/share/doc"):
    for d, _, names in os.walk(root):
        for n in sorted(names):
            p = os.path.join(d, n)
            if os.path.islink(p) or not os.path.isfile(p) or os.path.getsize(p) > 4 << 20:
                continue
            try:
                data = open(p, "rb").read()
            except OSError:
                continue
            if b"\0" in data[:8000]:
                continue  # binary (gzip'd docs): the floor would count them, custody skips them
            files.append((p.lstrip("/"), data))
files.sort()
secrets = [b"STRIPE_KEY=sk_live_9fQ2xLm7RtV4kZp8WcN3bJ6hYs1D\n",
           b"aws_access_key_id = AKIAWQ5KUHFW2D6DOZU5\n",
           b"GITLAB_TOKEN=glpat-zJVMWa6Xr2SJPvPHMiIu\n"]
out = sys.stdout.buffer
per = (len(files) + batches - 1) // batches
for b in range(batches):
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer Bench <bench@example.com> %d +0000\n" % (1700000000 + b * 3600))
    msg = b"batch %d\n" % b
    out.write(b"data %d\n%s" % (len(msg), msg))
    chunk = files[b * per:(b + 1) * per]
    # Edit a few files committed earlier: new versions of existing blobs, as real history has.
    edits = files[(b * 37) % max(1, b * per):][:20] if b else []
    for path, data in chunk + edits:
        if (path, data) in edits:
            data = data + b"/* revised in batch %d */\n" % b
        if b in (5, 25, 45) and path.endswith(".h") and secrets:
            data = data + secrets.pop()
        out.write(b"M 644 inline %s\ndata %d\n" % (path.encode(), len(data)))
        out.write(data + b"\n")
    out.write(b"\n")
PY
git --git-dir="$repo" repack -adq --window=10 --depth=50
read -r blobs blob_bytes < <(git --git-dir="$repo" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' |
  awk '$1 == "blob" { n++; s += $2 } END { print n, s }')
pack_bytes=$(du -cb "$repo"/objects/pack/*.pack | tail -n1 | cut -f1)
commits=$(git --git-dir="$repo" rev-list --count --all)
echo "repository: $commits commits, $blobs unique blobs, $((blob_bytes >> 20)) MiB of blob content, $((pack_bytes >> 20)) MiB packed"

time_floor() {
  /usr/bin/time -f '%e %M %U %S' -o "$work/floor.time" git --git-dir="$repo" cat-file --batch-all-objects --batch >/dev/null
  awk '{ print $1, $2, $3 + $4 }' "$work/floor.time" # wall, peak RSS, CPU (user + sys)
}
time_scan() {
  local rc=0
  /usr/bin/time -v -o "$work/scan.time" "$custody" scan --repo "$repo" --all --format json >"$work/scan.json" 2>"$work/scan.err" || rc=$?
  [[ $rc -eq 1 ]] || { echo "custody scan exited $rc (expected 1: planted secrets)" >&2; cat "$work/scan.err" >&2; exit 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/scan.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/scan.time")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/scan.time")
  echo "$wall $rss $cpu"
}

floor_s=() scan_s=() scan_rss=() floor_cpu=() scan_cpu=()
time_floor >/dev/null # warm the page cache
for r in $(seq 1 "$runs"); do
  read -r f _ fc < <(time_floor)
  read -r s rss sc < <(time_scan)
  floor_s+=("$f") scan_s+=("$s") scan_rss+=("$rss") floor_cpu+=("$fc") scan_cpu+=("$sc")
  echo "  run $r: cat-file ${f}s (CPU ${fc}s), custody scan ${s}s (CPU ${sc}s, peak RSS $((rss / 1024)) MiB)"
done
found=$(jq length "$work/scan.json")
tail -n1 "$work/scan.err"
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
mf=$(median "${floor_s[@]}") ms=$(median "${scan_s[@]}") mr=$(median "${scan_rss[@]}")
mfc=$(median "${floor_cpu[@]}") msc=$(median "${scan_cpu[@]}")
awk -v b="$blob_bytes" -v f="$mf" -v s="$ms" -v r="$mr" -v n="$found" -v fc="$mfc" -v sc="$msc" 'BEGIN {
  printf "median cat-file --batch-all-objects --batch: %.2f s = %.0f MB/s of unique blob content\n", f, b / 1e6 / f
  printf "median custody scan --all --format json:     %.2f s = %.0f MB/s (%d findings)\n", s, b / 1e6 / s, n
  printf "ratio: %.0f%% of the floor; custody peak RSS (median): %.0f MiB\n", 100 * f / s, r / 1024
  printf "median CPU time (user + sys): cat-file %.2f s, custody scan %.2f s (%.0f%% of the floor)\n", fc, sc, 100 * fc / sc
}'
