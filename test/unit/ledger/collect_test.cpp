// Records that can be merged: origin stamping by append(), and the collector's import (dedupe,
// conflicts, idempotence) and per-chain verification with gaps.
#include "ledger/collect.hpp"
#include "ledger/origin.hpp"
#include "support/ledger_fixture.hpp"

#include <gtest/gtest.h>

namespace custody::test {
namespace {

namespace fs = std::filesystem;

ledger::LedgerOptions node_options(const fs::path& path, const std::string& node) {
  ledger::LedgerOptions o = options_for(path);
  o.node = node;
  o.repo_id = "group/app.git";
  o.host_repo_id = "gitlab:project-42";
  return o;
}

TEST(LedgerOrigin, EveryRecordNamesNodeChainAndRepository) {
  TempDir tmp;
  const fs::path path = tmp.path() / "ledger.jsonl";
  append_records(node_options(path, "git-1"), 2);
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), 2u);
  auto j = util::Json::parse(lines[1]);
  EXPECT_EQ(j["type"], "decision");
  EXPECT_EQ(j["node"], "git-1");
  EXPECT_EQ(j["chain"], "git-1");
  EXPECT_EQ(j["repo_id"], "group/app.git");
  EXPECT_EQ(j["host_repo_id"], "gitlab:project-42");
  EXPECT_FALSE(j.contains("last_seen"));
  EXPECT_FALSE(verify_path(path).error);
}

TEST(LedgerOrigin, AnotherNodeContinuingTheChainSaysWhatItLastSaw) {
  TempDir tmp;
  const fs::path path = tmp.path() / "ledger.jsonl";
  append_records(node_options(path, "git-1"), 2);
  auto head = util::Json::parse(read_lines(path).back());
  append_records(node_options(path, "git-2"), 2, 3);
  auto lines = read_lines(path);
  auto third = util::Json::parse(lines[2]);
  EXPECT_EQ(third["node"], "git-2");
  EXPECT_EQ(third["chain"], "git-1");
  EXPECT_EQ(third["last_seen"]["node"], "git-1");
  EXPECT_EQ(third["last_seen"]["seq"], 2);
  EXPECT_EQ(third["last_seen"]["hash"], head["hash"]);
  EXPECT_FALSE(util::Json::parse(lines[3]).contains("last_seen"));
  EXPECT_FALSE(verify_path(path).error);
}

TEST(LedgerOrigin, OldLedgersStayValidAndBodiesCannotForgeOrigin) {
  TempDir tmp;
  const fs::path path = tmp.path() / "ledger.jsonl";
  append_records(options_for(path), 2); // no node: records as before
  EXPECT_FALSE(util::Json::parse(read_lines(path)[0]).contains("node"));
  append_records(node_options(path, "git-1"), 1, 3);
  EXPECT_FALSE(verify_path(path).error);
  util::Json forged = decision_body(9);
  forged["node"] = "other";
  EXPECT_FALSE(ledger::append(node_options(path, "git-1"), {forged}).ok());
}

TEST(LedgerOrigin, RepositoryIdIsRelativeToTheRoot) {
  ledger::LedgerConfig c;
  EXPECT_EQ(ledger::repository_id(c, "/srv/git/group/app.git"), "group/app.git");
  c.repository_root = "/srv/git";
  EXPECT_EQ(ledger::repository_id(c, "/srv/git/a/b/app.git"), "a/b/app.git");
  EXPECT_EQ(ledger::repository_id(c, "/srv/git/a/app.git/"), "a/app.git");
  EXPECT_EQ(ledger::repository_id(c, "/elsewhere/x/app.git"), "x/app.git");
  EXPECT_TRUE(ledger::is_node_id("git-1.example_2"));
  EXPECT_FALSE(ledger::is_node_id("../x"));
  EXPECT_FALSE(ledger::is_node_id(""));
}

TEST(LedgerOrigin, DerivedNodeIdIsKeptInTheNodeFile) {
  TempDir tmp;
  ledger::LedgerConfig c;
  c.node_file = (tmp.path() / "state" / "node-id").string();
  auto env = util::Environment::from_map({});
  std::string first = ledger::node_id(c, env);
  EXPECT_TRUE(ledger::is_node_id(first)) << first;
  spit(tmp.path() / "state" / "node-id", "kept-node\n");
  EXPECT_EQ(ledger::node_id(c, env), "kept-node");
  c.node = "configured";
  EXPECT_EQ(ledger::node_id(c, env), "configured");
}

