// The [trailers] table: reads the trailer schema into SchemaConfig. Layers merge the way a site
// expects: scalars override, [trailers.keys."K"] replaces the spec of that key only, and
// [[trailers.rule]] entries replace the rule with the same id (or add a new one); a rule with
// `enabled = false` removes it. Every regex is compiled here, so a bad pattern is reported at
// its file:line:col and never reaches a hook run. Unknown keys are errors (t.finish()).
#include "schema/config_section.hpp"

#include "util/strings.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace custody::schema {

using config::TableReader;

namespace {

const std::vector<std::string> k_type_names = {"text",    "identity", "email",
                                               "iso8601", "enum",     "regex"};

bool valid_key_name(std::string_view key) {
  if (key.empty())
    return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// A trailer key as git can parse it: letters, digits and '-'.
std::optional<std::string> key_name(TableReader& t, std::string_view field,
                                    const std::string& value) {
  if (valid_key_name(value))
    return value;
  t.error(
      field,
      fmt::format("{}.{}: \"{}\" is not a trailer key git can parse (use letters, digits and '-')",
                  t.dotted(), field, value));
  return std::nullopt;
}

void read_key_spec(TableReader& t, const std::string& key, KeySpec& spec) {
  spec.key = key;
  if (auto type = t.choice("type", k_type_names)) {
    auto index = std::find(k_type_names.begin(), k_type_names.end(), *type) - k_type_names.begin();
    spec.type = static_cast<ValueType>(index);
  }
  if (auto v = t.boolean("non_empty"))
    spec.non_empty = *v;
  if (auto v = t.strings("values"))
    spec.values = *v;
  if (auto v = t.string("pattern")) {
    auto regex = util::Regex::compile(*v);
    if (!regex)
      t.error("pattern", fmt::format("{}.pattern: {}", t.dotted(), regex.error().message));
    else
      spec.pattern = std::move(*regex);
  }
  if (auto v = t.boolean("not_author"))
    spec.not_author = *v;
  if (auto v = t.boolean("not_agent"))
    spec.not_agent = *v;
  if (auto v = t.boolean("not_future"))
    spec.not_future = *v;
  if (spec.type == ValueType::enumeration && spec.values.empty())
    t.error("type", fmt::format("{}: type \"enum\" needs a non-empty `values` list", t.dotted()));
  if (spec.type == ValueType::regex && !spec.pattern && !t.has("pattern"))
    t.error("type", fmt::format("{}: type \"regex\" needs a `pattern`", t.dotted()));
  t.finish();
}

void read_condition(TableReader& t, schema::Condition& when) {
  if (auto v = t.boolean("ai_assisted"))
    when.ai_assisted = *v;
  if (auto v = t.boolean("agent_identity"))
    when.agent_identity = *v;
  if (t.has("trailer"))
    if (auto v = t.string("trailer"))
      if (auto k = key_name(t, "trailer", *v))
        when.trailers = {*k};
  if (auto v = t.strings("trailers")) {
    for (const auto& k : *v)
      if (auto name = key_name(t, "trailers", k))
        when.trailers.push_back(*name);
  }
  if (t.has("paths")) {
    if (auto v = t.globs("paths", util::GlobSyntax::path_nocase))
      when.paths = std::move(*v);
    for (const auto& g : when.paths) // already valid: only the letters' case differs
      if (auto exact = util::Glob::compile(g.pattern(), util::GlobSyntax::path))
        when.paths_exact.push_back(std::move(*exact));
  }
  if (auto v = t.globs("refs", util::GlobSyntax::path))
    when.refs = std::move(*v);
  if (auto v = t.boolean("protected_ref"))
    when.protected_ref = *v;
  t.finish();
}

// Reads one [[trailers.rule]] into `rules` (replacing the rule with the same id).
void read_rule(TableReader& t, std::vector<Rule>& rules) {
  auto id = t.string("id");
  if (!id || id->empty()) {
    t.error("id", fmt::format("{}: every rule needs a non-empty `id`", t.dotted()));
    t.finish({"description", "when", "require", "min_distinct", "min_reviewers", "commit_time",
              "enabled"});
    return;
  }
  auto existing =
      std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == *id; });
  if (auto enabled = t.boolean("enabled"); enabled && !*enabled) {
    if (existing != rules.end())
      rules.erase(existing);
    t.finish({"description", "when", "require", "min_distinct", "min_reviewers", "commit_time"});
    return;
  }
  Rule rule;
  rule.id = *id;
  if (auto v = t.string("description"))
    rule.description = *v;
  if (auto when = t.table("when"))
    read_condition(*when, rule.when);
  if (auto v = t.strings("require"))
    for (const auto& k : *v)
      if (auto name = key_name(t, "require", k))
        rule.require.push_back(*name);
  if (auto table = t.table("min_distinct")) {
    for (const auto& k : table->keys())
      if (auto n = table->integer(k, 1, 100))
        if (auto name = key_name(*table, k, k))
          rule.min_distinct.emplace_back(*name, *n);
  }
  if (auto v = t.integer("min_reviewers", 0, 100))
    rule.min_reviewers = *v;
  if (auto v = t.choice("commit_time", {"warn", "error"}))
    rule.commit_time = *v == "error" ? schema::CommitTime::error : schema::CommitTime::warn;
  t.finish();
  if (existing != rules.end())
    *existing = std::move(rule);
  else
    rules.push_back(std::move(rule));
}

