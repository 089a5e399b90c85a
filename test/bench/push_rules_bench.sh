#!/usr/bin/env bash
# Cost of the push-rule family per push: runs the pre-receive hook directly on a 1-commit update
# (one new file), interleaved, with the default configuration and with a ruleset setting every
# push rule; optionally also a second build's hook (e.g. main's) with the default configuration.
# Prints the median wall time of each, in milliseconds.
#
# Usage: test/bench/push_rules_bench.sh [BUILD_DIR] [RUNS] [OTHER_BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
runs=${2:-200}
other=${3:-}
work=$(mktemp -d /tmp/custody-push-rules-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 CUSTODY_SYSTEM_CONFIG=/nonexistent CUSTODY_PUSHER=bench
mkdir -p "$HOME"
git config --global user.name Bench; git config --global user.email bench@example.com
git config --global init.defaultBranch main

git init -q --bare server.git
git clone -q server.git client 2>/dev/null
cd client
echo hello >README; git add README; git commit -qm "feat: initial"; git push -q origin main
old=$(git rev-parse HEAD)
printf 'x%.0s' $(seq 1 2000) >data.txt; git add data.txt
git commit -qm "feat: data" -m "Signed-off-by: Bench <bench@example.com>"
git push -q origin HEAD:refs/bench/new # objects on the server, main not moved
new=$(git rev-parse HEAD)
cd ..

rules='{ message_pattern = "^feat: ", message_forbidden_pattern = "WIP", author_email_pattern = "@example\\.com$", prohibited_paths = ["**/*.tfstate"], max_file_bytes = 1048576, dco = true, branch_name_pattern = "^[a-z]+$" }'
printf '[[rulesets]]\nname = "push"\nrefs = ["refs/heads/**"]\nrules = %s\n' "$rules" >rules.toml
: >empty.toml

python3 - "$runs" "$old $new refs/heads/main" "$build/libexec/custody/pre-receive" "$work/server.git" \
  "$work/empty.toml" "$work/rules.toml" "${other:+$other/libexec/custody/pre-receive}" <<'PY'
import os, statistics, subprocess, sys, time
runs, line, hook, git_dir, empty, rules, other = sys.argv[1:8]
variants = [("default config", hook, empty), ("every push rule", hook, rules)]
if other:
    variants.append(("other build, default config", other, empty))
times = {name: [] for name, _, _ in variants}
# Each variant writes its own copy of the repository's ledger: builds that keep the ledger's head
# differently (an older one writes no head file) must not make each other re-read the chain.
dirs = {}
for i, (name, _, _) in enumerate(variants):
    dirs[name] = f"{git_dir}.{i}"
    subprocess.run(["cp", "-a", git_dir, dirs[name]], check=True)
for _ in range(int(runs)):
    for name, exe, config in variants:
        env = dict(os.environ, GIT_DIR=dirs[name], CUSTODY_CONFIG=config)
        start = time.perf_counter()
        p = subprocess.run([exe], input=(line + "\n").encode(), env=env, cwd=dirs[name],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times[name].append((time.perf_counter() - start) * 1000)
        if p.returncode != 0:
            sys.exit(f"{name}: exit {p.returncode}: {p.stderr.decode()}")
for name, t in times.items():
    print(f"{name:30s} median {statistics.median(t):7.3f} ms  (p10 {sorted(t)[len(t)//10]:.3f})")
PY
