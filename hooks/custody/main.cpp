// The admin CLI: everything lives in lib/cli.
#include "cli/command.hpp"
#include "hook/main_wrapper.hpp"

int main(int argc, char** argv) {
  return custody::hook::run_main(
      [&](custody::hook::Io& io) { return custody::cli::custody_main(argc, argv, io); });
}
