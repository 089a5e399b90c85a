#pragma once
#include "hook/io.hpp"

namespace custody::hook {

// git's pre-receive: reads "<old> <new> <ref>" lines from io.in and decides for the whole push.
int pre_receive_main(Io& io);

} // namespace custody::hook
