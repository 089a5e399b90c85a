// ledger::locate: the one resolver of a repository's ledger, its signing key and its head file,
// shared by the hooks (push_pipeline), the admin CLI (custody log), doctor and reports.
#include "ledger/location.hpp"

#include <gtest/gtest.h>

using namespace custody;

TEST(LedgerLocationTest, DefaultsUnderTheGitDir) {
  const auto o = ledger::locate(ledger::LedgerConfig{}, "/srv/git/api.git");
  EXPECT_EQ(o.path, "/srv/git/api.git/custody/ledger.jsonl");
  // The head file sits in the git dir, beside (not inside) the ledger's directory.
  EXPECT_EQ(o.head_file, "/srv/git/api.git/custody-ledger.head");
  EXPECT_TRUE(o.signing_key.empty());
  EXPECT_EQ(o.rotate_bytes, 0u);
}

TEST(LedgerLocationTest, RelativePathsAreUnderTheGitDirAbsoluteOnesStay) {
  ledger::LedgerConfig c;
  c.path = "audit/../audit/decisions.jsonl";
  c.signing_key = "keys/ledger.pem";
  c.head_file = "/var/lib/custody/api.head";
  c.rotate_bytes = 1024;
  const auto o = ledger::locate(c, "/srv/git/api.git");
  EXPECT_EQ(o.path, "/srv/git/api.git/audit/decisions.jsonl");
  EXPECT_EQ(o.signing_key, "/srv/git/api.git/keys/ledger.pem");
  EXPECT_EQ(o.head_file, "/var/lib/custody/api.head");
  EXPECT_EQ(o.rotate_bytes, 1024u);
  c.path = "/var/log/custody/api.jsonl";
  c.head_file = "state/api.head";
  const auto abs = ledger::locate(c, "/srv/git/api.git");
  EXPECT_EQ(abs.path, "/var/log/custody/api.jsonl");
  EXPECT_EQ(abs.head_file, "/srv/git/api.git/state/api.head");
}
