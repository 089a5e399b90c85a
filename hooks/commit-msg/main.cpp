// git's commit-msg hook (developer side): argv[1] is the message file. Logic lives in lib/hook.
// It runs on every commit, so it starts without libgit2 (hook::run_main, hook/main_wrapper.hpp).
#include "hook/commit_msg.hpp"
#include "hook/main_wrapper.hpp"

int main(int argc, char** argv) {
  return custody::hook::run_main(
      [&](custody::hook::Io& io) { return custody::hook::commit_msg_main(argc, argv, io); },
      custody::hook::Refused::commit);
}
