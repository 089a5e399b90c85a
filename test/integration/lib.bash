# Helpers for integration suites. Every helper fails the test (via set -e in the runner) when
# its expectation does not hold, after printing what it saw.

reset_environment() {
  local dir=$1
  while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(GIT_[A-Za-z0-9_]*\)=.*/\1/p')
  unset GL_ID GL_USERNAME GL_USER GL_REPO GL_PROTOCOL GL_REPOSITORY GITEA_PUSHER_NAME GITEA_PUSHER_ID \
    GITEA_REPO_NAME GITEA_DEPLOY_KEY_ID REMOTE_USER CUSTODY_PUSHER CUSTODY_CONFIG CLAUDECODE GEMINI_CLI
  export HOME="$dir/home"
  mkdir -p "$HOME"
  export GIT_CONFIG_NOSYSTEM=1
  export CUSTODY_SYSTEM_CONFIG="$dir/no-system-config.toml"
  export GIT_AUTHOR_NAME="Alice Developer" GIT_AUTHOR_EMAIL="alice@example.com"
  export GIT_COMMITTER_NAME="Alice Developer" GIT_COMMITTER_EMAIL="alice@example.com"
  export GIT_AUTHOR_DATE="2026-01-02T03:04:05Z" GIT_COMMITTER_DATE="2026-01-02T03:04:05Z"
  export CUSTODY_PUSHER=alice
  git config --global init.defaultBranch main
  git config --global advice.detachedHead false
}

fail() {
  echo "expectation failed: $*" >&2
  return 1
}

# make_server [DIR] [install args...]: a bare repository with custody installed. Its ledger holds
# decisions only (--no-outcomes), so suites can count and read decision records; WITH_OUTCOMES=1
# installs post-receive too, as `custody install` does by default (suites outcomes, witness).
make_server() {
  local dir=${1:-server.git}; shift || true
  git init -q --bare "$dir"
  local outcomes=--no-outcomes
  [[ ${WITH_OUTCOMES:-} == 1 ]] && outcomes=
  "$CUSTODY_BIN" install --repo "$dir" $outcomes "$@" >/dev/null
}

# make_client [SERVER] [DIR]: a clone with one commit on main, pushed (the first push creates main).
make_client() {
  local server=${1:-server.git} dir=${2:-client}
  git clone -q "$server" "$dir" 2>/dev/null
  (cd "$dir" && echo "hello" >README && git add README && git commit -qm "Initial commit" && git push -q origin HEAD:main 2>/dev/null)
}

# commit_file FILE CONTENT [MESSAGE]: commit in the current directory.
commit_file() {
  mkdir -p "$(dirname "$1")"
  printf '%s\n' "$2" >"$1"
  git add "$1"
  git commit -qm "${3:-change $1}"
}

# push ARGS...: runs git push, keeping its output in $PUSH_OUT and status in $PUSH_RC.
push() {
  set +e
  PUSH_OUT=$(git push "$@" 2>&1)
  PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
}

expect_push_accepted() {
  push "$@"
  [[ $PUSH_RC -eq 0 ]] || fail "push $* was rejected (rc=$PUSH_RC)"
}

expect_push_rejected() {
  push "$@"
  [[ $PUSH_RC -ne 0 ]] || fail "push $* was accepted"
}

expect_output_contains() {
  grep -qF -- "$1" <<<"$PUSH_OUT" || fail "push output lacks: $1"
}

expect_output_lacks() {
  ! grep -qF -- "$1" <<<"$PUSH_OUT" || fail "push output contains: $1"
}

# expect_ref_at REPO REF OID ; expect_ref_absent REPO REF
expect_ref_at() {
  local actual
  actual=$(git --git-dir="$1" rev-parse -q --verify "$2" || true)
  [[ $actual == "$3" ]] || fail "$2 in $1 is '$actual', expected '$3'"
}

expect_ref_absent() {
  ! git --git-dir="$1" rev-parse -q --verify "$2" >/dev/null || fail "$2 exists in $1"
}

# ledger REPO: path of the repository's ledger.
ledger() { echo "$1/custody/ledger.jsonl"; }

# ledger_field REPO N FIELD: jq FIELD of the Nth-from-last record (1 = last).
ledger_field() {
  tail -n "$2" "$(ledger "$1")" | head -n 1 | jq -r "$3"
}

ledger_count() {
  if [[ -f $(ledger "$1") ]]; then wc -l <"$(ledger "$1")"; else echo 0; fi
}

# free_port: a TCP port on 127.0.0.1 nobody listens on right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# wait_for_port PORT [SECONDS]: until something accepts connections on 127.0.0.1:PORT.
wait_for_port() {
  local deadline=$((SECONDS + ${2:-10}))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    ((SECONDS < deadline)) || { echo "nothing listens on port $1" >&2; return 1; }
    sleep 0.1
  done
}

# stop_pidfile FILE: stops the process whose id FILE holds (a server this test started).
stop_pidfile() {
  [[ -s $1 ]] || return 0
  local pid; pid=$(cat "$1")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
