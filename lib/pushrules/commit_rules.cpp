#include "pushrules/commit_rules.hpp"

#include "pushrules/violation.hpp"
#include "trailers/parser.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::pushrules {

namespace {

const char* k_reword = "reword it (git commit --amend, or git rebase -i <base> for older "
                       "commits) and push again";

// Whether `regex` matches `text`; nullopt when PCRE2 gave up (match or depth limit, error).
std::optional<bool> search(const util::Regex& regex, std::string_view text) {
  util::RegexMatch match;
  switch (regex.search(text, 0, match)) {
  case util::MatchStatus::match:
    return true;
  case util::MatchStatus::no_match:
    return false;
  default:
    return std::nullopt;
  }
}

policy::Violation unevaluable(const policy::Ruleset& r, std::string_view key,
                              const util::Regex& regex, std::string_view what) {
  return violation(r, key,
                   fmt::format("{} could not be checked against ruleset \"{}\"'s {} '{}': the "
                               "pattern hit its match limit, so the commit is refused",
                               what, r.name, key, regex.pattern()),
                   "an administrator must simplify the pattern (custody config check)");
}

struct CommitCheck {
  const policy::IntroducedCommit& c;
  const policy::Ruleset& r;
  std::vector<policy::Violation> out{};

  void add(policy::Violation v) {
    v.commit = c.id;
    out.push_back(std::move(v));
  }

  void message_pattern(const util::Regex& re) {
    auto m = search(re, c.message);
    if (!m)
      return add(unevaluable(r, "message_pattern", re, "the commit message"));
    if (!*m)
      add(violation(r, "message_pattern",
                    fmt::format("commit message \"{}\" does not match ruleset \"{}\"'s "
                                "message_pattern '{}'",
                                subject_of(c.message), r.name, re.pattern()),
                    k_reword));
  }

  void message_forbidden_pattern(const util::Regex& re) {
    auto m = search(re, c.message);
    if (!m)
      return add(unevaluable(r, "message_forbidden_pattern", re, "the commit message"));
    if (*m)
      add(violation(r, "message_forbidden_pattern",
                    fmt::format("commit message \"{}\" matches ruleset \"{}\"'s "
                                "message_forbidden_pattern '{}'",
                                subject_of(c.message), r.name, re.pattern()),
                    fmt::format("remove the forbidden text: {}", k_reword)));
  }

  void author_email_pattern(const util::Regex& re) {
    auto m = search(re, c.author.email);
    if (!m)
      return add(unevaluable(r, "author_email_pattern", re, "the author email"));
    if (!*m)
      add(violation(r, "author_email_pattern",
                    fmt::format("author email <{}> does not match ruleset \"{}\"'s "
                                "author_email_pattern '{}'",
                                c.author.email, r.name, re.pattern()),
                    "commit with an allowed address (git config user.email ...; then git commit "
                    "--amend --reset-author --no-edit) and push again"));
  }

  void dco() {
    if (c.parents.size() > 1 || signed_off_by(c.message, c.author))
      return;
    add(violation(r, "dco",
                  fmt::format("commit has no \"Signed-off-by: {} <{}>\" line, and ruleset \"{}\" "
                              "requires a DCO sign-off by the author",
                              c.author.name, c.author.email, r.name),
                  "sign it off (git commit --amend -s --no-edit, or git rebase --signoff <base> "
                  "for several commits) and push again"));
  }
};

} // namespace

bool signed_off_by(std::string_view message, const git::Signature& author) {
  trailers::ParseOptions options;
  options.divider = trailers::Divider::ignore;
  for (const auto& t : trailers::parse_trailers(message, options).trailers) {
    if (!util::iequals(t.key, "Signed-off-by"))
      continue;
    const auto open = t.value.rfind('<');
    const auto close = t.value.rfind('>');
    if (open == std::string::npos || close == std::string::npos || close < open)
      continue;
    std::string_view value = t.value;
    if (util::iequals(util::trim(value.substr(0, open)), util::trim(author.name)) &&
        util::iequals(util::trim(value.substr(open + 1, close - open - 1)),
                      util::trim(author.email)))
      return true;
  }
  return false;
}

std::vector<policy::Violation> check_commit(const policy::IntroducedCommit& commit,
                                            const policy::Ruleset& ruleset,
                                            const PushRules& rules) {
  CommitCheck check{commit, ruleset};
  if (rules.message_pattern)
    check.message_pattern(*rules.message_pattern);
  if (rules.message_forbidden_pattern)
    check.message_forbidden_pattern(*rules.message_forbidden_pattern);
  if (rules.author_email_pattern)
    check.author_email_pattern(*rules.author_email_pattern);
  if (rules.dco)
    check.dco();
  return std::move(check.out);
}

} // namespace custody::pushrules
