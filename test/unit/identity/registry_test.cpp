// The identity registry: [[people]] parsing and validation, name normalisation, and the
// Directory's judgement of agents and same person.
#include "config/loader.hpp"
#include "identity/identity.hpp"
#include "identity/normalise.hpp"
#include "identity/registry.hpp"

#include <gtest/gtest.h>

using namespace custody;

namespace {

constexpr const char* k_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN+SKy/GFTOzlAlvXbYlseb5BropZfVBHOCAEfP6V8d9 alice@laptop";

const char* k_registry = R"([[people]]
name = "Alice Example"
kind = "human"
emails = ["alice@example.com", "alice@personal.example"]
accounts = ["alice"]
ssh_keys = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN+SKy/GFTOzlAlvXbYlseb5BropZfVBHOCAEfP6V8d9 alice@laptop"]
gpg_fingerprints = ["0123 4567 89AB CDEF 0123  4567 89ab cdef 0123 4567"]

[[people]]
name = "Jane Smith"
kind = "agent"
emails = ["jane.smith@example.com"]
accounts = ["jsmith"]
)";

std::vector<std::string> load(const std::string& text, config::Config& c) {
  config::Diagnostics d;
  config::apply_layer(c, text, "site.toml", d);
  std::vector<std::string> out;
  for (const auto& x : d)
    out.push_back(x.to_string());
  return out;
}

identity::Pusher push_as(const config::Config& c, const char* var, const char* name) {
  return identity::identify_pusher(util::Environment::from_map({{var, name}}),
                                   identity::Directory::of(c));
}

} // namespace

TEST(NormaliseTest, FoldsCaseLookAlikesAndDomains) {
  EXPECT_EQ(identity::normalise_name("CORP\\Claude"), "claude");
  EXPECT_EQ(identity::normalise_name("\xD0\xA1laude"), "claude");           // Cyrillic С
  EXPECT_EQ(identity::normalise_name("cl\xD0\xB0ude-code"), "claude-code"); // Cyrillic а
  EXPECT_EQ(identity::normalise_name("\xEF\xBC\xA3laude"), "claude");       // fullwidth Ｃ
  EXPECT_EQ(identity::normalise_name("cla\xE2\x80\x8Bude"), "claude");      // zero-width space
  EXPECT_EQ(identity::normalise_name("Cl\xC3\xA0ude"), "claude");           // à
  EXPECT_EQ(identity::normalise_email("Alice+Review@Example.COM"), "alice@example.com");
  EXPECT_EQ(identity::normalise_name("\xE6\x9D\x8E"), "\xE6\x9D\x8E"); // CJK kept as is
  EXPECT_EQ(identity::normalise_name("\xFF\xFE"), "\xFF\xFE");         // not UTF-8: kept
}

TEST(NormaliseTest, WidenedDefaultAgentPatterns) {
  config::Config c = config::default_config(false);
  for (const char* name :
       {"dependabot", "github-actions", "gemini-cli", "aider", "openai-codex", "coderabbitai",
        "bot", "BOT", "svc-deploy", "svc_ci", "CORP\\claude", "\xD0\xA1laude", "Alice (aider)"})
    EXPECT_TRUE(push_as(c, "GL_USERNAME", name).is_agent) << name;
  for (const char* name : {"alice", "robot", "abbot", "botany", "svcadmin", "CORP\\alice"})
    EXPECT_FALSE(push_as(c, "GL_USERNAME", name).is_agent) << name;
}

TEST(NormaliseTest, GiteaDeployKeyIsNotAHuman) {
  config::Config c = config::default_config(false);
  auto p = identity::identify_pusher(
      util::Environment::from_map({{"GITEA_PUSHER_NAME", "alice"}, {"GITEA_DEPLOY_KEY_ID", "3"}}),
      identity::Directory::of(c));
  EXPECT_EQ(p.name, "deploy-key:3");
  EXPECT_TRUE(p.is_agent);
}

