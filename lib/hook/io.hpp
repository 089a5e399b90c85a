#pragma once
// What an entry point reads and writes, passed in so tests can run a whole hook or CLI command
// in-process with made-up input, environment and working directory.
#include "util/env.hpp"

#include <filesystem>
#include <iosfwd>

namespace custody::hook {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  util::Environment env;
  std::filesystem::path cwd;
};

} // namespace custody::hook