void read_exempt_before(TableReader& t, schema::SchemaConfig& s) {
  auto v = t.string("exempt_before");
  if (!v)
    return;
  s.exempt_before_time.reset();
  s.exempt_before_commit.clear();
  if (v->empty())
    return;
  if (v->size() == 40 && util::is_hex(*v)) {
    s.exempt_before_commit = util::to_lower(*v);
  } else if (auto t0 = util::parse_iso8601(*v)) {
    s.exempt_before_time = *t0;
  } else {
    t.error("exempt_before", fmt::format("trailers.exempt_before must be an ISO 8601 date "
                                         "(2025-01-31) or a full 40-hex commit id, "
                                         "not \"{}\"",
                                         *v));
  }
}

} // namespace

void apply_section(TableReader& t, config::Config& c) {
  auto& s = c.edit<SchemaConfig>();
  if (auto v = t.strings("reviewer_keys")) {
    std::vector<std::string> keys;
    for (const auto& k : *v)
      if (auto name = key_name(t, "reviewer_keys", k))
        keys.push_back(*name);
    s.reviewer_keys = keys;
  }
  if (auto v = t.string("review_date_key"))
    if (auto name = key_name(t, "review_date_key", *v))
      s.review_date_key = *name;
  if (auto v = t.string("co_author_key"))
    if (auto name = key_name(t, "co_author_key", *v))
      s.co_author_key = *name;
  if (auto v = t.integer("future_skew_seconds", 0, 366LL * 86400))
    s.future_skew_seconds = *v;
  if (auto v = t.boolean("paths_case_sensitive"))
    s.paths_case_sensitive = *v;
  if (auto v = t.choice("min_review_assurance", assurance_names()))
    s.min_review_assurance = *parse_assurance(*v);
  read_exempt_before(t, s);
  if (auto ai = t.table("ai_assisted")) {
    if (auto v = ai->string("trailer")) {
      if (v->empty())
        s.ai_assisted.trailer.clear();
      else if (auto name = key_name(*ai, "trailer", *v))
        s.ai_assisted.trailer = *name;
    }
    if (auto v = ai->boolean("agent_identity"))
      s.ai_assisted.agent_identity = *v;
    ai->finish();
  }
  if (auto keys = t.table("keys")) {
    for (const auto& k : keys->keys()) {
      auto sub = keys->table(k);
      if (!sub || !key_name(*keys, k, k))
        continue;
      KeySpec spec;
      read_key_spec(*sub, k, spec);
      auto it = std::find_if(s.keys.begin(), s.keys.end(),
                             [&](const KeySpec& x) { return util::iequals(x.key, k); });
      if (it != s.keys.end())
        *it = std::move(spec);
      else
        s.keys.push_back(std::move(spec));
    }
    keys->finish();
  }
  if (auto rules = t.tables("rule"))
    for (auto& r : *rules)
      read_rule(r, s.rules);
  t.finish();
}

} // namespace custody::schema
