#include "cli/command.hpp"
#include "hook/exit_code.hpp"

#include <fmt/format.h>
#include <git2.h>

#include <ostream>

namespace custody::cli {

int cmd_version(const Args&, hook::Io& io) {
  int major = 0, minor = 0, rev = 0;
  git_libgit2_version(&major, &minor, &rev);
  io.out << fmt::format("custody {} (libgit2 {}.{}.{}, fmt {})\n", CUSTODY_VERSION, major, minor,
                        rev, FMT_VERSION);
  return hook::k_exit_ok;
}

} // namespace custody::cli
