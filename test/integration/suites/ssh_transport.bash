# Pushes over real SSH: an sshd on 127.0.0.1 (own host key, own sshd_config, authorized_keys in
# the test directory) where each key has a forced command that names its owner in
# CUSTODY_PUSHER and runs git-receive-pack (HOOK-CONTRACTS.md §7). Two keys: a human and an
# agent. sshd is started per test on a free port and stopped when the test ends.

# Every git command is bounded: a hung server fails the test instead of stalling the run.
git_bin=$(command -v git)
git() { timeout 120 "$git_bin" "$@"; }

probe() {
  [[ -x /usr/sbin/sshd ]] || { echo "sshd is not installed (openssh-server, install/deps.sh)"; return 1; }
  command -v ssh-keygen >/dev/null || { echo "ssh-keygen is missing"; return 1; }
  command -v python3 >/dev/null || { echo "python3 is missing"; return 1; }
  [[ $(id -u) -eq 0 ]] || { echo "sshd needs root here (privilege separation)"; return 1; }
}

start_sshd() {
  mkdir -p srv keys /run/sshd
  git init -q --bare srv/server.git
  "$CUSTODY_BIN" install --repo srv/server.git --no-outcomes >/dev/null
  ssh-keygen -q -t ed25519 -N '' -f keys/host
  ssh-keygen -q -t ed25519 -N '' -C alice -f keys/alice
  ssh-keygen -q -t ed25519 -N '' -C claude-agent -f keys/agent
  # The forced command: allow only git-receive-pack/git-upload-pack of one path, name the pusher.
  cat >git-shim <<SHIM
#!/bin/bash
set -euo pipefail
re="^(git-receive-pack|git-upload-pack) '([^']+)'\\\$"
[[ \${SSH_ORIGINAL_COMMAND:-} =~ \$re ]] || { echo "git-shim: only git pushes and fetches" >&2; exit 1; }
export CUSTODY_PUSHER=\$1
export CUSTODY_SYSTEM_CONFIG="$CUSTODY_SYSTEM_CONFIG"
exec "\${BASH_REMATCH[1]}" "\${BASH_REMATCH[2]}"
SHIM
  chmod +x git-shim
  {
    echo "command=\"$PWD/git-shim alice\",restrict $(cat keys/alice.pub)"
    echo "command=\"$PWD/git-shim claude-agent\",restrict $(cat keys/agent.pub)"
  } >authorized_keys
  SSH_PORT=$(free_port)
  cat >sshd_config <<CONF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $PWD/keys/host
PidFile $PWD/sshd.pid
AuthorizedKeysFile $PWD/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
AllowUsers $(id -un)
LogLevel VERBOSE
CONF
  /usr/sbin/sshd -t -f sshd_config
  /usr/sbin/sshd -D -e -f "$PWD/sshd_config" 2>sshd.log &
  SSHD_PID=$!
  trap 'kill $SSHD_PID 2>/dev/null; wait $SSHD_PID 2>/dev/null' EXIT
  wait_for_port "$SSH_PORT" 10
}

use_key() {
  export GIT_SSH_COMMAND="ssh -i $PWD/../keys/$1 -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p $SSH_PORT"
}

setup_ssh() {
  start_sshd
  REMOTE="$(id -un)@127.0.0.1:$PWD/srv/server.git"
  GIT_SSH_COMMAND="ssh -i $PWD/keys/alice -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p $SSH_PORT" \
    git clone -q "$REMOTE" client 2>/dev/null
  cd client
  use_key alice
  commit_file README hello "Initial commit"
  expect_push_accepted origin HEAD:main
}

test_human_key_accepted() {
  setup_ssh
  commit_file a.txt a
  expect_push_accepted origin main
  [[ $(ledger_field ../srv/server.git 1 .pusher.name) == alice ]]
  [[ $(ledger_field ../srv/server.git 1 .pusher.source) == CUSTODY_PUSHER ]]
  [[ $(ledger_field ../srv/server.git 1 .host.kind) == ssh ]]
}

test_agent_key_refused_on_main() {
  setup_ssh
  use_key agent
  commit_file b.txt b
  expect_push_rejected origin main
  expect_output_contains "remote: custody:"
  expect_output_contains "claude-agent is an agent/bot account (CUSTODY_PUSHER)"
  [[ $(ledger_field ../srv/server.git 1 .pusher.name) == claude-agent ]]
  [[ $(ledger_field ../srv/server.git 1 .decision) == rejected ]]
  expect_push_accepted origin HEAD:refs/heads/agent/b
}

test_forced_command_refuses_a_shell() {
  setup_ssh
  set +e
  out=$(ssh -i ../keys/alice -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p "$SSH_PORT" "$(id -un)@127.0.0.1" 'id' 2>&1)
  rc=$?
  set -e
  echo "$out"
  [[ $rc -ne 0 ]]
  grep -q "only git pushes and fetches" <<<"$out"
}
