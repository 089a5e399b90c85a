// A mirror's checked state: the updates between two ref maps, and the last state in the ledger.
#include "ledger/ledger.hpp"
#include "mirror/state.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace custody::mirror {
namespace {

const std::string a(40, 'a'), b(40, 'b'), c(40, 'c'), zero(40, '0');

TEST(UpdatesBetweenTest, CreationsDeletionsAndMovesInRefOrder) {
  RefMap before{{"refs/heads/main", a}, {"refs/heads/old", b}, {"refs/tags/v1", c}};
  RefMap after{{"refs/heads/main", b}, {"refs/heads/new", c}, {"refs/tags/v1", c}};
  auto updates = updates_between(before, after);
  ASSERT_EQ(updates.size(), 3u);
  EXPECT_EQ(updates[0].ref, "refs/heads/main");
  EXPECT_EQ(updates[0].old_oid, a);
  EXPECT_EQ(updates[0].new_oid, b);
  EXPECT_EQ(updates[1].ref, "refs/heads/new");
  EXPECT_EQ(updates[1].old_oid, zero);
  EXPECT_EQ(updates[2].ref, "refs/heads/old");
  EXPECT_EQ(updates[2].new_oid, zero);
  EXPECT_TRUE(updates_between(before, before).empty());
}

TEST(LastCheckedStateTest, NoneThenTheLatestForThisRepository) {
  test::TempDir tmp;
  ledger::LedgerOptions options{tmp.path() / "ledger.jsonl", 0, {}, {}, {}, {}, {}};
  auto none = last_checked_state(options, "/r.git/");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(
      ledger::append(options, {state_record("/r.git/", {{"refs/heads/main", a}}, 0, 0, false, {}),
                               state_record("/other.git/", {{"refs/heads/x", c}}, 0, 0, false, {}),
                               state_record("/r.git/", {{"refs/heads/main", b}}, 1, 0, false, {})})
          .ok());
  auto last = last_checked_state(options, "/r.git/");
  ASSERT_TRUE(last.ok());
  ASSERT_TRUE(last->has_value());
  EXPECT_EQ((**last).at("refs/heads/main"), b);
  EXPECT_EQ((**last).size(), 1u);
}

} // namespace
} // namespace custody::mirror
