// Initialises libgit2 once for the whole unit-test binary, as hook::run_main_with_libgit2 does
// for the executables.
#include "git/library.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace custody {
namespace {

class Libgit2Environment : public ::testing::Environment {
public:
  void SetUp() override { m_library.emplace(); }
  void TearDown() override { m_library.reset(); }

private:
  std::optional<git::Library> m_library;
};

[[maybe_unused]] auto* const k_environment =
    ::testing::AddGlobalTestEnvironment(new Libgit2Environment);

} // namespace
} // namespace custody
