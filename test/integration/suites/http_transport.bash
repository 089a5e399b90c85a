# Pushes over real HTTP: git http-backend as CGI behind lighttpd on 127.0.0.1 with basic auth, so
# the pusher reaches the hook as REMOTE_USER (HOOK-CONTRACTS.md §6). The server is started per
# test on a free port and stopped when the test ends.

# Every git command is bounded: a hung server fails the test instead of stalling the run.
git_bin=$(command -v git)
git() { timeout 120 "$git_bin" "$@"; }

probe() {
  command -v lighttpd >/dev/null || { echo "lighttpd is not installed (install/deps.sh)"; return 1; }
  [[ -x /usr/lib/git-core/git-http-backend ]] || { echo "git-http-backend is missing"; return 1; }
  command -v openssl >/dev/null || { echo "openssl is missing"; return 1; }
  command -v python3 >/dev/null || { echo "python3 is missing"; return 1; }
}

start_http() {
  mkdir -p srv
  git init -q --bare srv/server.git
  "$CUSTODY_BIN" install --repo srv/server.git --no-outcomes >/dev/null
  {
    printf 'alice:%s\n' "$(openssl passwd -apr1 alice-pw)"
    printf 'claude-bot:%s\n' "$(openssl passwd -apr1 bot-pw)"
  } >htpasswd
  HTTP_PORT=$(free_port)
  cat >lighttpd.conf <<CONF
server.modules = ("mod_alias", "mod_setenv", "mod_auth", "mod_authn_file", "mod_cgi")
server.document-root = "$PWD/srv"
server.bind = "127.0.0.1"
server.port = $HTTP_PORT
server.pid-file = "$PWD/lighttpd.pid"
server.errorlog = "$PWD/lighttpd-error.log"
auth.backend = "htpasswd"
auth.backend.htpasswd.userfile = "$PWD/htpasswd"
alias.url = ("/git/" => "/usr/lib/git-core/git-http-backend/")
\$HTTP["url"] =~ "^/git/" {
  cgi.assign = ("" => "")
  setenv.set-environment = (
    "GIT_PROJECT_ROOT" => "$PWD/srv",
    "GIT_HTTP_EXPORT_ALL" => "1",
    "CUSTODY_SYSTEM_CONFIG" => "$CUSTODY_SYSTEM_CONFIG",
    "PATH" => "/usr/local/bin:/usr/bin:/bin"
  )
  auth.require = ("/git/" => ("method" => "basic", "realm" => "custody-test", "require" => "valid-user"))
}
CONF
  lighttpd -tt -f lighttpd.conf
  lighttpd -D -f lighttpd.conf >lighttpd.out 2>&1 &
  HTTP_PID=$!
  trap 'kill $HTTP_PID 2>/dev/null; wait $HTTP_PID 2>/dev/null' EXIT
  wait_for_port "$HTTP_PORT" 10
}

url() { echo "http://$1@127.0.0.1:$HTTP_PORT/git/server.git"; }

setup_http() {
  start_http
  git clone -q "$(url alice:alice-pw)" client 2>/dev/null
  cd client
  commit_file README hello "Initial commit"
  expect_push_accepted origin HEAD:main
}

test_human_accepted_over_http() {
  setup_http
  commit_file a.txt a
  expect_push_accepted origin main
  [[ $(ledger_field ../srv/server.git 1 .pusher.name) == alice ]]
  [[ $(ledger_field ../srv/server.git 1 .pusher.source) == REMOTE_USER ]]
  [[ $(ledger_field ../srv/server.git 1 .host.kind) == http ]]
  [[ $(ledger_field ../srv/server.git 1 .host.remote_addr) == 127.0.0.1 ]]
  expect_ref_at ../srv/server.git refs/heads/main "$(git rev-parse HEAD)"
}

test_agent_refused_on_main_messages_arrive_as_remote_lines() {
  setup_http
  commit_file b.txt b
  expect_push_rejected "$(url claude-bot:bot-pw)" HEAD:main
  expect_output_contains "remote: custody:"
  expect_output_contains "claude-bot is an agent/bot account (REMOTE_USER)"
  expect_output_contains "(pre-receive hook declined)"
  [[ $(ledger_field ../srv/server.git 1 .pusher.name) == claude-bot ]]
  [[ $(ledger_field ../srv/server.git 1 .pusher.source) == REMOTE_USER ]]
  [[ $(ledger_field ../srv/server.git 1 .decision) == rejected ]]
  expect_push_accepted "$(url claude-bot:bot-pw)" HEAD:refs/heads/agent/b
}

test_anonymous_and_wrong_password_cannot_push() {
  setup_http
  commit_file c.txt c
  GIT_TERMINAL_PROMPT=0 expect_push_rejected "http://127.0.0.1:$HTTP_PORT/git/server.git" HEAD:main
  GIT_TERMINAL_PROMPT=0 expect_push_rejected "$(url alice:wrong)" HEAD:main
  expect_output_contains "Authentication failed"
}
