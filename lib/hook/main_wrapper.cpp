#include "hook/main_wrapper.hpp"

#include "hook/exit_code.hpp"

#include <array>
#include <exception>
#include <iostream>
#include <unistd.h>

namespace custody::hook {

namespace {

std::string_view refused_name(Refused refused) {
  return refused == Refused::commit ? "commit" : "push";
}

} // namespace

int run_main(const std::function<int(Io&)>& body, Refused refused) {
  std::ios::sync_with_stdio(false);
  std::array<char, 4096> cwd_buffer{};
  std::filesystem::path cwd =
      ::getcwd(cwd_buffer.data(), cwd_buffer.size()) ? cwd_buffer.data() : ".";
  Io io{std::cin, std::cout, std::cerr, util::Environment::from_process(), cwd};
  const std::string_view what = refused_name(refused);
  int code = k_exit_internal_error;
  try {
    code = body(io);
  } catch (const std::exception& e) {
    io.err << "custody: internal error: " << e.what() << "\n"
           << "hint: this is a bug in custody; the " << what
           << " was refused to stay safe. Please report it.\n";
  } catch (...) {
    io.err << "custody: internal error (unknown exception); the " << what
           << " was refused to stay safe.\n";
  }
  io.out.flush();
  io.err.flush();
  return code;
}

} // namespace custody::hook
