// Turning the generated builtin rule table (see builtin_rules.hpp) into Rules: string copies and
// deferred regexes only, so loading the builtin rules (269) costs well under a million
// instructions instead of a TOML parse and a JIT compile per rule.
#include "secrets/builtin_rules.hpp"

namespace custody::secrets {

namespace {

util::Regex deferred(const BuiltinRegex& r) {
  util::RegexOptions options;
  options.case_mode = r.caseless ? util::RegexCase::insensitive : util::RegexCase::sensitive;
  options.multiline = r.multiline;
  options.match_limit = r.match_limit;
  options.depth_limit = r.depth_limit;
  return util::Regex::deferred(r.pattern, options);
}

std::vector<std::string> strings(std::span<const std::string_view> in) {
  return {in.begin(), in.end()};
}

std::vector<util::Glob> globs(std::span<const std::string_view> in) {
  std::vector<util::Glob> out;
  for (auto p : in)
    if (auto g = util::Glob::compile(p, util::GlobSyntax::path)) // checked when generated
      out.push_back(std::move(g.value()));
  return out;
}

Allowlist allowlist(const BuiltinAllowlist& in) {
  Allowlist a;
  a.description = std::string(in.description);
  a.condition = in.condition;
  a.target = in.target;
  a.paths = globs(in.paths);
  for (const auto& r : in.path_regexes)
    a.path_regexes.push_back(deferred(r));
  for (const auto& r : in.regexes)
    a.regexes.push_back(deferred(r));
  a.stopwords = strings(in.stopwords);
  a.commits.insert(in.commits.begin(), in.commits.end());
  a.fingerprints.insert(in.fingerprints.begin(), in.fingerprints.end());
  return a;
}

} // namespace

RuleFile builtin_rule_file() {
  RuleFile out;
  auto table = builtin_rule_table();
  out.rules.reserve(table.size());
  for (const BuiltinRule& in : table) {
    Rule& r = out.rules.emplace_back();
    r.id = std::string(in.id);
    r.description = std::string(in.description);
    r.control = std::string(in.control);
    r.regex = deferred(in.regex);
    r.secret_group = in.secret_group;
    r.keywords = strings(in.keywords);
    r.entropy = in.entropy;
    r.min_length = in.min_length;
    r.paths = globs(in.paths);
    if (!in.path_regex.empty())
      r.path_regex = deferred(in.path_regex.front());
    for (const auto& a : in.allowlists)
      r.allowlists.push_back(allowlist(a));
    r.validator = in.validator;
    r.shapes_ok = in.shapes_ok;
    r.generic = in.generic;
    r.tier = in.tier;
    r.window_lines = in.window_lines;
    r.origin = std::string(in.origin);
  }
  for (const auto& a : builtin_allowlist_table())
    out.allowlists.push_back(allowlist(a));
  return out;
}

} // namespace custody::secrets
