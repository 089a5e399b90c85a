#pragma once
// Running a helper program (ssh-keygen) without a shell: argv as given, found on PATH, stdin from
// a file, stdout captured, stderr discarded. No pushed text ever reaches an argument.
#include <optional>
#include <string>
#include <vector>

namespace custody::util {

struct ProcessOutput {
  int exit_code = -1; // -1: killed by a signal
  std::string out;
};

// nullopt when the program could not be started.
std::optional<ProcessOutput> run_process(const std::vector<std::string>& argv,
                                         const std::string& stdin_path = "/dev/null");

} // namespace custody::util
