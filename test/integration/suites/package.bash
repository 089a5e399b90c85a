# The Debian package: CPack builds custody_*.deb from the build tree under test, the test unpacks
# it with dpkg-deb -x into a scratch root (never into the real system) and uses that root's
# custody: install, push through the packaged hook, and `custody doctor` against the repository.

build_dir() { dirname "$(dirname "$CUSTODY_BIN")"; }

probe() {
  command -v dpkg-deb >/dev/null || { echo "dpkg-deb is missing (dpkg)"; return 1; }
  command -v cpack >/dev/null || { echo "cpack is missing (cmake)"; return 1; }
  command -v dpkg-shlibdeps >/dev/null || { echo "dpkg-shlibdeps is missing (dpkg-dev)"; return 1; }
  [[ -f $(build_dir)/CPackConfig.cmake ]] || { echo "no CPackConfig.cmake in $(build_dir)"; return 1; }
}

make_deb() {
  cpack -G DEB -B "$PWD/pkg" --config "$(build_dir)/CPackConfig.cmake" >cpack.log 2>&1 || { cat cpack.log; return 1; }
  DEB=$(echo "$PWD"/pkg/custody_*.deb)
  [[ -f $DEB ]]
  dpkg-deb -x "$DEB" root
}

test_deb_layout_and_control() {
  make_deb
  for f in usr/bin/custody usr/libexec/custody/pre-receive usr/libexec/custody/update usr/libexec/custody/post-receive \
    usr/libexec/custody/commit-msg; do
    [[ -x root/$f ]] || fail "missing executable /$f"
  done
  [[ -L root/usr/bin/custody-commit-msg && -x root/usr/bin/custody-commit-msg ]]
  [[ -f root/etc/custody/custody.toml ]]
  [[ -f root/usr/share/doc/custody/hosts/gitea.md ]]
  [[ -f root/usr/share/doc/custody/soc2.md ]]
  zcat root/usr/share/man/man1/custody.1.gz | grep >/dev/null '^\.TH CUSTODY 1'
  [[ $(dpkg-deb -f "$DEB" Package) == custody ]]
  # Libraries are linked statically (cmake/Dependencies.cmake): none is a package dependency or
  # loaded at run time. (libstdc++ too, except in sanitizer builds, whose runtimes need it shared.)
  local linked='libgit2|libfmt|libtomlplusplus|libssl|libcrypto|libssh2|libmbed|libpcre2|libhttp.parser|libz[.]so|libgssapi'
  dpkg-deb -f "$DEB" Depends | grep >/dev/null 'libc6'
  if dpkg-deb -f "$DEB" Depends | grep -Eq "$linked"; then
    fail "a statically linked library is listed as a dependency: $(dpkg-deb -f "$DEB" Depends)"
  fi
  for f in usr/bin/custody usr/libexec/custody/pre-receive usr/libexec/custody/commit-msg; do
    if ldd "root/$f" | grep -E "$linked"; then
      fail "/$f loads a library it should have linked statically"
    fi
  done
  dpkg-deb -f "$DEB" Depends | grep >/dev/null '^git '
  dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./conffiles | grep -x >/dev/null /etc/custody/custody.toml
  # The packaged configuration is valid as it ships.
  root/usr/bin/custody config check root/etc/custody/custody.toml
}

test_packaged_custody_installs_guards_and_doctors() {
  make_deb
  export CUSTODY_SYSTEM_CONFIG="$PWD/root/etc/custody/custody.toml"
  git init -q --bare server.git
  root/usr/bin/custody install --repo server.git
  [[ $(readlink server.git/hooks/pre-receive) == "$PWD/root/usr/libexec/custody/pre-receive" ]]
  out=$(root/usr/bin/custody doctor --repo server.git); echo "$out"
  grep -q "0 problems" <<<"$out"
  grep -q "configuration is valid (.*root/etc/custody/custody.toml" <<<"$out"
  make_client server.git client
  cd client
  commit_file a.txt a
  push_out=$(REMOTE_USER=claude-bot git push origin main 2>&1 || true); echo "$push_out"
  grep -q "claude-bot is an agent/bot account" <<<"$push_out"
  cd ..
  chmod -x root/usr/libexec/custody/pre-receive
  set +e; out=$(root/usr/bin/custody doctor --repo server.git); rc=$?; set -e; echo "$out"
  [[ $rc -eq 1 ]]
  grep -q "fails open" <<<"$out"
}
