#pragma once
// run_plain_main: run_main (main_wrapper.hpp) for executables that never touch a repository's
// objects, i.e. commit-msg: the same Io, the same single catch of escaped exceptions (fail
// closed), but no libgit2 initialisation, so the executable does not load libgit2 at all.
#include "hook/io.hpp"

#include <functional>

namespace custody::hook {

int run_plain_main(const std::function<int(Io&)>& body);

} // namespace custody::hook