struct Estate {
  TempDir tmp;
  fs::path a = tmp.path() / "a" / "ledger.jsonl";
  fs::path b = tmp.path() / "b" / "ledger.jsonl";
  fs::path out = tmp.path() / "collected";
  fs::path stream = tmp.path() / "received.log";

  Estate() {
    append_records(node_options(a, "git-1"), 5);
    append_records(node_options(b, "git-2"), 3);
  }
  // What rsyslog delivers: every record, some twice (RELP redelivery), in any order, with
  // syslog prefixes and noise.
  void deliver(std::vector<std::string> lines) {
    std::string text = "unrelated syslog line\n";
    for (const auto& l : lines)
      text += " " + l + "\n";
    spit(stream, text);
  }
  std::vector<std::string> all() {
    auto lines = read_lines(a);
    for (const auto& l : read_lines(b))
      lines.push_back(l);
    return lines;
  }
};

TEST(LedgerImport, DropsRedeliveriesAndIsIdempotent) {
  Estate e;
  auto lines = e.all();
  std::vector<std::string> stream(lines.rbegin(), lines.rend());
  stream.push_back(lines[0]);
  stream.push_back(lines[6]);
  e.deliver(stream);
  auto stats = ledger::import_records({e.stream}, e.out);
  ASSERT_TRUE(stats.ok()) << stats.error().message;
  EXPECT_EQ(stats->added, 8u);
  EXPECT_EQ(stats->duplicates, 2u);
  EXPECT_EQ(stats->not_records, 1u);
  EXPECT_EQ(stats->chains, 2u);
  EXPECT_TRUE(stats->conflicts.empty());
  EXPECT_EQ(read_lines(ledger::chain_file(e.out, {"group/app.git", "git-1"})), read_lines(e.a));
  EXPECT_EQ(read_lines(ledger::chain_file(e.out, {"group/app.git", "git-2"})), read_lines(e.b));
  EXPECT_EQ(read_lines(e.out / "group%2Fapp.git" / "merged.jsonl").size(), 8u);

  auto again = ledger::import_records({e.stream}, e.out);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0u);
  EXPECT_EQ(again->duplicates, 10u);
  EXPECT_EQ(again->chains_written, 0u);

  auto reports = ledger::verify_collected(e.out);
  ASSERT_TRUE(reports.ok());
  ASSERT_EQ(reports->size(), 2u);
  for (const auto& r : *reports) {
    EXPECT_FALSE(r.error) << *r.error;
    EXPECT_TRUE(r.gaps.empty());
  }
  EXPECT_EQ((*reports)[0].records, 5u);
}

TEST(LedgerImport, ReportsGapsAndConflicts) {
  Estate e;
  auto lines = e.all();
  lines.erase(lines.begin() + 2); // git-1 seq 3 never arrived
  e.deliver(lines);
  ASSERT_TRUE(ledger::import_records({e.stream}, e.out).ok());
  auto reports = ledger::verify_collected(e.out);
  ASSERT_TRUE(reports.ok());
  const auto& r = (*reports)[0];
  EXPECT_EQ(r.key.chain, "git-1");
  EXPECT_FALSE(r.error);
  ASSERT_EQ(r.gaps.size(), 1u);
  EXPECT_EQ(r.gaps[0], std::make_pair(uint64_t{3}, uint64_t{3}));

  // A different record at a place already held: tampering (or one node id used twice).
  TempDir other;
  auto forged_options = node_options(other.path() / "ledger.jsonl", "git-1");
  ASSERT_TRUE(ledger::append(forged_options, {decision_body(77, "rejected")}).ok());
  e.deliver(read_lines(other.path() / "ledger.jsonl"));
  auto stats = ledger::import_records({e.stream}, e.out);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->conflicts.size(), 1u);

  // An altered record is not imported.
  std::string altered = e.all()[2];
  altered.replace(altered.find("accepted"), 8, "rejected");
  e.deliver({altered});
  stats = ledger::import_records({e.stream}, e.out);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->damaged.size(), 1u);
  EXPECT_EQ(stats->added, 0u);
}

} // namespace
} // namespace custody::test
