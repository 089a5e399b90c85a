# Every dependency comes from a Debian 12 package (install/deps.sh).
#
# They are linked statically: a hook runs on every push and every commit, and with 23 shared
# libraries the dynamic loader took 70% of a hook's start-up instructions (docs/benchmarks.md).
# Only glibc stays shared. The custody::* targets below are what our targets link.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED libgit2)
pkg_check_modules(PCRE2 REQUIRED libpcre2-8)
find_package(fmt REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
set(OPENSSL_USE_STATIC_LIBS TRUE)
find_package(OpenSSL 3 REQUIRED)
find_package(Threads REQUIRED)

# custody_static_library(TARGET NAME...): an imported target over lib<NAME>.a for each NAME, in
# the order given (the order a static link needs: users before what they use).
function(custody_static_library target)
  set(paths "")
  foreach(name ${ARGN})
    find_library(custody_lib_${name} NAMES lib${name}.a REQUIRED)
    list(APPEND paths "${custody_lib_${name}}")
  endforeach()
  add_library(${target} INTERFACE IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${paths}")
endfunction()

# libgit2 and what Debian built it with (pkg-config --static --libs libgit2, plus libssh2's
# libcrypto). Its SPNEGO (GSSAPI) HTTP authentication has no static library: see
# lib/git/library.cpp.
custody_static_library(custody_git2_archives git2 mbedtls mbedx509 mbedcrypto http_parser ssh2)
custody_static_library(custody_pcre2_archive pcre2-8)
custody_static_library(custody_zlib_archive z)
# libarchive reads the zip, jar, gzip and tar blobs secret scanning looks inside
# (lib/secrets/archive_scan.cpp). Only the readers custody registers are linked from the archive;
# the zip reader's decompressors and decryption need nettle, lzma, bzip2, zstd and zlib, all static
# (zlib listed here too: libgit2's link names it earlier, and a static link needs it after libarchive).
custody_static_library(custody_archive_archives archive nettle lzma bz2 zstd z)
add_library(custody::archive INTERFACE IMPORTED GLOBAL)
target_link_libraries(custody::archive INTERFACE custody_archive_archives custody_zlib_archive)
add_library(custody::pcre2 INTERFACE IMPORTED GLOBAL)
target_link_libraries(custody::pcre2 INTERFACE custody_pcre2_archive)
target_compile_definitions(custody::pcre2 INTERFACE PCRE2_CODE_UNIT_WIDTH=8 PCRE2_STATIC)
add_library(custody::crypto INTERFACE IMPORTED GLOBAL)
target_link_libraries(custody::crypto INTERFACE OpenSSL::Crypto ${CMAKE_DL_LIBS} Threads::Threads)
add_library(custody::git2 INTERFACE IMPORTED GLOBAL)
target_link_libraries(custody::git2 INTERFACE custody_git2_archives custody::crypto custody::pcre2
  custody_zlib_archive rt)
# custody never opens a network connection: git_libgit2_init() skips initialising TLS and SSH,
# whose start-up cost dominated a hook's (the wrappers are in lib/git/library.cpp).
target_link_options(custody::git2 INTERFACE
  "LINKER:--wrap=git_mbedtls_stream_global_init,--wrap=git_mbedtls_stream_new"
  "LINKER:--wrap=git_mbedtls_stream_wrap,--wrap=git_mbedtls__set_cert_location,--wrap=libssh2_init")

# fmt's compiled part is built into custody_core (lib/util/fmt_compiled.cpp), so only its headers
# are used here; the header-only mode would double every file's compile time.
add_library(custody::fmt INTERFACE IMPORTED GLOBAL)
get_target_property(fmt_include_dirs fmt::fmt INTERFACE_INCLUDE_DIRECTORIES)
set_target_properties(custody::fmt PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${fmt_include_dirs}")

# toml++ in header-only mode (it is included by three files of lib/config/).
add_library(custody::toml INTERFACE IMPORTED GLOBAL)
get_target_property(toml_include_dirs tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)
set_target_properties(custody::toml PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${toml_include_dirs}")
target_compile_definitions(custody::toml INTERFACE TOML_HEADER_ONLY=1)
