# custody install/uninstall for each host layout, and custody doctor. Gitea, GitLab and gitolite
# cannot run here: these tests check the files land where those hosts look for them (see
# gitea_contract.bash and gitlab_contract.bash for pushes through their reproduced environment).

# bare_repo PATH: an empty bare repository (creating parent directories).
bare_repo() { mkdir -p "$(dirname "$1")"; git init -q --bare "$1"; }

test_gitea_installs_into_every_repository_under_root() {
  bare_repo gitea/alice/one.git; bare_repo gitea/org/two.git; bare_repo gitea/org/two.wiki.git
  for r in gitea/*/*.git; do printf '#!/bin/sh\nexit 0\n' >"$r/hooks/pre-receive"; chmod +x "$r/hooks/pre-receive"; done
  out=$("$CUSTODY_BIN" install --gitea gitea); echo "$out"
  for r in gitea/alice/one.git gitea/org/two.git gitea/org/two.wiki.git; do
    [[ -L $r/hooks/pre-receive.d/custody && -x $r/hooks/pre-receive.d/custody ]] || fail "$r"
    grep -q 'exit 0' "$r/hooks/pre-receive" || fail "Gitea's wrapper was replaced in $r"
  done
  out=$("$CUSTODY_BIN" install --gitea gitea); grep -q "already installed" <<<"$out"
  "$CUSTODY_BIN" uninstall --gitea gitea
  [[ ! -e gitea/alice/one.git/hooks/pre-receive.d/custody ]]
  [[ -x gitea/alice/one.git/hooks/pre-receive ]]
}

test_gitea_warns_when_wrapper_missing() {
  bare_repo g/o/r.git
  out=$("$CUSTODY_BIN" install --gitea g/o/r.git); echo "$out"
  grep -q "Resynchronize git hooks" <<<"$out"
}

test_gitlab_per_repo_and_hashed_layout() {
  bare_repo repos/@hashed/6b/86/6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b.git
  bare_repo repos/@pools/aa/bb/pool.git
  bare_repo repos/group/project.git
  "$CUSTODY_BIN" install --gitlab repos
  [[ -L repos/@hashed/6b/86/6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b.git/custom_hooks/pre-receive.d/custody ]]
  [[ -L repos/group/project.git/custom_hooks/pre-receive.d/custody ]]
  [[ ! -e repos/@pools/aa/bb/pool.git/custom_hooks ]] || fail "object pools get no hooks"
  [[ ! -e repos/group/project.git/hooks/pre-receive ]] || fail "hooks/ is Gitaly's, not ours"
  "$CUSTODY_BIN" uninstall --gitlab repos/group/project.git
  [[ ! -e repos/group/project.git/custom_hooks/pre-receive.d/custody ]]
}

test_gitlab_global_hooks_dir() {
  mkdir -p global
  "$CUSTODY_BIN" install --gitlab-global global
  [[ -L global/pre-receive.d/custody ]]
  "$CUSTODY_BIN" uninstall --gitlab-global global
  [[ ! -e global/pre-receive.d/custody ]]
}

test_host_modes_refuse_commit_msg_and_gitolite_update() {
  bare_repo r.git
  set +e; out=$("$CUSTODY_BIN" install --gitea r.git --hook commit-msg 2>&1); rc=$?; set -e
  echo "$out"; [[ $rc -eq 129 ]]
  set +e; out=$("$CUSTODY_BIN" install --gitolite local --hook update 2>&1); rc=$?; set -e
  echo "$out"; [[ $rc -ne 0 ]]; grep -q "gitolite owns the update hook" <<<"$out"
  [[ ! -e local/hooks/common/update ]]
  set +e; out=$("$CUSTODY_BIN" install --repo r.git --gitea r.git 2>&1); rc=$?; set -e
  [[ $rc -eq 129 ]]; grep -q "different modes" <<<"$out"
}

test_gitolite_common_and_repo_specific() {
  mkdir -p local/hooks/common
  printf '#!/bin/sh\n' >local/hooks/common/post-receive; chmod +x local/hooks/common/post-receive
  out=$("$CUSTODY_BIN" install --gitolite local); echo "$out"
  [[ -L local/hooks/common/pre-receive ]]
  grep -q "gitolite setup --hooks-only" <<<"$out"
  out=$("$CUSTODY_BIN" install --gitolite local --repo-specific); echo "$out"
  [[ -L local/hooks/repo-specific/custody-pre-receive ]]
  grep -q "option hook.pre-receive = custody-pre-receive" <<<"$out"
  # gitolite's symlink chain (repo hook -> common hook -> custody) counts as installed.
  bare_repo repos/r.git
  ln -s "$PWD/local/hooks/common/pre-receive" repos/r.git/hooks/pre-receive
  git --git-dir=repos/r.git config receive.advertisePushOptions true
  "$CUSTODY_BIN" doctor --repo repos/r.git
  "$CUSTODY_BIN" uninstall --gitolite local
  [[ ! -e local/hooks/common/pre-receive && -x local/hooks/common/post-receive ]]
}

test_hooks_path_for_developer_machines() {
  git init -q work
  "$CUSTODY_BIN" install --hooks-path "$HOME/.githooks"
  [[ -L $HOME/.githooks/commit-msg ]]
  git -C work config core.hooksPath "$HOME/.githooks"
  cd work
  set +e; git commit -q --allow-empty -m "no trailers" 2>err; rc=$?; set -e
  cat err
  # The default schema has no required trailers: the hook runs and lets the commit through.
  [[ $rc -eq 0 ]]
  cd ..
  "$CUSTODY_BIN" doctor --repo work
  "$CUSTODY_BIN" uninstall --hooks-path "$HOME/.githooks"
  [[ ! -e $HOME/.githooks/commit-msg ]]
}

test_pre_commit_hooks_yaml_entry_runs() {
  yaml="$CUSTODY_SOURCE_DIR/.pre-commit-hooks.yaml"
  grep -q '^- id: custody-trailers' "$yaml"
  grep -q 'stages: \[commit-msg\]' "$yaml"
  entry=$(sed -n 's/^ *entry: *//p' "$yaml")
  [[ $entry == custody-commit-msg ]]
  # pre-commit runs `entry <message file>`: the build tree has the same name beside custody.
  git init -q work && cd work
  printf 'Subject\n\nBody\n' >msg
  PATH="$(dirname "$CUSTODY_BIN"):$PATH" "$entry" msg
}

