// read_matching_refs(): the refs matching some patterns, read from loose files and packed-refs,
// must be exactly what `git for-each-ref` lists for the same patterns.
#include "git/ref_files.hpp"
#include "git/repo.hpp"
#include "support/git_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace custody;
using custody::test::sh;

namespace {

std::vector<util::Glob> globs(std::initializer_list<const char*> patterns) {
  std::vector<util::Glob> out;
  for (const char* p : patterns)
    out.push_back(*util::Glob::compile(p, util::GlobSyntax::path));
  return out;
}

std::string listed(const std::filesystem::path& git_dir, const std::vector<util::Glob>& patterns) {
  auto refs = git::read_matching_refs(git_dir, patterns);
  EXPECT_TRUE(refs.ok()) << refs.error().message;
  std::string out;
  if (refs)
    for (const auto& r : *refs)
      out += r.target + " " + r.name + "\n";
  return out;
}

// git's own answer: every direct ref, filtered with the same patterns.
std::string by_git(const std::filesystem::path& git_dir, const std::vector<util::Glob>& patterns) {
  std::istringstream all(sh("git --git-dir=" + git_dir.string() +
                            " for-each-ref --format=\"%(objectname) %(refname) %(symref)\""));
  std::string out, id, name, line;
  while (std::getline(all, line)) {
    std::istringstream fields(line);
    std::string symref;
    fields >> id >> name >> symref;
    if (symref.empty() && util::matches_any(patterns, name))
      out += id + " " + name + "\n";
  }
  return out;
}

class RefFilesTest : public ::testing::Test {
protected:
  RefFilesTest() : work(dir.path() / "w") {
    first = work.commit("a.txt", "1");
    second = work.commit("a.txt", "2");
  }
  test::TempDir dir;
  test::WorkRepo work;
  std::string first, second;
};

} // namespace

TEST_F(RefFilesTest, MatchesGitForLooseAndPackedRefs) {
  work.git("branch release/1 " + first);
  work.git("branch release/2");
  work.git("branch feature/x " + first);
  work.git("tag v1 " + first);
  work.git("tag -a -m annotated v2");
  work.git("pack-refs --all");
  // After packing: a loose value that overrides a packed one, and new loose refs.
  work.git("branch -f release/1 " + second);
  work.git("branch release/3 " + first);
  work.git("tag v3");
  work.git("symbolic-ref refs/heads/alias refs/heads/main");
  for (const auto& patterns :
       {globs({"refs/heads/main", "refs/heads/master", "refs/heads/release/*", "refs/tags/*"}),
        globs({"refs/heads/rel*"}), globs({"refs/**"}), globs({"refs/heads/alias"}),
        globs({"refs/heads/*/x"}), globs({"refs/nothing/*"})}) {
    EXPECT_EQ(listed(work.git_dir(), patterns), by_git(work.git_dir(), patterns))
        << patterns.front().pattern();
  }
  EXPECT_NE(listed(work.git_dir(), globs({"refs/heads/release/*"}))
                .find(second + " refs/heads/release/1"),
            std::string::npos);
}

TEST_F(RefFilesTest, ReadsOnlyUnderThePatternsPrefixes) {
  // A damaged loose ref outside the patterns' directories is never opened.
  std::filesystem::create_directories(work.git_dir() / "refs/heads/other");
  std::ofstream(work.git_dir() / "refs/heads/other/bad") << "garbage\n";
  EXPECT_EQ(listed(work.git_dir(), globs({"refs/heads/main", "refs/tags/*"})),
            second + " refs/heads/main\n");
}

TEST_F(RefFilesTest, DamagedRefsAreErrors) {
  std::ofstream(work.git_dir() / "refs/heads/main") << "garbage\n";
  auto loose = git::read_matching_refs(work.git_dir(), globs({"refs/heads/main"}));
  ASSERT_FALSE(loose.ok());
  EXPECT_NE(loose.error().message.find("refs/heads/main"), std::string::npos);

  std::ofstream(work.git_dir() / "refs/heads/main") << second << "\n";
  // Only the records a lookup reaches are checked, as in git.
  std::ofstream(work.git_dir() / "packed-refs")
      << "# pack-refs with: peeled sorted\nnot-an-id refs/heads/release/1\n";
  EXPECT_TRUE(git::read_matching_refs(work.git_dir(), globs({"refs/heads/main"})).ok());
  auto packed = git::read_matching_refs(work.git_dir(), globs({"refs/heads/release/*"}));
  ASSERT_FALSE(packed.ok());
  EXPECT_NE(packed.error().message.find("packed-refs"), std::string::npos);
}

