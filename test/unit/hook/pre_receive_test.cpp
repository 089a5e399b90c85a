// The whole pre-receive pipeline in-process: real repository, made-up stdin and environment.
#include "hook/exit_code.hpp"
#include "hook/io.hpp"
#include "hook/pre_receive.hpp"
#include "support/git_fixture.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace custody;

class PreReceiveTest : public ::testing::Test {
protected:
  int run(const std::string& input, std::map<std::string, std::string> env = {}) {
    env.emplace("GIT_DIR", work.git_dir().string());
    env.emplace("CUSTODY_SYSTEM_CONFIG", "/nonexistent/custody.toml");
    env.emplace("CUSTODY_PUSHER", "alice");
    std::istringstream in(input);
    out.str("");
    err.str("");
    hook::Io io{in, out, err, util::Environment::from_map(env), work.dir()};
    return hook::pre_receive_main(io);
  }
  std::string ledger() { return test::slurp(work.git_dir() / "custody" / "ledger.jsonl"); }

  test::TempDir tmp;
  test::WorkRepo work{tmp.path() / "w"};
  test::DivergedHistory history{work};
  const std::string &base = history.base, &child = history.child, &sibling = history.sibling;
  std::ostringstream out, err;
};

TEST_F(PreReceiveTest, FastForwardIsAcceptedAndRecorded) {
  EXPECT_EQ(run(base + " " + child + " refs/heads/main\n"), hook::k_exit_ok);
  EXPECT_EQ(err.str(), "");
  EXPECT_NE(ledger().find("\"decision\":\"accepted\""), std::string::npos);
}

TEST_F(PreReceiveTest, ForcePushMessageWordForWord) {
  EXPECT_EQ(run(child + " " + sibling + " refs/heads/main\n"), hook::k_exit_rejected);
  EXPECT_EQ(err.str(), "custody: push rejected: 1 problem in 1 ref\n"
                       "custody: refs/heads/main: force push: the new tip " +
                           sibling.substr(0, 12) + " does not contain the old tip " +
                           child.substr(0, 12) +
                           ", so commits would be lost [refs.force_push, SOC 2 CC8.1]\n"
                           "custody:   fix: fetch and rebase onto the current main (git pull "
                           "--rebase origin main), then push "
                           "without --force\n");
}

TEST_F(PreReceiveTest, WholePushRejectedAndEveryRefRecorded) {
  EXPECT_EQ(run(child + " " + sibling + " refs/heads/main\n" + base + " " + child +
                " refs/heads/topic\n"),
            hook::k_exit_rejected);
  EXPECT_NE(err.str().find("the other refs in this push were not updated either"),
            std::string::npos);
  std::string l = ledger();
  EXPECT_NE(l.find("\"ref\":\"refs/heads/topic\""), std::string::npos);
  EXPECT_NE(l.find("rejected with the rest of the push"), std::string::npos);
}

TEST_F(PreReceiveTest, MalformedInputIsRefusedAndRecorded) {
  EXPECT_EQ(run("not a ref line\n"), hook::k_exit_internal_error);
  EXPECT_EQ(err.str(),
            "custody: line 1 of standard input is not \"<old> <new> <ref>\": \"not a ref line\"\n");
  EXPECT_NE(ledger().find("\"type\":\"invalid-input\""), std::string::npos);
}

TEST_F(PreReceiveTest, InvalidConfigFailsClosed) {
  std::ofstream(work.git_dir() / "custody.toml") << "[refs]\nprotected = [\"refs/heads/[x\"]\n";
  EXPECT_EQ(run(base + " " + child + " refs/heads/main\n"), hook::k_exit_internal_error);
  EXPECT_EQ(err.str().substr(0, 44),
            "custody: configuration error: " + work.git_dir().string().substr(0, 14));
  EXPECT_NE(err.str().find("custody.toml:2:14: refs.protected: glob"), std::string::npos);
  EXPECT_NE(ledger().find("\"type\":\"config-error\""), std::string::npos);
}

TEST_F(PreReceiveTest, UnwritableLedgerRefusesThePush) {
  std::ofstream(work.git_dir() / "custody.toml")
      << "[ledger]\npath = \"/proc/custody-cannot-write/ledger.jsonl\"\n";
  EXPECT_EQ(run(base + " " + child + " refs/heads/main\n"), hook::k_exit_internal_error);
  EXPECT_NE(
      err.str().find("custody: push refused: its decision could not be recorded in the ledger"),
      std::string::npos);
}

TEST_F(PreReceiveTest, GitLabPrefix) {
  EXPECT_EQ(run(child + " " + sibling + " refs/heads/main\n", {{"GL_ID", "user-1"}}),
            hook::k_exit_rejected);
  EXPECT_EQ(err.str().rfind("GL-HOOK-ERR: custody: push rejected: 1 problem in 1 ref\n", 0), 0u);
}
