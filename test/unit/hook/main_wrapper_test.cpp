// hook::run_main: the one entry-point helper; an escaped exception is a bug, reported in one
// line, and what the executable decides on is refused (fail closed).
#include "hook/exit_code.hpp"
#include "hook/main_wrapper.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <sstream>
#include <stdexcept>

using namespace custody;

namespace {

// Runs `body` under run_main with std::cerr captured.
std::string stderr_of(const std::function<int(hook::Io&)>& body, hook::Refused refused, int& code) {
  // run_main unsyncs the standard streams, which (the first time) gives std::cerr a new buffer:
  // do it before capturing.
  std::ios::sync_with_stdio(false);
  std::ostringstream captured;
  std::streambuf* saved = std::cerr.rdbuf(captured.rdbuf());
  code = hook::run_main(body, refused);
  std::cerr.rdbuf(saved);
  return captured.str();
}

} // namespace

TEST(MainWrapperTest, ReturnsTheBodysCode) {
  int code = -1;
  EXPECT_EQ(stderr_of([](hook::Io&) { return 0; }, hook::Refused::push, code), "");
  EXPECT_EQ(code, 0);
}

TEST(MainWrapperTest, AnEscapedExceptionRefusesThePushOrTheCommit) {
  int code = -1;
  auto body = [](hook::Io&) -> int { throw std::runtime_error("boom"); };
  EXPECT_EQ(stderr_of(body, hook::Refused::push, code),
            "custody: internal error: boom\n"
            "hint: this is a bug in custody; the push was refused to stay safe. Please report "
            "it.\n");
  EXPECT_EQ(code, hook::k_exit_internal_error);
  EXPECT_EQ(stderr_of([](hook::Io&) -> int { throw 7; }, hook::Refused::commit, code),
            "custody: internal error (unknown exception); the commit was refused to stay "
            "safe.\n");
  EXPECT_EQ(code, hook::k_exit_internal_error);
}
