#pragma once
// run_main: the one place exceptions are caught. It builds the process Io, initialises libgit2,
// runs `body`, and turns any escaped exception (a bug) into a one-line refusal: fail closed.
#include "hook/io.hpp"

#include <functional>

namespace custody::hook {

int run_main(const std::function<int(Io&)>& body);

} // namespace custody::hook
