#pragma once
// The admin CLI's command table (libgit2's cli/cmd.h): one entry per subcommand, one file per
// command (cli/cmd_*.cpp). `custody help` and the did-you-mean for typos come from the table.
#include "hook/io.hpp"

#include <string>
#include <vector>

namespace custody::cli {

using Args = std::vector<std::string>; // the arguments after the command name

struct Command {
  const char* name;
  int (*run)(const Args& args, hook::Io& io);
  const char* summary;
};

const std::vector<Command>& commands();

// Entry point of the `custody` executable.
int custody_main(int argc, char** argv, hook::Io& io);

} // namespace custody::cli
