#include "git/repo.hpp"
#include "refs/classify.hpp"
#include "support/git_fixture.hpp"

#include <gtest/gtest.h>

using namespace custody;

class ClassifyTest : public ::testing::Test {
protected:
  void SetUp() override {
    work.git("tag -a v1 -m release " + child);
    tag_object = work.git("rev-parse v1");
    auto opened = git::Repo::open(work.dir());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    repo.emplace(std::move(opened.value()));
  }
  refs::UpdateKind kind(const std::string& old_oid, const std::string& new_oid,
                        const std::string& ref) {
    auto k = refs::classify(*repo, {old_oid, new_oid, ref});
    EXPECT_TRUE(k.ok()) << k.error().message;
    return k.ok() ? *k : refs::UpdateKind::unchanged;
  }

  test::TempDir tmp;
  test::WorkRepo work{tmp.path() / "w"};
  std::optional<git::Repo> repo;
  test::DivergedHistory history{work};
  const std::string &base = history.base, &child = history.child, &sibling = history.sibling;
  std::string tag_object;
  const std::string zero = std::string(40, '0');
};

TEST_F(ClassifyTest, Branches) {
  EXPECT_EQ(kind(base, child, "refs/heads/main"), refs::UpdateKind::fast_forward);
  EXPECT_EQ(kind(child, sibling, "refs/heads/main"), refs::UpdateKind::non_fast_forward);
  EXPECT_EQ(kind(child, base, "refs/heads/main"), refs::UpdateKind::non_fast_forward); // rewind
  EXPECT_EQ(kind(zero, child, "refs/heads/new"), refs::UpdateKind::create);
  EXPECT_EQ(kind(child, zero, "refs/heads/main"), refs::UpdateKind::delete_ref);
  EXPECT_EQ(kind(child, child, "refs/heads/main"), refs::UpdateKind::unchanged);
}

TEST_F(ClassifyTest, Tags) {
  EXPECT_EQ(kind(zero, tag_object, "refs/tags/v1"), refs::UpdateKind::tag_create);
  EXPECT_EQ(kind(tag_object, sibling, "refs/tags/v1"), refs::UpdateKind::tag_move);
  EXPECT_EQ(kind(tag_object, zero, "refs/tags/v1"), refs::UpdateKind::tag_delete);
}

TEST_F(ClassifyTest, BranchPointingAtAnnotatedTagIsPeeled) {
  EXPECT_EQ(kind(base, tag_object, "refs/heads/odd"), refs::UpdateKind::fast_forward);
}

TEST_F(ClassifyTest, MissingObjectIsAnError) {
  auto k = refs::classify(*repo, {base, std::string(40, 'e'), "refs/heads/main"});
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().code, ErrorCode::git_failure);
}
