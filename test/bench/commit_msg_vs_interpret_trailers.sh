#!/usr/bin/env bash
# Benchmark (not a test): the commit-msg hook on a typical message against
# `git interpret-trailers --parse` on the same message, in the same repository. Goal: the hook
# takes at most 1.5x git's time. Prints hyperfine's table; quote the medians.
#
# usage: test/bench/commit_msg_vs_interpret_trailers.sh BUILD_DIR [RUNS]
set -euo pipefail
build=$(cd "${1:?usage: $0 BUILD_DIR [RUNS]}" && pwd)
runs=${2:-300}
hook="$build/libexec/custody/commit-msg"
[[ -x $hook ]] || { echo "no $hook: build the hook_commit_msg target first" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/custody-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export HOME="$dir/home" GIT_CONFIG_NOSYSTEM=1 CUSTODY_SYSTEM_CONFIG="$dir/none.toml"
export GIT_AUTHOR_NAME="Alice Developer" GIT_AUTHOR_EMAIL="alice@example.com"
mkdir -p "$HOME"
git init -q "$dir/repo"
cd "$dir/repo"
cat >.git/COMMIT_EDITMSG <<'MSG'
Add token refresh to the session handler

Sessions expired while a request was in flight, so the client saw a
401 and had to log in again. Refresh the token when less than a minute
is left, and retry the request once.

Fixes: #1234
AI-Generated: claude-code/opus-4
Reviewed-By: Jane Doe <jane@example.com>
Review-Date: 2026-01-02
Signed-off-by: Alice Developer <alice@example.com>
# Please enter the commit message for your changes. Lines starting
# with '#' will be ignored, and an empty message aborts the commit.
#
# On branch main
# Changes to be committed:
#	modified:   src/session.cpp
MSG
"$hook" .git/COMMIT_EDITMSG # must pass silently
hyperfine -N --warmup 20 --runs "$runs" --export-json "$dir/result.json" \
  -n "commit-msg hook" "$hook .git/COMMIT_EDITMSG" \
  -n "git interpret-trailers --parse" "git interpret-trailers --parse .git/COMMIT_EDITMSG"
python3 - "$dir/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
hook, git = (x["median"] for x in r)
print(f"median: commit-msg {hook*1e3:.2f} ms, git interpret-trailers {git*1e3:.2f} ms, ratio {hook/git:.2f}x (goal <= 1.5x)")
PY
