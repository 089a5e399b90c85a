# The Debian package: `cpack -G DEB` in a build directory writes custody_<version>_<arch>.deb,
# installable with `apt install ./custody_*.deb` on Debian 12. Layout:
#   /usr/bin/custody, /usr/bin/custody-commit-msg      the admin CLI; the pre-commit entry point
#   /usr/libexec/custody/{pre-receive,update,commit-msg} the hooks `custody install` links to
#   /etc/custody/custody.toml                          the site configuration (a conffile)
#   /usr/share/doc/custody/, /usr/share/man/man1/custody.1.gz
#
# /etc/custody/custody.toml belongs to the `conffile` component, which a plain `cmake --install`
# leaves out (EXCLUDE_FROM_ALL): installing from source must never overwrite a site's
# configuration. CPack packages it because CPACK_COMPONENTS_ALL names it.

# The man page, compressed as Debian policy wants.
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(custody_man "${CMAKE_BINARY_DIR}/man/custody.1.gz")
add_custom_command(OUTPUT "${custody_man}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man"
  COMMAND ${GZIP_EXECUTABLE} -9nc "${PROJECT_SOURCE_DIR}/docs/man/custody.1" > "${custody_man}"
  DEPENDS "${PROJECT_SOURCE_DIR}/docs/man/custody.1"
  COMMENT "Compressing the custody(1) man page")
add_custom_target(custody_man ALL DEPENDS "${custody_man}")
install(FILES "${custody_man}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES "${PROJECT_SOURCE_DIR}/config/custody.toml" DESTINATION /etc/custody
  COMPONENT conffile EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "custody")
set(CPACK_PACKAGE_VENDOR "custody")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "custody maintainers <custody@example.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# Absolute destinations (/etc/custody) land in the staging directory, never on the build host;
# with DESTDIR staging the prefix comes from CPACK_INSTALL_PREFIX.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL Unspecified conffile)
# One package holding every component (a component install is what brings in `conffile`).
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "vcs")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "git (>= 1:2.30)")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "lighttpd | nginx, openssh-server, gitolite3, gpg")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "custody guards the git server every change passes through: pre-receive and
update hooks refuse force pushes, deletions and agent pushes on protected refs, check commit
trailers and scan for secrets, and append every decision to a hash-chained ledger. It installs
into plain bare repositories, Gitea/Forgejo, GitLab (Gitaly custom hooks), gitolite,
core.hooksPath and the pre-commit framework; custody check --since-last enforces policy on
mirrors.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/install/debian/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