test_doctor_healthy_bare_repository() {
  make_server
  out=$("$CUSTODY_BIN" doctor --repo server.git); echo "$out"
  grep -q "ok    pre-receive: .*server.git/hooks/pre-receive" <<<"$out"
  grep -q "0 problems" <<<"$out"
}

test_doctor_flags_non_executable_hook_as_fail_open() {
  git init -q --bare s.git
  printf '#!/bin/sh\nexit 1\n' >s.git/hooks/pre-receive   # not executable: git skips it
  set +e; out=$("$CUSTODY_BIN" doctor --repo s.git); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]]
  grep -q "is not executable: git skips it, so pushes are accepted unchecked (fails open)" <<<"$out"
  grep -q "fix: chmod +x" <<<"$out"
  grep -q "no custody pre-receive or update hook" <<<"$out"
  grep -q "receive.advertisePushOptions is not true" <<<"$out"
}

test_doctor_flags_dangling_link_bad_config_and_unwritable_ledger() {
  make_server
  ln -sfn /nonexistent/libexec/custody/pre-receive server.git/hooks/pre-receive
  printf '[refs]\nprotected = 3\n' >server.git/custody.toml
  set +e; out=$("$CUSTODY_BIN" doctor --repo server.git); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]]
  grep -q "is a link to a missing file" <<<"$out"
  grep -q "configuration: .*custody.toml:2" <<<"$out"
  rm server.git/custody.toml
  if [[ $(id -u) -ne 0 ]]; then
    "$CUSTODY_BIN" install --repo server.git --force >/dev/null
    mkdir -p server.git/custody && chmod a-w server.git/custody
    set +e; out=$("$CUSTODY_BIN" doctor --repo server.git); rc=$?; set -e; echo "$out"
    grep -q "is not writable" <<<"$out"
  fi
}

test_doctor_warns_update_only() {
  make_server s.git --hook update
  out=$("$CUSTODY_BIN" doctor --repo s.git); echo "$out"
  grep -q "warn  only the update hook is installed" <<<"$out"
}

