// Initialises libgit2 once for the whole unit-test binary, as hook::run_main does for the
// executables.
#include <git2.h>
#include <gtest/gtest.h>

namespace {

class Libgit2Environment : public ::testing::Environment {
public:
  void SetUp() override { git_libgit2_init(); }
  void TearDown() override { git_libgit2_shutdown(); }
};

[[maybe_unused]] auto* const k_environment =
    ::testing::AddGlobalTestEnvironment(new Libgit2Environment);

} // namespace
