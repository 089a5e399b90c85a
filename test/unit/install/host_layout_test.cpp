// Where each host's custom hooks go, and which directories count as repositories.
#include "install/hook_installer.hpp"
#include "install/host_layout.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace custody::install {
namespace {

namespace fs = std::filesystem;

void make_bare(const fs::path& dir) {
  fs::create_directories(dir / "objects");
  fs::create_directories(dir / "refs");
  std::ofstream(dir / "HEAD") << "ref: refs/heads/main\n";
}

TEST(HookTargetTest, EachHostHasItsOwnPlace) {
  const fs::path r = "/srv/r.git";
  auto gitea = hook_target(Host::gitea, r, "pre-receive");
  EXPECT_EQ(gitea.dir, r / "hooks" / "pre-receive.d");
  EXPECT_EQ(gitea.name, "custody");
  auto gitlab = hook_target(Host::gitlab, r, "update");
  EXPECT_EQ(gitlab.dir, r / "custom_hooks" / "update.d");
  auto global = hook_target(Host::gitlab_global, "/hooks", "pre-receive");
  EXPECT_EQ(global.dir, fs::path("/hooks/pre-receive.d"));
  auto gitolite = hook_target(Host::gitolite, "/local", "pre-receive");
  EXPECT_EQ(gitolite.dir / gitolite.name, fs::path("/local/hooks/common/pre-receive"));
  auto specific = hook_target(Host::gitolite_repo_specific, "/local", "pre-receive");
  EXPECT_EQ(specific.dir / specific.name,
            fs::path("/local/hooks/repo-specific/custody-pre-receive"));
}

TEST(FindBareRepositoriesTest, FindsNestedAndHashedSkipsPoolsAndWorkTrees) {
  test::TempDir tmp;
  const fs::path root = tmp.path();
  make_bare(root / "owner" / "a.git");
  make_bare(root / "@hashed" / "6b" / "86" / "6b86.git");
  make_bare(root / "@pools" / "aa" / "pool.git");
  make_bare(root / "+gitaly" / "tmp" / "x.git");
  make_bare(root / "owner" / "a.git" / "nested.git"); // inside a repository: not searched
  fs::create_directories(root / "work" / ".git");
  auto found = find_bare_repositories(root);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], root / "@hashed" / "6b" / "86" / "6b86.git");
  EXPECT_EQ(found[1], root / "owner" / "a.git");
  EXPECT_EQ(find_bare_repositories(root / "owner" / "a.git"),
            std::vector<fs::path>{root / "owner" / "a.git"});
}

TEST(IsCustodyHookTest, AcceptsChainedNamesRejectsForeignLinks) {
  test::TempDir tmp;
  const fs::path libexec = tmp.path() / "libexec" / "custody";
  fs::create_directories(libexec);
  std::ofstream(libexec / "pre-receive") << "";
  fs::create_directories(tmp.path() / "d");
  fs::create_symlink(libexec / "pre-receive", tmp.path() / "d" / "custody");
  fs::create_symlink(tmp.path() / "elsewhere" / "pre-receive", tmp.path() / "d" / "other");
  EXPECT_TRUE(is_custody_hook(tmp.path() / "d" / "custody"));
  EXPECT_FALSE(is_custody_hook(tmp.path() / "d" / "other"));
}

} // namespace
} // namespace custody::install
