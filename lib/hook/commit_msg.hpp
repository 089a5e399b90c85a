#pragma once
// The commit-msg hook (developer side): argv[1] is the message file git wrote. Judges the
// message git will store (after its cleanup) with the trailer schema: errors refuse the commit
// (exit 1) with paste-able fixes; what only the server will require is a warning (exit 0).
// Client-side checks are advisory (`--no-verify` skips them); the push hooks check again.
#include "hook/io.hpp"

namespace custody::hook {

int commit_msg_main(int argc, char** argv, Io& io);

} // namespace custody::hook
