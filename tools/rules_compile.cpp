// rules_compile: the build-time step that turns config/rules.toml into builtin_rules_table.cpp
// (see lib/secrets/builtin_rules.hpp). It loads the file with load_rule_text, the loader site rule
// files go through, so the table holds exactly what a run-time load would (minus the tp/fp
// examples) and a bad builtin rule fails the build, not a push.
//   rules_compile <rules.toml> <out.cpp>
// The output is rewritten only when its content changes, so touching rules.toml comments or any
// library source does not recompile the table.
#include "secrets/rule_file.hpp"
#include "util/file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

using namespace custody;
using namespace custody::secrets;

namespace {

// A C++ string_view expression for `s`: printable ASCII as is, everything else as octal escapes
// (three digits, so a following digit is never absorbed), and the length spelled out so NUL bytes
// survive.
std::string literal(std::string_view s) {
  std::string out = "std::string_view{\"";
  for (unsigned char c : s) {
    if (c == '\\' || c == '"')
      out += fmt::format("\\{}", static_cast<char>(c));
    else if (c >= 0x20 && c < 0x7f)
      out += static_cast<char>(c);
    else
      out += fmt::format("\\{:03o}", c);
  }
  out += fmt::format("\", {}}}", s.size());
  return out;
}

std::string number(double d) {
  std::string s = fmt::format("{}", d);
  if (s.find_first_of(".e") == std::string::npos)
    s += ".0";
  return s;
}

class Writer {
public:
  std::string text() const { return m_decls.str() + m_body.str(); }

  // Defines a named array (in the anonymous namespace) and returns its name, or "{}" if empty.
  template <typename Range, typename Fn>
  std::string array(const std::string& type, const std::string& name, const Range& items, Fn fn) {
    if (items.empty())
      return "{}";
    m_decls << "constexpr " << type << " " << name << "[] = {\n";
    for (const auto& item : items)
      m_decls << "    " << fn(item) << ",\n";
    m_decls << "};\n";
    return name;
  }

  std::string strings(const std::string& name, const std::vector<std::string>& items) {
    return array("std::string_view", name, items, [](const std::string& s) { return literal(s); });
  }

  std::string globs(const std::string& name, const std::vector<util::Glob>& items) {
    return array("std::string_view", name, items,
                 [](const util::Glob& g) { return literal(g.pattern()); });
  }

  std::string regexes(const std::string& name, const std::vector<util::Regex>& items) {
    return array("BuiltinRegex", name, items, [](const util::Regex& r) { return regex(r); });
  }

  static std::string regex(const util::Regex& r) {
    const auto& o = r.options();
    return fmt::format("BuiltinRegex{{{}, {}, {}, {}, {}}}", literal(r.pattern()),
                       o.case_mode == util::RegexCase::insensitive, o.multiline, o.match_limit,
                       o.depth_limit);
  }

  std::string allowlists(const std::string& name, const std::vector<Allowlist>& lists) {
    std::vector<std::string> inits;
    for (size_t i = 0; i < lists.size(); ++i) {
      const Allowlist& a = lists[i];
      std::string p = fmt::format("{}_{}", name, i);
      std::vector<std::string> commits(a.commits.begin(), a.commits.end());
      std::vector<std::string> fingerprints(a.fingerprints.begin(), a.fingerprints.end());
      inits.push_back(fmt::format(
          "BuiltinAllowlist{{.description = {}, .condition = Condition::{}, .target = "
          "RegexTarget::{}, .paths = {}, .path_regexes = {}, .regexes = {}, .stopwords = {}, "
          ".commits = {}, .fingerprints = {}}}",
          literal(a.description), a.condition == Condition::all ? "all" : "any",
          a.target == RegexTarget::match  ? "match"
          : a.target == RegexTarget::line ? "line"
                                          : "secret",
          globs(p + "_paths", a.paths), regexes(p + "_path_regexes", a.path_regexes),
          regexes(p + "_regexes", a.regexes), strings(p + "_stopwords", a.stopwords),
          strings(p + "_commits", commits), strings(p + "_fingerprints", fingerprints)));
    }
    return array("BuiltinAllowlist", name, inits, [](const std::string& s) { return s; });
  }

