#pragma once
// The one entry-point helper of every executable, and the one place exceptions are caught: it
// builds the process Io, runs `body`, and turns any escaped exception (a bug) into a one-line
// refusal of what the executable decides on (fail closed).
//
// run_main does not touch libgit2, so commit-msg (which never reads a repository's objects)
// does not link or initialise it; run_main_with_libgit2 holds libgit2 for the whole run, for
// the executables that read repositories (pre-receive, update, the admin CLI).
#include "git/library.hpp"
#include "hook/io.hpp"

#include <functional>

namespace custody::hook {

// What an escaped exception refuses, as the refusal names it.
enum class Refused { push, commit };

int run_main(const std::function<int(Io&)>& body, Refused refused = Refused::push);

inline int run_main_with_libgit2(const std::function<int(Io&)>& body) {
  git::Library libgit2;
  return run_main(body, Refused::push);
}

} // namespace custody::hook
