# GitLab cannot run here, so this suite reproduces what Gitaly does around a push
# (HOOK-CONTRACTS.md §4; gitaly internal/gitaly/hook/custom.go) and pushes through it. Gitaly
# points core.hooksPath at its own gitaly-hooks; after GitLab's own checks pass it runs, with
# the same buffered stdin and cwd = the repository, custom_hooks/pre-receive, then
# custom_hooks/pre-receive.d/*, then <custom_hooks_dir>/pre-receive.d/* (sorted; skipping
# directories, non-executables and names ending in ~), stopping at the first failure. The
# environment is an allowlist: GIT_DIR (absolute), GIT_OBJECT_DIRECTORY and
# GIT_ALTERNATE_OBJECT_DIRECTORIES (absolute; no GIT_QUARANTINE_PATH), GL_ID, GL_USERNAME,
# GL_PROTOCOL, GL_REPOSITORY, GL_PROJECT_PATH, push options only when there are some. Here
# hooks/pre-receive plays gitaly-hooks; the GL_* values come from the pusher's environment.

gitlab_repo() { # gitlab_repo DIR GLOBAL_DIR
  git init -q --bare "$1"
  mkdir -p "$2"
  cat >"$1/hooks/pre-receive" <<GITALY
#!/usr/bin/env bash
# Stand-in for gitaly-hooks + Gitaly's custom hooks executor.
repo=\$(cd "\$GIT_DIR" && pwd)
stdin=\$(cat; echo x); stdin=\${stdin%x}
envs=(HOME="\$HOME" PATH="\$PATH" GIT_DIR="\$repo" GL_REPOSITORY="\$GL_REPOSITORY"
  GL_PROJECT_PATH="\$GL_PROJECT_PATH" GL_ID="\$GL_ID" GL_USERNAME="\$GL_USERNAME"
  GL_PROTOCOL="\$GL_PROTOCOL"
  CUSTODY_SYSTEM_CONFIG="\$CUSTODY_SYSTEM_CONFIG") # a test artefact: keeps /etc out of the test
if [[ -n \$GIT_QUARANTINE_PATH ]]; then
  envs+=(GIT_OBJECT_DIRECTORY="\$(cd "\$GIT_QUARANTINE_PATH" && pwd)"
    GIT_ALTERNATE_OBJECT_DIRECTORIES="\$repo/objects")
fi
if (( \${GIT_PUSH_OPTION_COUNT:-0} > 0 )); then
  envs+=(GIT_PUSH_OPTION_COUNT="\$GIT_PUSH_OPTION_COUNT")
  for ((i = 0; i < GIT_PUSH_OPTION_COUNT; i++)); do v=GIT_PUSH_OPTION_\$i; envs+=("\$v=\${!v}"); done
fi
hooks=()
valid() { [[ \$1 != *~ && -x \$1 && ! -d \$1 ]]; }
valid "\$repo/custom_hooks/pre-receive" && hooks+=("\$repo/custom_hooks/pre-receive")
for dir in "\$repo/custom_hooks/pre-receive.d" "$(cd "$2" && pwd)/pre-receive.d"; do
  for h in "\$dir"/*; do valid "\$h" && hooks+=("\$h"); done
done
for h in "\${hooks[@]}"; do
  (cd "\$repo" && printf '%s' "\$stdin" | env -i "\${envs[@]}" "\$h") || exit \$?
done
exit 0
GITALY
  chmod +x "$1/hooks/pre-receive"
}

gitlab_push() { # gitlab_push USERNAME GL_ID [VAR=VALUE...] -- push args
  local name=$1 id=$2; shift 2
  local vars=()
  while [[ $1 != -- ]]; do vars+=("$1"); shift; done; shift
  set +e
  PUSH_OUT=$(env -u CUSTODY_PUSHER GL_USERNAME="$name" GL_ID="$id" GL_PROTOCOL=ssh \
    GL_REPOSITORY=project-42 GL_PROJECT_PATH=group/project "${vars[@]}" git push "$@" 2>&1)
  PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
}

setup_gitlab() { # setup_gitlab [per-repo|global]
  gitlab_repo server.git global
  if [[ ${1:-per-repo} == global ]]; then
    "$CUSTODY_BIN" install --gitlab-global global --no-outcomes >/dev/null
  else
    "$CUSTODY_BIN" install --gitlab server.git --no-outcomes >/dev/null
  fi
  git clone -q server.git client 2>/dev/null
  cd client
  commit_file README "hello" "Initial commit"
  gitlab_push alice user-1 -- origin HEAD:main
  [[ $PUSH_RC -eq 0 ]] || fail "first push"
}

test_human_accepted_objects_seen_through_object_directory_only() {
  setup_gitlab
  cat >../server.git/custom_hooks/pre-receive.d/00-env <<'EOF2'
#!/bin/sh
env >"$GIT_DIR/hook-env"
EOF2
  chmod +x ../server.git/custom_hooks/pre-receive.d/00-env
  seq 1 500 >big.txt; git add big.txt; git commit -qm "a new blob, only in the quarantine"
  gitlab_push alice user-1 -- origin main
  [[ $PUSH_RC -eq 0 ]] || fail "rejected"
  grep -q '^GIT_OBJECT_DIRECTORY=/.*tmp_objdir-incoming' ../server.git/hook-env
  ! grep -q '^GIT_QUARANTINE_PATH=' ../server.git/hook-env || fail "Gitaly does not forward it"
  [[ $(ledger_field ../server.git 1 .pusher.source) == GL_USERNAME ]]
  [[ $(ledger_field ../server.git 1 .host.kind) == gitlab ]]
  [[ $(ledger_field ../server.git 1 .host.protocol) == ssh ]]
}

test_bot_refused_every_line_prefixed_gl_hook_err() {
  setup_gitlab
  commit_file b.txt b
  gitlab_push project_42_bot_4ffca233d8298ea1 user-77 -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "project bot push to main accepted"
  expect_output_contains "remote: GL-HOOK-ERR: custody:"
  # Rails shows only GL-HOOK-ERR: lines in the web UI: every custody line must carry it.
  ! grep '^remote: custody' <<<"$PUSH_OUT" || fail "a custody line without GL-HOOK-ERR:"
}

test_global_hooks_dir() {
  setup_gitlab global
  commit_file c.txt c
  gitlab_push group_7_bot_ab12 user-78 GL_PROTOCOL=http -- origin main
  [[ $PUSH_RC -ne 0 ]] || fail "group bot push accepted"
  [[ $(ledger_field ../server.git 1 .host.protocol) == http ]]
}

test_chain_stops_at_first_failure() {
  setup_gitlab
  printf '#!/bin/sh\necho "GL-HOOK-ERR: site policy says no" >&2\nexit 1\n' >../server.git/custom_hooks/pre-receive.d/00-deny
  chmod +x ../server.git/custom_hooks/pre-receive.d/00-deny
  before=$(ledger_count ../server.git)
  commit_file d.txt d
  gitlab_push alice user-1 -- origin main
  [[ $PUSH_RC -ne 0 ]]
  expect_output_contains "site policy says no"
  [[ $(ledger_count ../server.git) -eq $before ]] || fail "custody ran after an earlier failure"
}

test_push_options_forwarded_only_when_present() {
  setup_gitlab
  git --git-dir=../server.git config receive.advertisePushOptions true
  commit_file e.txt e
  gitlab_push alice user-1 -- -o ci.skip origin main
  [[ $PUSH_RC -eq 0 ]] || fail "rejected"
}
