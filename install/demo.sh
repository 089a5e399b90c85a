#!/usr/bin/env bash
# Installs what is needed, builds, and shows custody guarding a bare repository with its
# embedded default configuration: accepted and rejected pushes, then the evidence.
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$src/install/deps.sh"
bash "$src/install/build.sh" "$src/build" >/dev/null
custody=$src/build/bin/custody

demo=$(mktemp -d /tmp/custody-demo.XXXXXX)
cd "$demo"
export HOME=$demo/home GIT_CONFIG_NOSYSTEM=1 CUSTODY_SYSTEM_CONFIG=$demo/none.toml
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global user.name "Alice Developer"
git config --global user.email alice@example.com

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@" 2>&1 | sed 's/^/  /' || true; }

step "A bare repository guarded by custody (embedded default policy, no config file)"
git init -q --bare server.git
show "$custody" install --repo server.git
git clone -q server.git work 2>/dev/null
cd work

step "1. alice pushes a new commit to main: accepted"
echo "hello" >README.md && git add README.md && git commit -qm "Add README"
CUSTODY_PUSHER=alice show git push origin main

step "2. alice rewrites main and force-pushes: rejected"
git commit -q --amend -m "Add README (rewritten)"
CUSTODY_PUSHER=alice show git push --force origin main

step "3. an AI agent account pushes straight to main: rejected"
git reset -q --hard origin/main
echo "generated" >gen.txt && git add gen.txt && git commit -qm "Agent change"
REMOTE_USER=claude-agent show git push origin main

step "4. the same agent pushes to a feature branch for human review: accepted"
REMOTE_USER=claude-agent show git push origin HEAD:refs/heads/agent/gen

step "5. an AI-assisted commit without a human review reaches main: rejected"
git reset -q --hard origin/main
echo "def helper(): pass" >helper.py && git add helper.py
git commit -qm "Add helper" -m "AI-Generated: claude-code/opus-4"
CUSTODY_PUSHER=alice show git push origin main

step "6. the same commit after Bob reviewed it: accepted"
git commit -q --amend --no-edit --trailer "Reviewed-By: Bob Reviewer <bob@example.com>" --trailer "Review-Date: $(date -u +%Y-%m-%d)"
show git log -1 --format=%B
CUSTODY_PUSHER=alice show git push origin main

step "7. deleting main: rejected"
CUSTODY_PUSHER=alice show git push origin :main

cd "$demo"
step "The evidence: every decision, hash-chained"
show "$custody" log tail --ledger server.git/custody/ledger.jsonl -n 10
show "$custody" log verify --ledger server.git/custody/ledger.jsonl
printf '\nDemo files are in %s\n' "$demo"
