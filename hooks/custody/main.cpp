// The admin CLI: everything lives in lib/cli.
#include "cli/command.hpp"
#include "hook/main_wrapper.hpp"

int main(int argc, char** argv) {
  return custody::hook::run_main_with_libgit2(
      [&](custody::hook::Io& io) { return custody::cli::custody_main(argc, argv, io); });
}
