// The schema verdict for one commit; see evaluate.hpp for what is checked and why.
#include "schema/evaluate.hpp"

#include "identity/agents_config.hpp"
#include "identity/identity.hpp"
#include "trailers/lines.hpp"
#include "util/strings.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace custody::schema {

namespace {

enum class Tri { no, yes, unknown };

// A review date must not precede the work it reviews: not before the commit's author date by
// more than a day (clocks and zones differ; a date-only Review-Date counts as the end of that
// UTC day), and never before 2000-01-01, which no custody review can carry.
constexpr int64_t k_review_before_author_skew = 86400;
constexpr int64_t k_earliest_review = 946684800; // 2000-01-01T00:00:00Z

bool has_key(const std::vector<trailers::Trailer>& ts, std::string_view key) {
  return std::any_of(ts.begin(), ts.end(),
                     [&](const auto& t) { return util::iequals(t.key, key); });
}

bool is_reviewer_key(const SchemaConfig& s, std::string_view key) {
  return std::any_of(s.reviewer_keys.begin(), s.reviewer_keys.end(),
                     [&](const auto& k) { return util::iequals(k, key); });
}

// The canonical spelling of every key the schema talks about, for malformed-line detection.
std::vector<std::string> known_keys(const SchemaConfig& s) {
  std::vector<std::string> keys = s.reviewer_keys;
  keys.push_back(s.review_date_key);
  keys.push_back(s.co_author_key);
  if (!s.ai_assisted.trailer.empty())
    keys.push_back(s.ai_assisted.trailer);
  for (const auto& k : s.keys)
    keys.push_back(k.key);
  for (const auto& r : s.rules) {
    keys.insert(keys.end(), r.require.begin(), r.require.end());
    for (const auto& [k, n] : r.min_distinct)
      keys.push_back(k);
  }
  return keys;
}

std::string normalise_key(std::string_view prefix) {
  std::string out = util::to_lower(util::trim(prefix));
  for (char& c : out)
    if (c == ' ' || c == '_' || c == '\t')
      c = '-';
  return out;
}

bool valid_key_chars(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

class Evaluator {
public:
  Evaluator(const config::Config& config, const CommitFacts& facts, Stage stage)
      : m_config(config), m_schema(config.get<SchemaConfig>()),
        m_dir(identity::Directory::of(config)), m_facts(facts), m_stage(stage) {}

  Evaluation run() {
    auto block = trailers::parse_trailers(m_facts.message, {trailers::Divider::ignore, '#'});
    m_eval.trailers = std::move(block.trailers);
    check_malformed(block);
    classify();
    check_values();
    add_covering_review();
    for (const auto& rule : m_schema.rules)
      check_rule(rule);
    return std::move(m_eval);
  }

private:
  const config::Config& m_config;
  const SchemaConfig& m_schema;
  identity::Directory m_dir;
  const CommitFacts& m_facts;
  Stage m_stage;
  Evaluation m_eval;
  // key (lowercase) → distinct valid values (lowercase)
  std::vector<std::pair<std::string, std::set<std::string>>> m_valid_values;

  void add(Severity severity, std::string rule, std::string message,
           std::vector<std::string> fixes = {}) {
    m_eval.findings.push_back(
        {severity, "trailers." + rule, std::move(message), std::move(fixes), {}});
  }

  std::string today() const { return util::format_utc_seconds(m_facts.now).substr(0, 10); }

  // 1. Lines that name a schema key but are not parsed as trailers.
  void check_malformed(const trailers::TrailerBlock& block) {
    std::vector<std::pair<std::string, std::string>> known; // normalised → canonical
    for (const auto& k : known_keys(m_schema))
      known.emplace_back(normalise_key(k), k);
    std::string_view text = m_facts.message;
    text = text.substr(0, text.find('\0'));
    size_t line_no = 0;
    for (size_t pos = 0; pos < text.size(); pos = trailers::next_line(text, pos)) {
      ++line_no;
      std::string_view line = text.substr(pos, trailers::next_line(text, pos) - pos);
      if (line_no == 1 || (pos >= block.begin && pos < block.end) || line.front() == '#')
        continue;
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
      size_t sep = line.find_first_of(":=");
      if (sep == std::string_view::npos)
        continue;
      std::string norm = normalise_key(line.substr(0, sep));
      auto it =
          std::find_if(known.begin(), known.end(), [&](const auto& k) { return k.first == norm; });
      if (it == known.end())
        continue;
      std::string_view key = line.substr(0, sep);
      bool well_formed =
          line[sep] == ':' && valid_key_chars(util::trim(key)) && !key.empty() &&
          key.front() != ' ' && key.front() != '\t' &&
          key.find_first_not_of(" \t", util::trim(key).size()) == std::string_view::npos;
      std::string why =
          well_formed
              ? "it is not in the trailer block (the last paragraph, after a blank line, with "
                "every "
                "line a trailer)"
              : fmt::format("a trailer is \"Key: value\" at the start of a line, the key made of "
                            "letters, digits and '-' (\"{}\")",
                            it->second);
      add(Severity::error, "malformed",
          fmt::format("line {}: \"{}\" is not read as a trailer by git: {}", line_no,
                      util::printable(line), why),
          {fmt::format("{}: {}", it->second, util::trim(line.substr(sep + 1)))});
    }
  }

  // AI-assisted and agent identity.
  void classify() {
    bool agent = m_dir.is_agent(m_facts.author.name, m_facts.author.email) ||
                 m_dir.is_agent(m_facts.committer.name, m_facts.committer.email) ||
                 (m_stage == Stage::commit_msg && m_facts.agent_session);
    for (const auto& t : m_eval.trailers) {
      if (!util::iequals(t.key, m_schema.co_author_key))
        continue;
      if (auto id = parse_identity(t.value); id && m_dir.is_agent(id->name, id->email))
        agent = true;
    }
    m_eval.agent_identity = agent;
    const auto& ai_key = m_schema.ai_assisted.trailer;
    if (!ai_key.empty())
      for (const auto& t : m_eval.trailers)
        if (util::iequals(t.key, ai_key)) {
          m_eval.ai_assisted = true;
          if (m_eval.ai_tool.empty())
            m_eval.ai_tool = t.value;
        }
    if (m_schema.ai_assisted.agent_identity && agent)
      m_eval.ai_assisted = true;
  }

  void note_valid(const std::string& key, const std::string& value) {
    std::string k = util::to_lower(key);
    auto it = std::find_if(m_valid_values.begin(), m_valid_values.end(),
                           [&](const auto& e) { return e.first == k; });
    if (it == m_valid_values.end())
      it = m_valid_values.insert(m_valid_values.end(), {k, {}});
    it->second.insert(util::to_lower(value));
  }

  size_t valid_count(const std::string& key) const {
    std::string k = util::to_lower(key);
    for (const auto& e : m_valid_values)
      if (e.first == k)
        return e.second.size();
    return 0;
  }

  // People constraints shared by trailer values and covering reviewers; returns true if OK.
  bool check_person(const KeySpec* spec, const std::string& key, const std::string& display,
                    const std::string& name, const std::string& email, bool report) {
    bool reviewer = is_reviewer_key(m_schema, key);
    bool ok = true;
    const auto& author = m_facts.author;
    if ((reviewer || (spec && spec->not_author)) &&
        m_dir.same_person(name, email, author.name, author.email)) {
      if (report && (!spec || spec->not_author))
        add(Severity::error, "self-review",
            fmt::format("{}: {} is the commit's author{}; a review must come from someone else",
                        key, display, same_as(email, author)));
      ok = false;
    }
    if (reviewer || (spec && spec->not_agent)) {
      if (auto why = m_dir.agent_reason(name, email); !why.empty()) {
        if (report && (!spec || spec->not_agent))
          add(Severity::error, "agent-reviewer",
              fmt::format("{}: {} is an agent account ({}); a review must come from a human", key,
                          display, why));
        ok = false;
      }
    }
    return ok;
  }

  // " (the same person as NAME <EMAIL>)" when the reviewer is the author under another spelling.
  std::string same_as(const std::string& email, const git::Signature& author) const {
    if (util::iequals(email, author.email))
      return "";
    std::string out = fmt::format(" (the same person as {} <{}>", author.name, author.email);
    if (const auto* p = m_dir.person(author.name, author.email))
      out += fmt::format(", \"{}\" in [[people]]", p->name);
    return out + ")";
  }

  // One person counts once, whichever of their addresses or spellings each trailer uses, at the
  // strongest assurance any of them has.
  void add_reviewer(const std::string& key, const Identity& id, Assurance assurance) {
    for (auto& r : m_eval.reviewers)
      if (m_dir.same_person(id.name, id.email, r.identity.name, r.identity.email)) {
        r.assurance = std::max(r.assurance, assurance);
        return;
      }
    m_eval.reviewers.push_back({key, id, assurance});
  }

  // The merger of a platform merge is this commit's author: the pre-filled message was theirs
  // to edit, so its review lines prove nothing more than a trailer.
  // (A merge commit's author is the merger: its self-merges are judged per merged commit, in
  // push_check.cpp.)
  bool self_merge() const {
    return !m_facts.evidence.merge && is_self_merge(m_config, m_facts.evidence, m_facts.author);
  }

  // The key is in the platform's own spelling, in a message of the platform's own format.
  bool platform_format(const std::string& key) const {
    const auto& platform = m_facts.evidence.platform;
    if (platform == "gitea")
      return key == "Reviewed-by" && m_facts.message.find("\nReviewed-on: ") != std::string::npos;
    return platform == "gitlab" && key == "Approved-by";
  }

  Assurance assurance_of(const std::string& key, const Identity& id) const {
    const auto& ev = m_facts.evidence;
    if (const auto* p = m_dir.person(id.name, id.email);
        p && std::find(ev.signers.begin(), ev.signers.end(), p->name) != ev.signers.end())
      return Assurance::signed_;
    if (ev.platform.empty() && m_dir.is_account_of(ev.pusher_account, id.name, id.email))
      return Assurance::pusher;
    if (!ev.platform.empty() && platform_format(key) && !self_merge())
      return Assurance::platform;
    return Assurance::claimed;
  }

  // Why a review date `when` given in trailer `key` is too early to be true, or nullopt.
  std::optional<std::string> implausibly_early(std::string_view key, std::string_view value,
                                               int64_t when) const {
    if (!util::iequals(key, m_schema.review_date_key))
      return std::nullopt;
    if (when < k_earliest_review)
      return std::string("is before 2000-01-01; a review cannot be dated before it happened");
    const int64_t latest = value.size() == 10 ? when + 86399 : when; // "YYYY-MM-DD": that day
    if (m_facts.author.time > 0 && latest < m_facts.author.time - k_review_before_author_skew)
      return fmt::format("is before the commit was written (author date {}); a review cannot be "
                         "dated before the work it reviews",
                         util::format_utc_seconds(m_facts.author.time));
    return std::nullopt;
  }

  // 2. Every value against its key's spec.
  void check_values() {
    for (const auto& t : m_eval.trailers) {
      const KeySpec* spec = m_schema.key_spec(t.key);
      bool reviewer = is_reviewer_key(m_schema, t.key);
      if (!spec && !reviewer) {
        note_valid(t.key, t.value);
        continue;
      }
      const std::string& v = t.value;
      std::string shown = util::printable(v);
      if (v.empty()) {
        if (!spec || spec->non_empty)
          add(Severity::error, "value",
              fmt::format("{}: the value is empty{}", t.key, expectation(spec, t.key)),
              {example_trailer(t.key)});
        continue;
      }
      ValueType type = spec ? spec->type : ValueType::identity;
      bool ok = true;
      std::optional<Identity> id;
      switch (type) {
      case ValueType::text:
        break;
      case ValueType::identity:
        id = parse_identity(v);
        if (!id) {
          add(Severity::error, "value",
              fmt::format("{}: \"{}\" is not an identity{}", t.key, shown,
                          expectation(spec, t.key)),
              {example_trailer(t.key)});
          ok = false;
        }
        break;
      case ValueType::email:
        if (!is_email(v)) {
          add(Severity::error, "value",
              fmt::format("{}: \"{}\" is not an email address{}", t.key, shown,
                          expectation(spec, t.key)),
              {example_trailer(t.key)});
          ok = false;
        }
        break;
      case ValueType::iso8601: {
        auto when = util::parse_iso8601(v);
        if (!when) {
          add(Severity::error, "value",
              fmt::format("{}: \"{}\" is not an ISO 8601 date{}", t.key, shown,
                          expectation(spec, t.key)),
              {example_trailer(t.key)});
          ok = false;
        } else if (auto past = implausibly_early(t.key, v, *when)) {
          add(Severity::error, "past-date", fmt::format("{}: {} {}", t.key, shown, *past),
              {example_trailer(t.key)});
          ok = false;
        } else if (spec && spec->not_future && *when > m_facts.now + m_schema.future_skew_seconds) {
          add(Severity::error, "future-date",
              fmt::format("{}: {} is in the future (now is {}); a review cannot be dated before it "
                          "happened",
                          t.key, shown, util::format_utc_seconds(m_facts.now)),
              {example_trailer(t.key)});
          ok = false;
        }
        break;
      }
      case ValueType::enumeration:
        if (std::none_of(spec->values.begin(), spec->values.end(),
                         [&](const auto& a) { return util::iequals(a, v); })) {
          add(Severity::error, "value",
              fmt::format("{}: \"{}\" is not one of: {}", t.key, shown,
                          util::join(spec->values, ", ")),
              {example_trailer(t.key)});
          ok = false;
        }
        break;
      case ValueType::regex:
        if (!spec->pattern || !spec->pattern->search(v)) {
          bool limit = spec->pattern && spec->pattern->limit_hit();
          add(Severity::error, "value",
              fmt::format("{}: \"{}\" {} the pattern {}{}", t.key, shown,
                          limit ? "could not be checked against" : "does not match",
                          spec->pattern ? spec->pattern->pattern() : "(none)",
                          expectation(spec, t.key)),
              {example_trailer(t.key)});
          ok = false;
        }
        break;
      }
      if (!ok)
        continue;
      if (type == ValueType::identity || type == ValueType::email) {
        std::string email = id ? id->email : v;
        std::string name = id ? id->name : "";
        std::string display = id ? id->display() : v;
        if (!check_person(spec, t.key, display, name, email, true))
          continue;
        if (reviewer && id)
          add_reviewer(t.key, *id, assurance_of(t.key, *id));
      }
      note_valid(t.key, v);
    }
  }

  void add_covering_review() {
    const auto& covering = m_facts.covering_reviewers;
    for (size_t i = 0; i < covering.size(); ++i)
      if (check_person(nullptr, "Reviewed-By", covering[i].display(), covering[i].name,
                       covering[i].email, false))
        add_reviewer("merge " + m_facts.covered_by.substr(0, 7), covering[i],
                     i < m_facts.covering_assurance.size() ? m_facts.covering_assurance[i]
                                                           : Assurance::claimed);
    for (const auto& t : m_eval.trailers)
      if (util::iequals(t.key, m_schema.review_date_key) && valid_count(t.key) > 0) {
        m_eval.review_date = t.value;
        break;
      }
    if (m_eval.review_date.empty())
      m_eval.review_date = m_facts.covering_review_date;
  }

  std::string expectation(const KeySpec* spec, const std::string& key) const {
    ValueType type = spec ? spec->type : ValueType::identity;
    switch (type) {
    case ValueType::identity:
      return fmt::format("; expected \"Name <email>\", e.g. \"{}: {}\"", key, k_example_reviewer);
    case ValueType::email:
      return "; expected an address like jane@example.com";
    case ValueType::iso8601:
      return fmt::format("; expected a date like {} or {}T14:30:00Z", today(), today());
    case ValueType::enumeration:
      return fmt::format("; expected one of: {}", util::join(spec->values, ", "));
    case ValueType::regex:
      if (util::iequals(key, m_schema.ai_assisted.trailer))
        return "; expected tool[/model][/version], e.g. \"claude-code/opus-4\"";
      return "";
    case ValueType::text:
      return "; expected some text";
    }
    return "";
  }

  std::string example_value(const std::string& key) const {
    const KeySpec* spec = m_schema.key_spec(key);
    if (util::iequals(key, m_schema.ai_assisted.trailer))
      return "<tool>/<model>";
    ValueType type = spec
                         ? spec->type
                         : (is_reviewer_key(m_schema, key) ? ValueType::identity : ValueType::text);
    switch (type) {
    case ValueType::identity:
      return k_example_reviewer;
    case ValueType::email:
      return "jane@example.com";
    case ValueType::iso8601:
      return today();
    case ValueType::enumeration:
      return spec->values.front();
    default:
      return "<value>";
    }
  }

  std::string canonical(const std::string& key) const {
    const KeySpec* spec = m_schema.key_spec(key);
    return spec ? spec->key : key;
  }

  std::string example_trailer(const std::string& key) const {
    return fmt::format("{}: {}", canonical(key), example_value(key));
  }

  Tri condition(const Condition& when, std::vector<std::string>& unknown_parts) const {
    Tri result = Tri::yes;
    auto combine = [&](Tri t) {
      if (t == Tri::no)
        result = Tri::no;
      else if (t == Tri::unknown && result == Tri::yes)
        result = Tri::unknown;
    };
    if (when.ai_assisted)
      combine(*when.ai_assisted == m_eval.ai_assisted ? Tri::yes : Tri::no);
    if (when.agent_identity)
      combine(*when.agent_identity == m_eval.agent_identity ? Tri::yes : Tri::no);
    for (const auto& k : when.trailers)
      combine(has_key(m_eval.trailers, k) ? Tri::yes : Tri::no);
    if (!when.paths.empty()) {
      if (!m_facts.changed_paths) {
        // Commit time: the staged paths are not examined (no repository walk in commit-msg), so
        // path-based rules are left to the server rather than warned about on every commit.
        combine(m_stage == Stage::commit_msg ? Tri::no : Tri::unknown);
        std::vector<std::string> globs;
        for (const auto& g : when.paths)
          globs.push_back(g.pattern());
        unknown_parts.push_back(fmt::format("if it changes {}", util::join(globs, ", ")));
      } else {
        const auto& globs = m_schema.paths_case_sensitive ? when.paths_exact : when.paths;
        bool any = std::any_of(m_facts.changed_paths->begin(), m_facts.changed_paths->end(),
                               [&](const auto& p) { return util::matches_any(globs, p); });
        combine(any ? Tri::yes : Tri::no);
      }
    }
    if (!when.refs.empty()) {
      if (!m_facts.target_ref) {
        combine(Tri::unknown);
        std::vector<std::string> globs;
        for (const auto& g : when.refs)
          globs.push_back(g.pattern());
        unknown_parts.push_back(fmt::format("on {}", util::join(globs, ", ")));
      } else {
        combine(util::matches_any(when.refs, *m_facts.target_ref) ? Tri::yes : Tri::no);
      }
    }
    if (when.protected_ref) {
      if (!m_facts.target_protected) {
        combine(Tri::unknown);
        unknown_parts.push_back(*when.protected_ref ? "on a protected ref"
                                                    : "on an unprotected ref");
      } else {
        combine(*m_facts.target_protected == *when.protected_ref ? Tri::yes : Tri::no);
      }
    }
    return result;
  }

  // 3. One rule.
  void check_rule(const Rule& rule) {
    std::vector<std::string> unknown_parts;
    Tri applies = condition(rule.when, unknown_parts);
    if (applies == Tri::no)
      return;
    std::vector<std::string> missing;
    std::vector<std::string> fixes;
    std::vector<std::string> hints;
    size_t have = m_eval.reviewers.size();
    const Assurance need = m_stage == Stage::server ? m_facts.min_assurance : Assurance::claimed;
    if (need != Assurance::claimed && have >= static_cast<size_t>(rule.min_reviewers))
      check_assurance(rule, need, missing, hints);
    if (have < static_cast<size_t>(rule.min_reviewers)) {
      std::string who =
          fmt::format("{}; not the author, not an agent", reviewer_keys_text(m_schema));
      if (rule.min_reviewers == 1)
        missing.push_back(fmt::format("a human reviewer ({})", who));
      else
        missing.push_back(
            fmt::format("{} distinct human reviewers ({}), has {}", rule.min_reviewers, who, have));
      static const char* examples[] = {k_example_reviewer, "John Roe <john@example.com>",
                                       "Kim Lee <kim@example.com>"};
      std::string key =
          m_schema.reviewer_keys.empty() ? "Reviewed-By" : m_schema.reviewer_keys.front();
      for (size_t i = have; i < static_cast<size_t>(rule.min_reviewers) && i < 3; ++i)
        fixes.push_back(fmt::format("{}: {}", key, examples[i]));
    }
    for (const auto& key : rule.require) {
      bool present =
          has_key(m_eval.trailers, key) ||
          (util::iequals(key, m_schema.review_date_key) && !m_facts.covering_review_date.empty());
      if (!present) {
        missing.push_back(fmt::format("the {} trailer", canonical(key)));
        fixes.push_back(example_trailer(key));
      }
    }
    for (const auto& [key, n] : rule.min_distinct) {
      size_t count = valid_count(key);
      if (count < static_cast<size_t>(n)) {
        missing.push_back(
            fmt::format("{} distinct valid {} values (has {})", n, canonical(key), count));
        fixes.push_back(example_trailer(key));
      }
    }
    if (missing.empty())
      return;
    std::string what =
        rule.description.empty() ? fmt::format("rule {}", rule.id) : rule.description;
    std::string message = fmt::format("{}; missing {}", what, util::join(missing, ", "));
    Severity severity = Severity::error;
    if (m_stage == Stage::commit_msg && applies == Tri::unknown) {
      severity = rule.commit_time == CommitTime::error ? Severity::error : Severity::warning;
      message += fmt::format(" (the server requires this {})", util::join(unknown_parts, " and "));
    }
    add(severity, rule.id, std::move(message), std::move(fixes));
    m_eval.findings.back().hints = std::move(hints);
  }

  // Enough reviewers, but are enough of them proven as strongly as required?
  void check_assurance(const Rule& rule, Assurance need, std::vector<std::string>& missing,
                       std::vector<std::string>& hints) const {
    size_t strong =
        static_cast<size_t>(std::count_if(m_eval.reviewers.begin(), m_eval.reviewers.end(),
                                          [&](const Reviewer& r) { return r.assurance >= need; }));
    if (strong >= static_cast<size_t>(rule.min_reviewers))
      return;
    std::vector<std::string> found;
    for (const auto& r : m_eval.reviewers)
      found.push_back(fmt::format("{} is {}", r.identity.display(), assurance_name(r.assurance)));
    missing.push_back(fmt::format("{} reviewer{} proven at assurance \"{}\" or stronger, has {} "
                                  "({})",
                                  rule.min_reviewers, rule.min_reviewers == 1 ? "" : "s",
                                  assurance_name(need), strong, util::join(found, ", ")));
    hints = assurance_hints(need);
  }
};

} // namespace

bool is_self_merge(const config::Config& config, const ReviewEvidence& evidence,
                   const git::Signature& author) {
  auto dir = identity::Directory::of(config);
  return dir.is_account_of(evidence.pusher_account, author.name, author.email) ||
         (!evidence.pusher_email.empty() &&
          dir.same_person("", evidence.pusher_email, "", author.email));
}

std::vector<std::string> assurance_hints(Assurance need) {
  switch (need) {
  case Assurance::signed_:
    return {
        "the reviewer signs with a key registered to them in [[people]] ssh_keys: "
        "git -c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 commit --amend --no-edit -S",
        "or the reviewer merges it with a signed merge commit carrying their trailer: "
        "git -c gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 merge --no-ff -S",
        "or the reviewer pushes it with a signed push certificate: git -c gpg.format=ssh -c "
        "user.signingkey=~/.ssh/id_ed25519 push --signed",
        "with OpenPGP, the same with -c gpg.format=openpgp -c user.signingkey=FINGERPRINT (a key "
        "registered in [[people]] gpg_fingerprints and exported to [signing] gpg_keyring)"};
  case Assurance::pusher:
    return {"the reviewer pushes it with their own account (listed in [[people]] accounts), or "
            "signs it (git commit -S)"};
  case Assurance::platform:
    return {"merge it in the hosting platform's web UI after an approval by someone other than "
            "the author, or have the reviewer push or sign it"};
  case Assurance::claimed:
    break;
  }
  return {};
}

size_t Evaluation::errors() const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(), [](const auto& f) {
    return f.severity == Severity::error;
  }));
}

size_t Evaluation::warnings() const {
  return findings.size() - errors();
}

std::string reviewer_keys_text(const SchemaConfig& schema) {
  return util::join(schema.reviewer_keys, " or ");
}

Evaluation evaluate_commit(const config::Config& config, const CommitFacts& facts, Stage stage) {
  return Evaluator(config, facts, stage).run();
}

} // namespace custody::schema
