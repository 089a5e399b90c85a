// git's update hook: decides for one ref (argv: ref old new). All logic lives in lib/hook.
#include "hook/main_wrapper.hpp"
#include "hook/update.hpp"

int main(int argc, char** argv) {
  return custody::hook::run_main_with_libgit2(
      [&](custody::hook::Io& io) { return custody::hook::update_main(argc, argv, io); });
}