  std::string rule(size_t index, const Rule& r) {
    std::string p = fmt::format("k_rule{}", index);
    std::vector<util::Regex> path_regex;
    if (r.path_regex)
      path_regex.push_back(*r.path_regex);
    return fmt::format(
        "BuiltinRule{{.id = {}, .description = {}, .control = {}, .regex = {}, .secret_group = "
        "{}, .keywords = {}, .entropy = {}, .min_length = {}, .paths = {}, .path_regex = {}, "
        ".allowlists = {}, .validator = Validator::{}, .shapes_ok = {}, .generic = {}, "
        ".tier = Tier::{}, .window_lines = {}, .origin = {}}}",
        literal(r.id), literal(r.description), literal(r.control), regex(r.regex), r.secret_group,
        strings(p + "_keywords", r.keywords), number(r.entropy), r.min_length,
        globs(p + "_paths", r.paths), regexes(p + "_path_regex", path_regex),
        allowlists(p + "_allowlists", r.allowlists),
        r.validator == Validator::crc32_base62            ? "crc32_base62"
        : r.validator == Validator::crc32_base62_mismatch ? "crc32_base62_mismatch"
                                                          : "none",
        r.shapes_ok, r.generic, tier_name(r.tier), r.window_lines, literal(r.origin));
  }

  std::ostringstream m_decls;
  std::ostringstream m_body;
};

std::string generate(const RuleFile& file, const std::string& source) {
  Writer w;
  w.m_decls << "// Generated from " << source
            << " by tools/rules_compile.cpp at build time: do not edit.\n"
               "#include \"secrets/builtin_rules.hpp\"\n\n"
               "namespace custody::secrets {\n\nnamespace {\n\n";
  std::vector<std::string> rules;
  for (size_t i = 0; i < file.rules.size(); ++i)
    rules.push_back(w.rule(i, file.rules[i]));
  std::string table = w.array("BuiltinRule", "k_rules", rules, [](const auto& s) { return s; });
  std::string lists = w.allowlists("k_file_allowlists", file.allowlists);
  w.m_body << "\n} // namespace\n\n"
           << "std::span<const BuiltinRule> builtin_rule_table() {\n"
           << "  return " << (table == "{}" ? "{}" : table) << ";\n}\n\n"
           << "std::span<const BuiltinAllowlist> builtin_allowlist_table() {\n"
           << "  return " << lists << ";\n}\n\n"
           << "} // namespace custody::secrets\n";
  return w.text();
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: rules_compile <rules.toml> <out.cpp>\n";
    return 2;
  }
  auto text = util::read_file(argv[1]);
  if (!text) {
    std::cerr << "rules_compile: " << argv[1] << ": " << text.error().message << "\n";
    return 1;
  }
  if (detect_rule_format(*text) != RuleFormat::custody) {
    std::cerr << argv[1] << ": the builtin rules must be in custody's [[rule]] format\n";
    return 1;
  }
  config::Diagnostics errors;
  RuleFile file = load_rule_text(*text, "<builtin rules>", errors);
  if (!errors.empty() || !file.notes.empty()) {
    for (const auto& e : errors)
      std::cerr << argv[1] << ": " << e.to_string() << "\n";
    for (const auto& n : file.notes)
      std::cerr << argv[1] << ": " << n << "\n";
    return 1;
  }
  std::string out = generate(file, "config/rules.toml");
  if (auto old = util::read_file(argv[2]); old && *old == out)
    return 0;
  std::ofstream f(argv[2], std::ios::binary | std::ios::trunc);
  f << out;
  if (!f.flush()) {
    std::cerr << "rules_compile: cannot write " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
