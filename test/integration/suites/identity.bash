# Pusher identity: each source, first found wins, agents refused on protected refs only.

push_as() { # push_as VAR=VALUE... -- push args
  local vars=()
  while [[ $1 != -- ]]; do vars+=("$1"); shift; done; shift
  set +e; PUSH_OUT=$(env -u CUSTODY_PUSHER "${vars[@]}" git push "$@" 2>&1); PUSH_RC=$?; set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
}

check_source() { # VAR NAME EXPECTED_SOURCE
  make_server; make_client
  cd client; commit_file "x-$1.txt" "$1"
  push_as "$1=$2" -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "push rejected"
  [[ $(ledger_field ../server.git 1 .pusher.name) == "$2" ]] || fail "name"
  [[ $(ledger_field ../server.git 1 .pusher.source) == "$3" ]] || fail "source"
}

test_gitea_pusher() { check_source GITEA_PUSHER_NAME carol GITEA_PUSHER_NAME; }
test_gitlab_username() { check_source GL_USERNAME dave GL_USERNAME; }
test_gitolite_user() { check_source GL_USER erin GL_USER; }
test_http_remote_user() { check_source REMOTE_USER frank REMOTE_USER; }
test_custody_pusher() { check_source CUSTODY_PUSHER grace CUSTODY_PUSHER; }

test_os_user_fallback() {
  make_server; make_client
  cd client; commit_file os.txt os
  push_as X=1 -- origin main
  [[ $PUSH_RC -eq 0 ]]
  [[ $(ledger_field ../server.git 1 .pusher.source) == os-user ]]
  [[ $(ledger_field ../server.git 1 .pusher.name) == "$(id -un)" ]]
}

test_first_source_wins() {
  make_server; make_client
  cd client; commit_file w.txt w
  push_as GITEA_PUSHER_NAME=gitea-user GL_USERNAME=gl-user REMOTE_USER=http-user -- origin main
  [[ $(ledger_field ../server.git 1 .pusher.name) == gitea-user ]]
}

test_agent_rejected_on_main_accepted_on_feature() {
  make_server; make_client
  cd client; commit_file agent.txt by-agent
  push_as REMOTE_USER='dependabot[bot]' -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "agent push to main accepted"
  expect_output_contains "dependabot[bot] is an agent/bot account (REMOTE_USER)"
  expect_output_contains "[refs.agent_push, SOC 2 CC6.1]"
  [[ $(ledger_field ../server.git 1 .pusher.is_agent) == true ]]
  push_as REMOTE_USER='dependabot[bot]' -- origin HEAD:refs/heads/agent/update
  [[ $PUSH_RC -eq 0 ]] || fail "agent push to feature branch rejected"
}

test_agent_name_patterns() {
  make_server; make_client
  cd client
  local n=0
  for name in Claude-Code codex-cli cursor-agent release-bot bot-ci project_42_bot_abc123 group_7_bot_ff; do
    commit_file "p$n.txt" "$name"; n=$((n + 1))
    push_as GL_USERNAME="$name" -- origin main
    [[ $PUSH_RC -ne 0 ]] || fail "$name was not treated as an agent"
    git reset -q --hard HEAD~1
  done
  commit_file human.txt human
  push_as GL_USERNAME=roboticist -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "human roboticist rejected"
}

test_gitlab_messages_carry_gl_hook_err() {
  make_server; make_client
  cd client; commit_file gl.txt gl
  push_as GL_USERNAME=claude-bot GL_ID=user-7 GL_PROTOCOL=ssh GL_REPOSITORY=project-1 -- origin main
  [[ $PUSH_RC -ne 0 ]]
  expect_output_contains "remote: GL-HOOK-ERR: custody: push rejected: 1 problem in 1 ref"
  [[ $(ledger_field ../server.git 1 .host.kind) == gitlab ]]
}