test_doctor_gitea_layout_without_wrapper_fails() {
  git init -q --bare g.git
  "$CUSTODY_BIN" install --gitea g.git >/dev/null
  git --git-dir=g.git config receive.advertisePushOptions true
  set +e; out=$("$CUSTODY_BIN" doctor --repo g.git); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]]
  grep -q "is not Gitea's wrapper" <<<"$out"
}

# gitolite 3.6's repo-specific-hooks trigger (src/triggers/repo-specific-hooks) links
# hooks/pre-receive to its multi-hook-driver, which runs every hooks/pre-receive.h/* entry.
test_doctor_follows_gitolites_multi_hook_driver() {
  "$CUSTODY_BIN" install --gitolite local --repo-specific >/dev/null
  mkdir -p gl/hooks
  printf '#!/bin/sh\nfor h in "$0.h"/*; do "$h" || exit 1; done\n' >gl/hooks/multi-hook-driver
  chmod +x gl/hooks/multi-hook-driver
  bare_repo repos/r.git
  ln -s "$PWD/gl/hooks/multi-hook-driver" repos/r.git/hooks/pre-receive
  mkdir repos/r.git/hooks/pre-receive.h
  ln -s "$PWD/local/hooks/repo-specific/custody-pre-receive" repos/r.git/hooks/pre-receive.h/custody-pre-receive
  git --git-dir=repos/r.git config receive.advertisePushOptions true
  out=$("$CUSTODY_BIN" doctor --repo repos/r.git); echo "$out"
  grep -q "ok    pre-receive: .*pre-receive.h/custody-pre-receive .*(run by gitolite's multi-hook-driver)" <<<"$out"
  grep -q "0 problems" <<<"$out"
}

test_doctor_accepts_the_pre_commit_frameworks_commit_msg_hook() {
  git init -q work
  # The first lines of the hook `pre-commit install --hook-type commit-msg` writes (pre-commit 3.x,
  # pre_commit/resources/hook-tmpl).
  printf '#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\n# ID: 138fd403232d2ddd5efb44317e38bf03\nINSTALL_PYTHON=/usr/bin/python3\nARGS=(hook-impl --config=.pre-commit-config.yaml --hook-type=commit-msg)\n' >work/.git/hooks/commit-msg
  chmod +x work/.git/hooks/commit-msg
  set +e; out=$("$CUSTODY_BIN" doctor --repo work); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]]; grep -q "does not list the custody-trailers hook" <<<"$out"
  printf 'repos:\n  - repo: https://git.example.com/tools/custody.git\n    rev: 0123456789abcdef0123456789abcdef01234567\n    hooks:\n      - id: custody-trailers\n' >work/.pre-commit-config.yaml
  out=$("$CUSTODY_BIN" doctor --repo work); echo "$out"
  grep -q "(the pre-commit framework) runs custody-trailers" <<<"$out"
  ! grep -q "no custody commit-msg hook" <<<"$out"
}

test_doctor_as_root_in_another_users_repository_names_the_owner() {
  [[ $(id -u) -eq 0 ]] || return 0   # only root can open another user's repository at all
  id nobody >/dev/null
  bare_repo other.git
  chown -R nobody other.git
  set +e; out=$("$CUSTODY_BIN" doctor --repo other.git); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]]
  grep -q "it is owned by nobody (uid $(id -u nobody)) and doctor runs as uid 0" <<<"$out"
  grep -q "fix: run doctor as the user the git server runs hooks as: sudo -u nobody custody doctor" <<<"$out"
  ! grep -q "safe.directory" <<<"$out"
}

test_doctor_root_lists_every_unguarded_repository() {
  mkdir -p host; make_server host/guarded.git
  git --git-dir=host/guarded.git config receive.advertisePushOptions true
  bare_repo host/org/new.git   # created after the install: no hook
  set +e; out=$("$CUSTODY_BIN" doctor --root host); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]]
  grep -q "NOT GUARDED  host/org/new.git: no custody pre-receive or update hook" <<<"$out"
  ! grep -q "guarded.git:" <<<"$out"
  grep -q "1 of 2 repositories under host are not guarded" <<<"$out"
}
