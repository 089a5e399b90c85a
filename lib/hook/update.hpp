#pragma once
#include "hook/io.hpp"

namespace custody::hook {

// git's update hook: argv is <ref> <old> <new>; decides for that one ref.
int update_main(int argc, char** argv, Io& io);

} // namespace custody::hook
