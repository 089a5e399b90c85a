// gitleaks → custody rules. Mapping:
//   [[rules]] id, description, regex, secretGroup, entropy, keywords, path (a regex), tags;
//       the tier is derived (imported_tier)
//   [rules.allowlist] / [[rules.allowlists]] description, condition (OR|AND), regexTarget,
//       regexes, paths (regexes), stopwords, commits
//   [allowlist] / [[allowlists]] the same, file-wide; `targetRules` attaches it to those rules
// Not honoured (reported): [extend] (gitleaks' own default rule set is not bundled: custody's
// builtin rules play that part), [[rules.required]] composite rules, skipReport, unknown keys,
// regexes PCRE2 rejects. gitleaks has no SOC 2 mapping: imported rules evidence CC6.1.
#include "secrets/gitleaks_import.hpp"

#include "config/document.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace custody::secrets {

namespace {

// gitleaks has no tiers. A rule anchored on keywords that names one provider's format (most of
// gitleaks' rules: a fixed prefix, or a provider keyword next to a fixed-shape value) blocks; its
// generic rules (ids containing "generic", gitleaks' generic-api-key) and rules without keywords
// (entropy guesses over every blob) only warn. docs/secrets.md, "Tiers".
Tier imported_tier(const Rule& r) {
  if (r.keywords.empty() || util::to_lower(r.id).find("generic") != std::string::npos)
    return Tier::warn;
  return Tier::block;
}

struct Importer {
  std::string file;
  RuleFile out;

  void note(int line, const std::string& what) {
    out.notes.push_back(fmt::format("{}:{}: {}", file, line, what));
  }

  std::optional<util::Regex> regex(config::TableReader& t, const std::string& pattern,
                                   const std::string& what) {
    auto r = util::Regex::compile(pattern);
    if (!r) {
      note(t.line(), fmt::format("{}: {} not honoured: {}", t.dotted(), what, r.error().message));
      return std::nullopt;
    }
    return std::move(r.value());
  }

  Allowlist allowlist(config::TableReader& t, std::vector<std::string>* target_rules) {
    Allowlist a;
    a.description = t.string("description").value_or("");
    if (auto c = t.string("condition"))
      a.condition = util::iequals(*c, "AND") ? Condition::all : Condition::any;
    if (auto target = t.string("regexTarget"))
      a.target = *target == "match"  ? RegexTarget::match
                 : *target == "line" ? RegexTarget::line
                                     : RegexTarget::secret;
    for (const auto& p : t.strings("regexes").value_or(std::vector<std::string>{}))
      if (auto r = regex(t, p, "allowlist regex"))
        a.regexes.push_back(std::move(*r));
    for (const auto& p : t.strings("paths").value_or(std::vector<std::string>{}))
      if (auto r = regex(t, p, "allowlist path"))
        a.path_regexes.push_back(std::move(*r));
    for (const auto& s : t.strings("stopwords").value_or(std::vector<std::string>{}))
      a.stopwords.push_back(util::to_lower(s));
    for (const auto& c : t.strings("commits").value_or(std::vector<std::string>{}))
      a.commits.insert(c);
    auto targets = t.strings("targetRules");
    if (targets && target_rules)
      *target_rules = *targets;
    else if (targets)
      note(t.line(),
           fmt::format("{}.targetRules is only meaningful in a top-level allowlist; ignored",
                       t.dotted()));
    return a;
  }

