#include "refs/ref_update.hpp"

#include <gtest/gtest.h>

using namespace custody::refs;

namespace {
const std::string k_a(40, 'a');
const std::string k_b(40, 'b');
const std::string k_zero(40, '0');
} // namespace

TEST(RefUpdateTest, ParsesLinesAndClassifiesCreateDelete) {
  auto r = parse_ref_update_lines(k_zero + " " + k_a + " refs/heads/main\n" + k_a + " " + k_zero +
                                  " refs/tags/v1\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_TRUE((*r)[0].is_create());
  EXPECT_FALSE((*r)[0].is_delete());
  EXPECT_TRUE((*r)[1].is_delete());
  EXPECT_EQ((*r)[1].ref, "refs/tags/v1");
}

TEST(RefUpdateTest, AcceptsSha256WidthIds) {
  std::string a(64, 'a'), z(64, '0');
  auto r = parse_ref_update_lines(z + " " + a + " refs/heads/main\n");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE((*r)[0].is_create());
}

TEST(RefUpdateTest, RejectsMalformedInputWithLineNumbers) {
  EXPECT_EQ(parse_ref_update_lines("").error().message, "no ref updates on standard input");
  EXPECT_EQ(parse_ref_update_lines(k_a + " " + k_b + " refs/heads/main").error().message,
            "standard input does not end with a newline (truncated?)");
  EXPECT_EQ(parse_ref_update_lines(k_a + " " + k_b + " refs/heads/main\ngarbage\n").error().message,
            "line 2 of standard input is not \"<old> <new> <ref>\": \"garbage\"");
  EXPECT_EQ(parse_ref_update_lines("xyz " + k_b + " refs/heads/main\n").error().message,
            "line 1 of standard input: old value \"xyz\" is not an object id");
  EXPECT_EQ(parse_ref_update_lines(k_a + " " + std::string(64, 'b') + " refs/heads/main\n")
                .error()
                .message,
            "line 1 of standard input: old and new object ids have different lengths");
  EXPECT_EQ(
      parse_ref_update_lines(k_a + "  " + k_b + " refs/heads/main\n").error().message.substr(0, 36),
      "line 1 of standard input is not \"<ol");
}

TEST(RefUpdateTest, RejectsOddRefNames) {
  for (const char* ref :
       {"HEAD", "refs/heads/a..b", "refs/heads/x.lock", "refs/heads/.hidden", "refs/heads/a b",
        "refs/heads/", "refs/heads//x", "refs/heads/a@{1}", "refs/heads/a\x01"}) {
    auto r = parse_ref_update_lines(k_a + " " + k_b + " " + ref + "\n");
    EXPECT_FALSE(r.ok()) << ref;
  }
  auto r = parse_ref_update_lines(k_a + " " + k_b + " refs/heads/\xff\xfe\n");
  ASSERT_TRUE(r.ok()); // git allows non-UTF-8 bytes in ref names
}

TEST(RefUpdateTest, UpdateArgs) {
  auto r = parse_update_args({"refs/heads/main", k_a, k_b});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->old_oid, k_a);
  EXPECT_EQ(r->new_oid, k_b);
  EXPECT_EQ(parse_update_args({"refs/heads/main"}).error().message,
            "expected 3 arguments <ref> <old> <new>, got 1");
}