TEST(RegistryTest, ReadsTheIssueExample) {
  config::Config c = config::default_config(false);
  ASSERT_TRUE(load(k_registry, c).empty());
  const auto& r = c.get<identity::Registry>();
  ASSERT_EQ(r.people.size(), 2u);
  EXPECT_EQ(r.people[0].name, "Alice Example");
  EXPECT_EQ(r.people[0].origin, "site.toml:1");
  EXPECT_EQ(r.people[0].ssh_keys, std::vector<std::string>{k_key});
  EXPECT_EQ(r.people[0].gpg_fingerprints,
            std::vector<std::string>{"0123456789ABCDEF0123456789ABCDEF01234567"});
  EXPECT_TRUE(r.people[1].is_agent());
  EXPECT_EQ(r.by_email("ALICE+x@personal.example"), &r.people[0]);
  EXPECT_EQ(r.by_account("CORP\\\xD0\xB0lice"), &r.people[0]); // domain + Cyrillic а
}

TEST(RegistryTest, ReportsDuplicatesAndMalformedKeysAtTheirLine) {
  config::Config c = config::default_config(false);
  auto errors = load(R"([[people]]
name = "Alice"
kind = "human"
emails = ["alice@example.com"]

[[people]]
name = "Bob"
kind = "human"
emails = ["Alice+bob@example.com"]
ssh_keys = ["ssh-ed25519 AAAAC3NzaC1yc2EAAAADAQABAAABAQ== bob", "ssh-foo AAAA"]
gpg_fingerprints = ["DEADBEEF"]

[[people]]
name = "Carol"
)",
                     c);
  ASSERT_EQ(errors.size(), 5u) << testing::PrintToString(errors);
  EXPECT_EQ(errors[0], "site.toml:9:10: people: emails \"Alice+bob@example.com\" of \"Bob\" is "
                       "already listed for \"Alice\" (site.toml:1); one address, account or key "
                       "belongs to one person");
  EXPECT_EQ(errors[1], "site.toml:10:12: people: \"Bob\": malformed SSH key: the key data is not a "
                       "ssh-ed25519 key (truncated or pasted wrongly)");
  EXPECT_EQ(errors[2], "site.toml:10:12: people: \"Bob\": malformed SSH key: \"ssh-foo\" is not an "
                       "SSH key type (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, …)");
  EXPECT_EQ(errors[3],
            "site.toml:11:20: people: \"Bob\": malformed fingerprint \"DEADBEEF\": an OpenPGP "
            "fingerprint is 40 hex digits (v4 keys) or 64 (v5/v6), as `gpg --fingerprint` prints "
            "it; key ids and short forms are not accepted");
  EXPECT_EQ(errors[4], "site.toml:13:1: people: \"Carol\" needs a `kind`, \"human\" or \"agent\"");
}

TEST(RegistryTest, DirectoryJudgesPeopleNotStrings) {
  config::Config c = config::default_config(false);
  ASSERT_TRUE(load(k_registry, c).empty());
  auto dir = identity::Directory::of(c);
  // A registered agent under a human-looking name and address.
  EXPECT_TRUE(dir.is_agent("Jane Smith", "jane.smith@example.com"));
  EXPECT_TRUE(push_as(c, "GL_USERNAME", "jsmith").is_agent);
  EXPECT_EQ(push_as(c, "GL_USERNAME", "alice").person, "Alice Example");
  // An agent borrowing a human's name keeps its own address: still judged by the patterns.
  EXPECT_TRUE(dir.is_agent("Alice Example", "claude@anthropic.com"));
  // Aliases of one person.
  EXPECT_TRUE(dir.same_person("Al", "alice@personal.example", "Alice", "alice@example.com"));
  EXPECT_TRUE(dir.same_person("A", "alice+review@example.com", "B", "alice@example.com"));
  EXPECT_TRUE(dir.same_person("Alice Example", "a@x.example", "Alice", "alice@example.com"));
  EXPECT_FALSE(dir.same_person("Bob", "bob@example.com", "Alice", "alice@example.com"));
  EXPECT_FALSE(dir.is_agent("Bob", "bob@example.com"));
}

TEST(RegistryTest, AllowListModeMakesUnlistedAccountsAgents) {
  config::Config c = config::default_config(false);
  ASSERT_TRUE(
      load(std::string(k_registry) + "\n[agents]\nunlisted_are_agents = true\n", c).empty());
  auto dir = identity::Directory::of(c);
  EXPECT_FALSE(push_as(c, "REMOTE_USER", "alice").is_agent);
  EXPECT_TRUE(push_as(c, "REMOTE_USER", "mallory").is_agent);
  EXPECT_FALSE(dir.is_agent("Alice Example", "alice@example.com"));
  EXPECT_EQ(dir.agent_reason("Bob", "bob@example.com"),
            "it is not a registered person, and [agents] unlisted_are_agents is set");
}
