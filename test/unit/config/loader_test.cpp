#include "config/loader.hpp"
#include "identity/agents_config.hpp"
#include "ledger/ledger_config.hpp"
#include "policy/ruleset.hpp"
#include "protection/rules.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace custody::config;

namespace {

const custody::protection::RefRules& ref_rules(const Config& c) {
  return c.get<custody::policy::Rulesets>()
      .default_ruleset()
      .rules.get<custody::protection::RefRules>();
}

Diagnostics apply(const std::string& text, Config& c) {
  Diagnostics d;
  apply_layer(c, text, "site.toml", d);
  return d;
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d)
    out.push_back(x.to_string());
  return out;
}

} // namespace

TEST(ConfigLoaderTest, EmbeddedDefaultIsValidAndProtectsTheUsualRefs) {
  Config c = default_config();
  auto is_protected = [&](const char* ref) {
    return custody::util::matches_any(c.get<custody::policy::Rulesets>().default_ruleset().refs,
                                      ref);
  };
  EXPECT_TRUE(is_protected("refs/heads/main"));
  EXPECT_TRUE(is_protected("refs/heads/master"));
  EXPECT_TRUE(is_protected("refs/heads/release/2.0"));
  EXPECT_TRUE(is_protected("refs/tags/v1.0"));
  EXPECT_TRUE(is_protected("refs/tags/release/9.0"));
  EXPECT_TRUE(is_protected("refs/heads/release/1.0/hotfix"));
  EXPECT_FALSE(is_protected("refs/heads/feature/x"));
  EXPECT_TRUE(ref_rules(c).non_fast_forward);
  EXPECT_TRUE(ref_rules(c).deletion);
  EXPECT_TRUE(ref_rules(c).tag_move);
  EXPECT_FALSE(c.get<custody::identity::AgentsConfig>().may_push_protected);
  EXPECT_EQ(c.get<custody::ledger::LedgerConfig>().path, "custody/ledger.jsonl");
  EXPECT_EQ(c.origins.at("refs.block_force_push").origin.substr(0, 19), "<embedded default>:");
}

TEST(ConfigLoaderTest, LaterLayerOverridesKeyByKey) {
  Config c = default_config();
  auto d = apply("[refs]\nblock_tag_move = false\n", c);
  EXPECT_TRUE(d.empty());
  EXPECT_FALSE(ref_rules(c).tag_move);
  EXPECT_TRUE(ref_rules(c).non_fast_forward);
  EXPECT_EQ(c.origins.at("refs.block_tag_move").origin, "site.toml:2");
  EXPECT_EQ(c.origins.at("refs.block_tag_move").value, "false");
}

TEST(ConfigLoaderTest, UnknownKeysWithSuggestions) {
  Config c = default_config();
  EXPECT_EQ(
      messages(apply("[refs]\nblock_force_pushes = true\n[ledgr]\npath = \"x\"\n", c)),
      (std::vector<std::string>{"site.toml:2:1: unknown key \"refs.block_force_pushes\"; did you "
                                "mean \"block_force_push\"?",
                                "site.toml:3:2: unknown key \"ledgr\"; did you mean \"ledger\"?"}));
}

TEST(ConfigLoaderTest, WrongTypesAndBadGlobs) {
  Config c = default_config();
  EXPECT_EQ(
      messages(apply(
          "[refs]\nblock_deletion = 1\nprotected = [\"refs/[x\", 3]\n[ledger]\nrotate_bytes = -1\n",
          c)),
      (std::vector<std::string>{
          "site.toml:2:18: refs.block_deletion must be a boolean (true or false), not an integer",
          "site.toml:3:25: refs.protected must contain only strings, found an integer",
          "site.toml:5:16: ledger.rotate_bytes must be between 0 and 9223372036854775807, not "
          "-1"}));
  c = default_config();
  EXPECT_EQ(
      messages(apply("[refs]\nprotected = [\"refs/[x\"]\n", c)),
      (std::vector<std::string>{
          "site.toml:2:14: refs.protected: glob \"refs/[x\" has an unclosed '[' at offset 5"}));
}

TEST(ConfigLoaderTest, SyntaxErrorsCarryPosition) {
  Config c = default_config();
  auto d = apply("[refs\n", c);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].file, "site.toml");
  EXPECT_EQ(d[0].line, 1);
}

TEST(ConfigLoaderTest, MissingOptionalFilesAreFineMissingExplicitFileIsNot) {
  LoadOptions o;
  o.system_file = "/nonexistent/custody.toml";
  EXPECT_TRUE(load_config(o).diagnostics.empty());
  o.explicit_file = "/nonexistent/explicit.toml";
  auto r = load_config(o);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].to_string(), "/nonexistent/explicit.toml: cannot open "
                                          "/nonexistent/explicit.toml: No such file or directory");
}

TEST(ConfigLoaderTest, OriginsAreRecordedOnlyWhenAsked) {
  custody::test::TempDir dir;
  LoadOptions options;
  options.system_file = dir.path() / "none.toml";
  auto plain = load_config(options);
  EXPECT_TRUE(plain.diagnostics.empty());
  EXPECT_TRUE(plain.config.origins.empty());
  options.record_origins = true;
  auto shown = load_config(options);
  EXPECT_EQ(shown.config.origins.at("refs.block_force_push").value, "true");
  // Recording changes nothing else.
  EXPECT_EQ(ref_rules(plain.config).non_fast_forward, ref_rules(shown.config).non_fast_forward);
  EXPECT_EQ(plain.config.layers, shown.config.layers);
}
