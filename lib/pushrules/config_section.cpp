// The push-rule keys of a ruleset's `rules` table: every pattern compiled here, so a bad one is
// reported at its line when the configuration loads.
#include "pushrules/config_section.hpp"

#include "pushrules/rules.hpp"

#include <fmt/format.h>

#include <limits>

namespace custody::pushrules {

namespace {

void read_regex(config::TableReader& t, const char* key, std::optional<util::Regex>& out) {
  auto v = t.string(key);
  if (!v)
    return;
  auto regex = util::Regex::compile(*v);
  if (!regex) {
    t.error(key, fmt::format("{}.{}: {}", t.dotted(), key, regex.error().message));
    return;
  }
  out = std::move(*regex);
}

} // namespace

void apply_rules(config::TableReader& t, config::Sections& ruleset_rules) {
  auto& rules = ruleset_rules.edit<PushRules>();
  read_regex(t, "message_pattern", rules.message_pattern);
  read_regex(t, "message_forbidden_pattern", rules.message_forbidden_pattern);
  read_regex(t, "branch_name_pattern", rules.branch_name_pattern);
  read_regex(t, "author_email_pattern", rules.author_email_pattern);
  if (auto v = t.globs("prohibited_paths", util::GlobSyntax::path))
    rules.prohibited_paths = std::move(*v);
  if (auto v = t.integer("max_file_bytes", 1, std::numeric_limits<int64_t>::max()))
    rules.max_file_bytes = static_cast<uint64_t>(*v);
  if (auto v = t.boolean("dco"))
    rules.dco = *v;
}

} // namespace custody::pushrules
