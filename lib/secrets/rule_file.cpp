// custody's own rule format (see rule_file.hpp); gitleaks files go to gitleaks_import.cpp.
#include "secrets/rule_file.hpp"

#include "config/document.hpp"
#include "secrets/gitleaks_import.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::secrets {

namespace {

std::vector<std::string> lower_all(std::vector<std::string> v) {
  for (auto& s : v)
    s = util::to_lower(s);
  return v;
}

std::optional<util::Regex> compile_regex(config::TableReader& t, std::string_view key,
                                         const std::string& pattern) {
  auto r = util::Regex::compile(pattern);
  if (!r) {
    t.error(key, fmt::format("{}.{}: {}", t.dotted(), key, r.error().message));
    return std::nullopt;
  }
  return std::move(r.value());
}

Allowlist read_allowlist(config::TableReader& t) {
  Allowlist a;
  a.description = t.string("description").value_or("");
  if (auto c = t.choice("condition", {"any", "all"}))
    a.condition = *c == "all" ? Condition::all : Condition::any;
  if (auto target = t.choice("regex_target", {"secret", "match", "line"}))
    a.target = *target == "match"  ? RegexTarget::match
               : *target == "line" ? RegexTarget::line
                                   : RegexTarget::secret;
  a.paths = t.globs("paths", util::GlobSyntax::path).value_or(std::vector<util::Glob>{});
  for (const auto& p : t.strings("regexes").value_or(std::vector<std::string>{}))
    if (auto r = compile_regex(t, "regexes", p))
      a.regexes.push_back(std::move(*r));
  a.stopwords = lower_all(t.strings("stopwords").value_or(std::vector<std::string>{}));
  for (const auto& c : t.strings("commits").value_or(std::vector<std::string>{}))
    a.commits.insert(c);
  for (const auto& f : t.strings("fingerprints").value_or(std::vector<std::string>{}))
    a.fingerprints.insert(f);
  t.finish();
  return a;
}

std::optional<Rule> read_rule(config::TableReader& t) {
  Rule rule;
  rule.origin = fmt::format("{}:{}", t.file(), t.line());
  auto id = t.string("id");
  auto pattern = t.string("regex");
  if (!id || id->empty()) {
    t.error("id", fmt::format("{}: a rule needs an id", t.dotted()));
    t.finish();
    return std::nullopt;
  }
  rule.id = *id;
  rule.description = t.string("description").value_or(rule.id);
  rule.control = t.string("control").value_or("CC6.1");
  rule.secret_group = static_cast<int>(t.integer("secret_group", 0, 99).value_or(0));
  rule.keywords = lower_all(t.strings("keywords").value_or(std::vector<std::string>{}));
  rule.entropy = t.number("entropy", 0, 8).value_or(0);
  rule.min_length = static_cast<size_t>(t.integer("min_length", 0, 1 << 20).value_or(0));
  rule.paths = t.globs("paths", util::GlobSyntax::path).value_or(std::vector<util::Glob>{});
  rule.generic = t.boolean("generic").value_or(false);
  rule.window_lines = static_cast<int>(t.integer("window_lines", 0, 200).value_or(0));
  // Unsaid, a context rule only warns and a format rule blocks (docs/secrets.md, "Tiers").
  rule.tier = rule.generic ? Tier::warn : Tier::block;
  if (auto v = t.choice("tier", {"block", "warn"}))
    rule.tier = *parse_tier(*v);
  if (auto v = t.choice("validate", {"none", "crc32-base62", "crc32-base62-mismatch"}))
    rule.validator = *v == "crc32-base62"            ? Validator::crc32_base62
                     : *v == "crc32-base62-mismatch" ? Validator::crc32_base62_mismatch
                                                     : Validator::none;
  for (const auto& s : t.strings("accepts").value_or(std::vector<std::string>{})) {
    if (s == "uuid")
      rule.shapes_ok |= static_cast<unsigned>(Shape::uuid);
    else if (s == "hex")
      rule.shapes_ok |= static_cast<unsigned>(Shape::hex_hash);
    else
      t.error("accepts",
              fmt::format("{}.accepts: unknown shape \"{}\" (uuid, hex)", t.dotted(), s));
  }
  rule.true_positives = t.strings("tp").value_or(std::vector<std::string>{});
  rule.false_positives = t.strings("fp").value_or(std::vector<std::string>{});
  if (auto lists = t.tables("allowlist"))
    for (auto& a : *lists)
      rule.allowlists.push_back(read_allowlist(a));
  bool ok = true;
  if (!pattern) {
    t.error("regex", fmt::format("{}: rule \"{}\" needs a regex", t.dotted(), rule.id));
    ok = false;
  } else if (auto r = compile_regex(t, "regex", *pattern)) {
    rule.regex = std::move(*r);
    if (rule.secret_group > rule.regex.group_count()) {
      t.error("secret_group", fmt::format("{}.secret_group: the regex has only {} groups",
                                          t.dotted(), rule.regex.group_count()));
      ok = false;
    }
  } else {
    ok = false;
  }
  t.finish();
  if (!ok)
    return std::nullopt;
  return rule;
}

} // namespace

RuleFormat detect_rule_format(std::string_view text) {
  // [[rules]] (gitleaks) vs [[rule]] (custody); gitleaks files may also start with title/[extend].
  return text.find("[[rules]]") != std::string_view::npos ||
                 text.find("[[rules.") != std::string_view::npos
             ? RuleFormat::gitleaks
             : RuleFormat::custody;
}

RuleFile load_rule_text(std::string_view text, const std::string& file,
                        config::Diagnostics& errors) {
  if (detect_rule_format(text) == RuleFormat::gitleaks)
    return import_gitleaks(text, file, errors);
  RuleFile out;
  config::read_document(text, file, errors, [&](config::TableReader& root) {
    if (auto rules = root.tables("rule"))
      for (auto& t : *rules)
        if (auto rule = read_rule(t))
          out.rules.push_back(std::move(*rule));
    if (auto lists = root.tables("allowlist"))
      for (auto& a : *lists)
        out.allowlists.push_back(read_allowlist(a));
    root.finish({"version"});
  });
  return out;
}

} // namespace custody::secrets
