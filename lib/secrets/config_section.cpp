// The [secrets] table (docs/secrets.md, docs/config.md). Regexes are compiled here so a bad
// pattern is a config error with file:line, never a push-time surprise; rule files are read
// when a scan starts (rule_set.cpp), and `custody config check` loads them too.
#include "secrets/config_section.hpp"

#include "config/relative_path.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::secrets {

using config::TableReader;

void apply_section(TableReader& t, config::Config& config) {
  auto& s = config.edit<SecretsConfig>();
  if (auto v = t.boolean("enabled"))
    s.enabled = *v;
  if (auto v = t.strings("rules")) {
    s.rules.clear();
    for (const auto& r : *v)
      s.rules.push_back(r == "builtin" ? r : config::relative_to_file(t, r));
  }
  if (auto v = t.strings("disabled_rules"))
    s.disabled_rules = *v;
  if (auto v = t.string_map("tiers")) {
    s.tiers.clear();
    for (const auto& [id, name] : *v) {
      if (auto tier = secrets::parse_tier(name))
        s.tiers[id] = *tier;
      else
        t.error("tiers",
                fmt::format("secrets.tiers.{}: \"{}\" is not a tier (block or warn)", id, name));
    }
  }
  if (auto v = t.integer("max_blob_bytes", 1, int64_t{1} << 40))
    s.max_blob_bytes = static_cast<uint64_t>(*v);
  if (auto v = t.choice("oversize", {"skip", "reject"}))
    s.oversize = *v == "reject" ? OnSkip::reject : OnSkip::skip;
  if (auto v = t.choice("binary", {"skip", "reject"}))
    s.binary = *v == "reject" ? OnSkip::reject : OnSkip::skip;
  if (auto v = t.integer("time_budget_ms", 1, 3600 * 1000))
    s.time_budget_ms = *v;
  if (auto v = t.choice("on_timeout", {"reject", "accept"}))
    s.on_timeout = *v == "accept" ? OnTimeout::accept : OnTimeout::reject;
  if (auto v = t.boolean("inline_allow"))
    s.inline_allow = *v;
  if (auto v = t.boolean("allow_bypass"))
    s.allow_bypass = *v;
  if (auto v = t.globs("allow_paths", util::GlobSyntax::path))
    s.allow_paths = std::move(*v);
  if (auto v = t.strings("allow_regexes")) {
    s.allow_regexes.clear();
    for (const auto& p : *v) {
      auto r = util::Regex::compile(p);
      if (!r) {
        t.error("allow_regexes",
                fmt::format("secrets.allow_regexes: \"{}\": {}", p, r.error().message));
        continue;
      }
      s.allow_regexes.push_back(std::move(r.value()));
    }
  }
  if (auto v = t.strings("stopwords")) {
    s.stopwords.clear();
    for (const auto& w : *v)
      s.stopwords.push_back(util::to_lower(w));
  }
  if (auto v = t.strings("allow_fingerprints"))
    s.allow_fingerprints = *v;
  if (auto v = t.choice("on_regex_limit", {"reject", "accept"}))
    s.on_regex_limit = *v == "accept" ? secrets::OnTimeout::accept : secrets::OnTimeout::reject;
  if (auto v = t.string("fingerprint_key"))
    s.fingerprint_key = config::relative_to_file(t, *v);
  if (auto v = t.globs("secret_files", util::GlobSyntax::path))
    s.secret_files = std::move(*v);
  if (auto v = t.string("baseline"))
    s.baseline = config::relative_to_file(t, *v);
  if (auto v = t.integer("max_decode_depth", 0, 8))
    s.max_decode_depth = static_cast<int>(*v);
  if (auto v = t.integer("archive_max_depth", 0, 8))
    s.archive_max_depth = static_cast<int>(*v);
  if (auto v = t.integer("archive_max_bytes", 1, int64_t{1} << 34))
    s.archive_max_bytes = static_cast<uint64_t>(*v);
  t.finish();
}

} // namespace custody::secrets
