// Rule explanations with verified passing examples; see explain.hpp.
#include "schema/explain.hpp"

#include "schema/evaluate.hpp"
#include "schema/schema_config.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace custody::schema {

namespace {

struct Builtin {
  const char* id;
  const char* text;
};

constexpr Builtin k_builtins[] = {
    {"malformed",
     "A line that names a schema key (e.g. \"Reviewed By: ...\", \"reviewed_by = ...\", or a\n"
     "\"Reviewed-By:\" line outside the trailer block) but that git does not read as a trailer.\n"
     "git reads trailers only from the last paragraph, when every line of it is \"Key: value\"\n"
     "with a key of letters, digits and '-'."},
    {"value", "A trailer whose key has a type in [trailers.keys] but whose value does not fit it:\n"
              "identity = \"Name <email>\", email, iso8601 (2025-01-31 or 2025-01-31T14:30:00Z), "
              "enum, regex."},
    {"self-review", "A reviewer trailer naming the commit's author (compared by email): nobody "
                    "reviews their own change."},
    {"agent-reviewer",
     "A reviewer trailer naming an agent account ([agents] accounts/emails): a review must come\n"
     "from a human."},
    {"future-date",
     "A date trailer with not_future (Review-Date) later than now plus future_skew_seconds."},
    {"unreadable",
     "The server could not read the commits a push brings to a protected ref, so it refuses\n"
     "rather than accept unchecked commits (fail closed)."},
};

// A path that a glob matches, for examples: "**/auth/**" → "src/auth/session.go".
std::string sample_path(const std::string& glob) {
  std::string out;
  for (size_t i = 0; i < glob.size(); ++i) {
    if (glob.compare(i, 3, "**/") == 0) {
      out += "src/";
      i += 2;
    } else if (glob.compare(i, 2, "**") == 0) {
      out += "session.go";
      ++i;
    } else if (glob[i] == '*' || glob[i] == '?') {
      out += "x";
    } else if (glob[i] != '\\' && glob[i] != '[' && glob[i] != ']') {
      out += glob[i];
    }
  }
  return out;
}

std::string condition_text(const Condition& when, const SchemaConfig& s) {
  std::vector<std::string> parts;
  if (when.ai_assisted)
    parts.push_back(*when.ai_assisted
                        ? fmt::format("the commit is AI-assisted (it has {} or an agent author, "
                                      "committer or {})",
                                      s.ai_assisted.trailer, s.co_author_key)
                        : "the commit is not AI-assisted");
  if (when.agent_identity)
    parts.push_back(
        *when.agent_identity
            ? fmt::format(
                  "its author, committer or a {} is an agent ([agents]), or it is made inside "
                  "an agent session ([agents] session_env)",
                  s.co_author_key)
            : "no agent is involved");
  for (const auto& k : when.trailers)
    parts.push_back(fmt::format("it has a {} trailer", k));
  if (!when.paths.empty()) {
    std::vector<std::string> g;
    for (const auto& p : when.paths)
      g.push_back(p.pattern());
    parts.push_back(fmt::format("it changes a path matching {}", util::join(g, ", ")));
  }
  if (!when.refs.empty()) {
    std::vector<std::string> g;
    for (const auto& p : when.refs)
      g.push_back(p.pattern());
    parts.push_back(fmt::format("it is pushed to a ref matching {}", util::join(g, ", ")));
  }
  if (when.protected_ref)
    parts.push_back(*when.protected_ref ? "it reaches a protected ref ([refs] protected)"
                                        : "it reaches an unprotected ref");
  return parts.empty() ? "always" : util::join(parts, ";\n      ");
}

std::string example_value(const SchemaConfig& s, const std::string& key, int64_t now) {
  if (util::iequals(key, s.ai_assisted.trailer))
    return "claude-code/opus-4";
  const KeySpec* spec = s.key_spec(key);
  switch (spec ? spec->type : ValueType::text) {
  case ValueType::identity:
    return k_example_reviewer;
  case ValueType::email:
    return "jane@example.com";
  case ValueType::iso8601:
    return util::format_utc_seconds(now).substr(0, 10);
  case ValueType::enumeration:
    return spec->values.front();
  default:
    return "see ticket ABC-123";
  }
}

std::string explain_config_rule(const config::Config& config, const Rule& rule, int64_t now) {
  const auto& s = config.get<SchemaConfig>();
  std::string out =
      fmt::format("trailers.{} (SOC 2 CC8.1)\n  {}\n\n  applies when {}\n\n  requires:\n", rule.id,
                  rule.description.empty() ? "(no description)" : rule.description,
                  condition_text(rule.when, s));
  std::vector<std::string> trailers;
  if (rule.when.ai_assisted.value_or(false) || rule.when.agent_identity.value_or(false))
    trailers.push_back(
        fmt::format("{}: {}", s.ai_assisted.trailer, example_value(s, s.ai_assisted.trailer, now)));
  for (const auto& k : rule.when.trailers)
    trailers.push_back(fmt::format("{}: {}", k, example_value(s, k, now)));
  static const char* reviewers[] = {k_example_reviewer, "John Roe <john@example.com>",
                                    "Kim Lee <kim@example.com>"};
  if (rule.min_reviewers > 0) {
    out += fmt::format(
        "    - {} distinct human reviewer{} ({}): a valid \"Name <email>\", not the author, not an "
        "agent;\n      a reviewed merge commit in the same push covers the commits it merges\n",
        rule.min_reviewers, rule.min_reviewers == 1 ? "" : "s", reviewer_keys_text(s));
    std::string key = s.reviewer_keys.empty() ? "Reviewed-By" : s.reviewer_keys.front();
    for (int64_t i = 0; i < rule.min_reviewers && i < 3; ++i)
      trailers.push_back(fmt::format("{}: {}", key, reviewers[i]));
  }
  for (const auto& k : rule.require) {
    const KeySpec* spec = s.key_spec(k);
    out += fmt::format("    - a {} trailer{}\n", k,
                       spec ? fmt::format(" ({}{})", value_type_name(spec->type),
                                          spec->not_future ? ", not in the future" : "")
                            : "");
    std::string t = fmt::format("{}: {}", k, example_value(s, k, now));
    if (std::find(trailers.begin(), trailers.end(), t) == trailers.end())
      trailers.push_back(t);
  }
  for (const auto& [k, n] : rule.min_distinct) {
    out += fmt::format("    - at least {} distinct {} values\n", n, k);
    for (int64_t i = 0; i < n && i < 3; ++i)
      trailers.push_back(fmt::format("{}: {}", k, reviewers[i]));
  }
  out += fmt::format("  at commit time (commit-msg): {}\n",
                     rule.when.refs.empty() && !rule.when.protected_ref ? "an error"
                     : rule.commit_time == CommitTime::error            ? "an error"
                                                             : "a warning; the server enforces it");

  // Check the example with the evaluator, with the rule's condition made true; add what other
  // rules that then apply ask for too, so the example passes the whole schema.
  CommitFacts facts;
  facts.id = std::string(40, 'a');
  facts.author = {"Alice Developer", "alice@example.com", now};
  facts.committer = facts.author;
  facts.now = now;
  facts.changed_paths = std::vector<std::string>{};
  for (const auto& g : rule.when.paths)
    facts.changed_paths->push_back(sample_path(g.pattern()));
  facts.target_ref =
      rule.when.refs.empty() ? "refs/heads/main" : sample_path(rule.when.refs.front().pattern());
  facts.target_protected = rule.when.protected_ref.value_or(true);
  std::string message;
  Evaluation ev;
  for (int round = 0; round < 4; ++round) {
    message = "Add token refresh to the session handler\n\nThe refresh runs before expiry.\n\n";
    for (const auto& t : trailers)
      message += t + "\n";
    facts.message = message;
    ev = evaluate_commit(config, facts, Stage::server);
    bool added = false;
    for (const auto& f : ev.findings)
      for (auto t : f.missing_trailers) {
        if (t.size() > 14 && t.substr(t.size() - 14) == "<tool>/<model>")
          t = t.substr(0, t.size() - 14) + "claude-code/opus-4";
        if (std::find(trailers.begin(), trailers.end(), t) == trailers.end()) {
          trailers.push_back(t);
          added = true;
        }
      }
    if (!added)
      break;
  }
  out += fmt::format("\n  example that passes ({}):\n",
                     ev.errors() == 0 ? "checked" : "NOT passing with this configuration");
  for (const auto& line : util::split(message, '\n'))
    out += fmt::format("    | {}\n", line);
  while (out.size() > 7 && out.substr(out.size() - 7) == "    | \n")
    out.resize(out.size() - 7);
  return out;
}

} // namespace

std::vector<std::string> explainable_rules(const config::Config& config) {
  std::vector<std::string> ids;
  for (const auto& r : config.get<SchemaConfig>().rules)
    ids.push_back("trailers." + r.id);
  for (const auto& b : k_builtins)
    ids.push_back(std::string("trailers.") + b.id);
  return ids;
}

std::optional<std::string> explain_rule(const config::Config& config, std::string_view rule,
                                        int64_t now) {
  std::string id(rule);
  if (id.rfind("trailers.", 0) == 0)
    id = id.substr(9);
  if (const Rule* r = config.get<SchemaConfig>().rule(id))
    return explain_config_rule(config, *r, now);
  for (const auto& b : k_builtins)
    if (id == b.id)
      return fmt::format("trailers.{} (SOC 2 CC8.1)\n  {}\n", b.id, b.text);
  return std::nullopt;
}

std::vector<policy::RuleDoc> rule_docs(const config::Config& config, int64_t now) {
  std::vector<policy::RuleDoc> out;
  for (auto& id : explainable_rules(config))
    if (auto text = explain_rule(config, id, now))
      out.push_back({std::move(id), std::move(*text)});
  return out;
}

} // namespace custody::schema
