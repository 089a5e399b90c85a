#!/usr/bin/env bash
# Benchmark for `custody evidence` (not a timed test): REPOS repositories holding RECORDS
# decision records in all (default 1,000 and 1,000,000, a year spread over four quarters); the
# bundle for one quarter, timed with /usr/bin/time (wall time, peak RSS), RUNS times.
# Usage: test/bench/evidence_bench.sh CUSTODY_BIN [REPOS] [RECORDS] [RUNS]
set -euo pipefail
bin=$1 repos=${2:-1000} records=${3:-1000000} runs=${4:-3}
work=$(mktemp -d /tmp/custody-evidence-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$work/root" "$repos" "$records" <<'PY'
import hashlib, json, os, sys
root, repos, records = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per = records // repos
for r in range(repos):
    git = os.path.join(root, f"org{r % 20}", f"repo{r}.git")
    os.makedirs(os.path.join(git, "objects")); os.makedirs(os.path.join(git, "refs"))
    os.makedirs(os.path.join(git, "custody"))
    open(os.path.join(git, "HEAD"), "w").write("ref: refs/heads/main\n")
    prev = "0" * 64
    with open(os.path.join(git, "custody", "ledger.jsonl"), "w") as out:
        for i in range(1, per + 1):
            day = i * 365 // per
            month, mday = 1 + min(day // 31, 11), 1 + day % 28
            body = {"seq": i, "prev": prev}
            if i == 1: body["segment"] = 1
            protected = i % 3 == 0
            body.update({"type": "decision", "time": f"2026-{month:02d}-{mday:02d}T10:00:00.000000Z",
                "repo": git, "hook": "pre-receive", "push_id": f"p{i}",
                "pusher": {"name": f"dev{i % 50}", "source": "GL_USERNAME", "is_agent": i % 17 == 0},
                "ref": "refs/heads/main" if protected else f"refs/heads/f{i % 9}",
                "old": "a" * 40, "new": "b" * 40, "kind": "fast-forward", "protected": protected,
                "decision": "rejected" if i % 23 == 0 else "accepted",
                "violations": [{"rule": "refs.force_push", "control": "CC8.1", "message": "x"}] if i % 23 == 0 else [],
                "commits": [{"id": f"{r:08x}{i:032x}", "author": "Dev <dev@example.com>",
                             "ai_tool": "claude-code" if i % 2 else "", "reviewers": ["Rita <rita@example.com>"] if i % 5 else [],
                             "review_date": "2026-01-02", "verdict": "ok"}],
                "secrets_scan": {"blobs": 2, "bytes": 900, "ms": 1, "complete": True}})
            line = json.dumps(body, separators=(",", ":"))
            h = hashlib.sha256(line.encode()).hexdigest()
            out.write(line[:-1] + ',"hash":"' + h + '"}\n')
            prev = h
PY
echo "estate: $repos repositories, $records records, $(du -sh "$work/root" | cut -f1)"
for run in $(seq "$runs"); do
  rm -rf "$work/out" "$work/out.tar.gz"
  /usr/bin/time -f "run $run: %e s wall, %M KiB peak RSS" \
    "$bin" evidence --root "$work/root" --from 2026-07-01 --to 2026-09-30 --out "$work/out" --seed 1 >/dev/null
done
ls -l "$work/out.tar.gz" | awk '{print "archive bytes: " $5}'