TEST_F(RefFilesTest, LockFilesAndMissingDirectoriesAreIgnored) {
  std::ofstream(work.git_dir() / "refs/heads/main.lock") << first << "\n";
  EXPECT_EQ(listed(work.git_dir(), globs({"refs/heads/*"})), second + " refs/heads/main\n");
  EXPECT_EQ(listed(work.git_dir(), globs({"refs/heads/release/*", "refs/tags/*"})), "");
}

TEST_F(RefFilesTest, BinarySearchOfASortedPackedRefsFileFindsEveryMatch) {
  // Many refs on both sides of the protected names, all packed: the sorted-file search must
  // land on each range exactly, whatever the record lengths and peeled lines around it.
  std::string commands;
  for (int i = 0; i < 400; ++i)
    commands += "create refs/heads/branch/" + std::to_string(i) + " " + first + "\n";
  for (int i = 0; i < 50; ++i)
    commands += "create refs/heads/release/" + std::to_string(i * 7) + " " + second + "\n";
  for (int i = 0; i < 60; ++i)
    commands += "create refs/z/" + std::to_string(i) + " " + first + "\n";
  std::ofstream(dir.path() / "updates") << commands;
  work.git("update-ref --stdin < " + (dir.path() / "updates").string());
  for (int i = 0; i < 30; ++i)
    work.git("tag -a -m t" + std::to_string(i) + " t" + std::to_string(i) + " " + first);
  work.git("pack-refs --all");
  ASSERT_NE(test::slurp(work.git_dir() / "packed-refs").find(" sorted"), std::string::npos);
  for (const auto& patterns :
       {globs({"refs/heads/main", "refs/heads/release/*", "refs/tags/*"}), globs({"refs/a*"}),
        globs({"refs/heads/branch/39*"}), globs({"refs/z/59"}), globs({"refs/zz/*"}),
        globs({"refs/heads/release/1*", "refs/heads/release/*"}), globs({"refs/**"})}) {
    EXPECT_EQ(listed(work.git_dir(), patterns), by_git(work.git_dir(), patterns))
        << patterns.front().pattern();
  }
}

TEST_F(RefFilesTest, UnsortedPackedRefsAreScannedWhole) {
  // A packed-refs file without the "sorted" trait (older git, other tools) is read line by line.
  std::ofstream(work.git_dir() / "packed-refs") << "# pack-refs with: peeled\n"
                                                << second << " refs/tags/z\n"
                                                << first << " refs/heads/release/2\n"
                                                << "^" << first << "\n"
                                                << second << " refs/heads/release/1\n";
  EXPECT_EQ(listed(work.git_dir(), globs({"refs/heads/release/*", "refs/tags/*"})),
            second + " refs/heads/release/1\n" + first + " refs/heads/release/2\n" + second +
                " refs/tags/z\n");
}

TEST_F(RefFilesTest, RepoForEachRefListsEveryDirectRefGitLists) {
  work.git("branch release/1 " + first);
  work.git("tag -a -m annotated v1");
  work.git("pack-refs --all");
  work.git("branch feature/x " + first);
  work.git("update-ref refs/custom/thing " + second);
  work.git("symbolic-ref refs/heads/alias refs/heads/main");
  auto repo = git::Repo::open(work.dir());
  ASSERT_TRUE(repo.ok());
  std::string out;
  ASSERT_TRUE(repo->for_each_ref([&](const std::string& name, const std::string& target) {
    out += target + " " + name + "\n";
  }));
  EXPECT_EQ(out, by_git(work.git_dir(), globs({"refs/**"})));
}
