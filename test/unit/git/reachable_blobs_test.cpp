// reachable_blobs(): every blob of every tree in a history, once, under the first commit (parents
// first) that holds it, with its path; revision resolution for the CLI.
#include "git/reachable_blobs.hpp"
#include "git/revision.hpp"
#include "support/git_sandbox.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace custody;

TEST(ReachableBlobs, EachBlobOnceUnderTheFirstCommitAndItsPath) {
  test::GitSandbox sandbox;
  sandbox.write_file("a.txt", "one\n");
  sandbox.write_file("dir/sub/b.txt", "two\n");
  sandbox.write_file("dir/copy.txt", "one\n"); // same blob as a.txt
  sandbox.run("git add -A && git commit -qm first");
  const std::string first = sandbox.run("git rev-parse HEAD");
  sandbox.write_file("dir/sub/b.txt", "two, edited\n");
  sandbox.run("git commit -qam second");
  sandbox.run("git rm -q a.txt dir/copy.txt && git commit -qm third");
  const std::string third = sandbox.run("git rev-parse HEAD");

  auto repo = git::Repo::open(sandbox.path());
  ASSERT_TRUE(repo.ok());
  auto blobs = git::reachable_blobs(*repo, {third});
  ASSERT_TRUE(blobs.ok()) << blobs.error().message;
  std::map<std::string, git::TreeBlob> by_id;
  for (const auto& b : *blobs)
    EXPECT_TRUE(by_id.emplace(b.id, b).second) << "blob listed twice: " << b.id;
  EXPECT_EQ(by_id.size(), 3u); // "one", "two", "two, edited": deleted content is still history
  const std::string one = sandbox.run("git rev-parse " + first + ":a.txt");
  ASSERT_TRUE(by_id.count(one));
  EXPECT_EQ(by_id[one].commit, first);
  EXPECT_TRUE(by_id[one].path == "a.txt" || by_id[one].path == "dir/copy.txt");
  const std::string two = sandbox.run("git rev-parse " + first + ":dir/sub/b.txt");
  EXPECT_EQ(by_id[two].path, "dir/sub/b.txt");
}

TEST(ReachableBlobs, NoTipsNoBlobs) {
  test::GitSandbox sandbox;
  sandbox.commit("f", "msg");
  auto repo = git::Repo::open(sandbox.path());
  ASSERT_TRUE(repo.ok());
  auto blobs = git::reachable_blobs(*repo, {});
  ASSERT_TRUE(blobs.ok());
  EXPECT_TRUE(blobs->empty());
}

TEST(Revision, ResolvesNamesAndPeelsTags) {
  test::GitSandbox sandbox;
  const std::string c1 = sandbox.commit("f", "one");
  const std::string c2 = sandbox.commit("f", "two");
  sandbox.run("git tag -a v1 -m v1 " + c1);
  auto repo = git::Repo::open(sandbox.path());
  ASSERT_TRUE(repo.ok());
  EXPECT_EQ(*git::resolve_commit(*repo, "HEAD"), c2);
  EXPECT_EQ(*git::resolve_commit(*repo, "HEAD~1"), c1);
  EXPECT_EQ(*git::resolve_commit(*repo, "v1"), c1);
  EXPECT_EQ(*git::resolve_commit(*repo, c2.substr(0, 10)), c2);
  auto missing = git::resolve_commit(*repo, "no-such-branch");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no-such-branch"), std::string::npos);
}
