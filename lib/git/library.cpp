#include "git/library.hpp"

#include <git2.h>

#include <cstdint>

namespace custody::git {

Library::Library() {
  git_libgit2_init();
  // libgit2 re-hashes every object it reads to check its id; git does not (objects are checked
  // once, when they are received: index-pack/unpack-objects before any hook runs). The re-hash
  // was 17% of a 1-commit push's instructions and a large share of `custody scan --all`.
  git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}
Library::~Library() {
  git_libgit2_shutdown();
}

} // namespace custody::git

// custody links libgit2 statically (cmake/Dependencies.cmake) and only ever reads local object
// databases: it never opens a network connection. The definitions below stand in for the parts
// of libgit2's network stack that would otherwise cost start-up time or a shared library. They
// live in this file because every program that uses libgit2 links it, so the linker has them
// before it reaches libgit2.a.
extern "C" {

// git_libgit2_init() initialises libgit2's TLS stream (seeding mbedTLS's random generator and
// parsing the whole system CA bundle) and libssh2 (which initialises OpenSSL and registers its
// exit handler): 2.4M instructions at start and 0.7M at exit of an 11.1M pre-receive run
// (callgrind). The link wraps those calls (--wrap=..., cmake/Dependencies.cmake) into these.
// Should a TLS stream ever be asked for, it fails with a clear error; libssh2 initialises
// itself when a session is first made.
int __wrap_git_mbedtls_stream_global_init() {
  return 0;
}

static int no_tls() {
  git_error_set_str(GIT_ERROR_SSL, "custody reads local repositories only; TLS is not built in");
  return -1;
}
int __wrap_git_mbedtls_stream_new(void** /*out*/, const char* /*host*/, const char* /*port*/) {
  return no_tls();
}
int __wrap_git_mbedtls_stream_wrap(void** /*out*/, void* /*in*/, const char* /*host*/) {
  return no_tls();
}
int __wrap_git_mbedtls__set_cert_location(const char* /*file*/, const char* /*path*/) {
  return no_tls();
}

int __wrap_libssh2_init(int /*flags*/) {
  return 0;
}

// libgit2's HTTP "Negotiate" (Kerberos) authentication calls GSSAPI, which Debian ships only as
// a shared library pulling in six more. This GSSAPI has no mechanism: gss_indicate_mechs fails,
// so libgit2 never offers Negotiate; the rest is never reached and fails if it were.
using gss_status = std::uint32_t;
constexpr gss_status k_gss_complete = 0;
constexpr gss_status k_gss_failure = 13u << 16; // GSS_S_FAILURE

void* GSS_C_NT_HOSTBASED_SERVICE = nullptr;

static gss_status gss_fail(gss_status* minor) {
  *minor = 0;
  return k_gss_failure;
}
gss_status gss_indicate_mechs(gss_status* minor, void** /*mechs*/) {
  return gss_fail(minor);
}
gss_status gss_import_name(gss_status* minor, void*, void*, void**) {
  return gss_fail(minor);
}
gss_status gss_init_sec_context(gss_status* minor, void*, void**, void*, void*, gss_status,
                                gss_status, void*, void*, void**, void*, gss_status*, gss_status*) {
  return gss_fail(minor);
}
gss_status gss_display_status(gss_status* minor, gss_status, int, void*, gss_status*, void*) {
  return gss_fail(minor);
}
gss_status gss_release_buffer(gss_status* minor, void*) {
  *minor = 0;
  return k_gss_complete;
}
gss_status gss_release_name(gss_status* minor, void*) {
  *minor = 0;
  return k_gss_complete;
}
gss_status gss_release_oid_set(gss_status* minor, void*) {
  *minor = 0;
  return k_gss_complete;
}
gss_status gss_delete_sec_context(gss_status* minor, void*, void*) {
  *minor = 0;
  return k_gss_complete;
}

} // extern "C"