  void rule(config::TableReader& t) {
    Rule r;
    r.origin = fmt::format("{}:{}", file, t.line());
    r.id = t.string("id").value_or("");
    r.description = t.string("description").value_or(r.id);
    r.control = "CC6.1";
    if (r.id.empty()) {
      note(t.line(), fmt::format("{}: rule without an id skipped", t.dotted()));
      return;
    }
    r.secret_group = static_cast<int>(t.integer("secretGroup", 0, 99).value_or(0));
    r.entropy = t.number("entropy", 0, 8).value_or(0);
    for (const auto& k : t.strings("keywords").value_or(std::vector<std::string>{}))
      r.keywords.push_back(util::to_lower(k));
    (void)t.strings("tags");
    if (auto p = t.string("path")) {
      auto pr = regex(t, *p, fmt::format("path of rule \"{}\"", r.id));
      if (!pr)
        return;
      r.path_regex = std::move(*pr);
    }
    if (auto a = t.table("allowlist"))
      r.allowlists.push_back(allowlist(*a, nullptr)), a->finish();
    if (auto lists = t.tables("allowlists"))
      for (auto& a : *lists)
        r.allowlists.push_back(allowlist(a, nullptr)), a.finish();
    if (t.has("required")) {
      (void)t.tables("required");
      note(t.line(), fmt::format("rule \"{}\": composite [[rules.required]] not honoured; the "
                                 "primary regex alone is used",
                                 r.id));
    }
    if (t.has("skipReport")) {
      (void)t.boolean("skipReport");
      note(t.line(),
           fmt::format("rule \"{}\": skipReport not honoured; the rule is skipped", r.id));
      return;
    }
    auto pattern = t.string("regex");
    if (!pattern) {
      note(t.line(),
           fmt::format("rule \"{}\" has no regex (path-only rules are not supported); skipped",
                       r.id));
      return;
    }
    auto compiled = regex(t, *pattern, fmt::format("regex of rule \"{}\"", r.id));
    if (!compiled)
      return;
    r.regex = std::move(*compiled);
    r.tier = imported_tier(r);
    if (r.secret_group > r.regex.group_count()) {
      note(t.line(), fmt::format("rule \"{}\": secretGroup {} but the regex has {} groups; skipped",
                                 r.id, r.secret_group, r.regex.group_count()));
      return;
    }
    out.rules.push_back(std::move(r));
  }
};

} // namespace

RuleFile import_gitleaks(std::string_view text, const std::string& file,
                         config::Diagnostics& errors) {
  Importer imp{file, {}};
  config::read_document(text, file, errors, [&](config::TableReader& root) {
    (void)root.string("title");
    if (auto extend = root.table("extend")) {
      imp.note(
          extend->line(),
          "[extend] not honoured: gitleaks' default rules are not bundled (custody's builtin rules "
          "apply instead, with `rules = [\"builtin\", ...]`)");
      (void)extend->boolean("useDefault");
      (void)extend->string("path");
      (void)extend->strings("disabledRules");
    }
    if (auto rules = root.tables("rules"))
      for (auto& t : *rules) {
        imp.rule(t);
        t.finish({"allowlist", "allowlists", "required", "skipReport"});
      }
    std::vector<std::pair<Allowlist, std::vector<std::string>>> globals;
    if (auto a = root.table("allowlist")) {
      std::vector<std::string> targets;
      globals.emplace_back(imp.allowlist(*a, &targets), targets);
      a->finish();
    }
    if (auto lists = root.tables("allowlists"))
      for (auto& a : *lists) {
        std::vector<std::string> targets;
        globals.emplace_back(imp.allowlist(a, &targets), targets);
        a.finish();
      }
    for (auto& [list, targets] : globals) {
      if (targets.empty()) {
        imp.out.allowlists.push_back(std::move(list));
        continue;
      }
      for (const auto& id : targets) {
        auto it = std::find_if(imp.out.rules.begin(), imp.out.rules.end(),
                               [&](const Rule& r) { return r.id == id; });
        if (it == imp.out.rules.end())
          imp.note(0, fmt::format("allowlist targetRules names unknown rule \"{}\"; ignored for it",
                                  id));
        else
          it->allowlists.push_back(list);
      }
    }
    root.finish();
  });
  // Unknown keys were reported by finish() into `errors`; in a gitleaks file they are notes.
  for (auto it = errors.begin(); it != errors.end();) {
    if (it->file == file && it->message.starts_with("unknown key")) {
      imp.out.notes.push_back(fmt::format("{}:{}: {} (not a key custody honours; ignored)",
                                          it->file, it->line, it->message));
      it = errors.erase(it);
    } else {
      ++it;
    }
  }
  return std::move(imp.out);
}

} // namespace custody::secrets
