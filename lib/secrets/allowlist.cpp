// Allowlist evaluation (see allowlist.hpp). Stopwords compare case-insensitively because
// placeholders are written in every case ("EXAMPLE", "Example", "example").
#include "secrets/allowlist.hpp"

#include "util/strings.hpp"

#include <algorithm>

namespace custody::secrets {

namespace {

bool contains_icase(std::string_view haystack, std::string_view lower_needle) {
  if (lower_needle.empty() || lower_needle.size() > haystack.size())
    return false;
  auto it = std::search(haystack.begin(), haystack.end(), lower_needle.begin(), lower_needle.end(),
                        [](char a, char b) { return util::ascii_lower(a) == b; });
  return it != haystack.end();
}

bool path_matches(const Allowlist& a, std::string_view path) {
  if (util::matches_any(a.paths, path))
    return true;
  return std::any_of(a.path_regexes.begin(), a.path_regexes.end(),
                     [&](const util::Regex& r) { return r.matches(path); });
}

} // namespace

bool Allowlist::empty() const {
  return paths.empty() && path_regexes.empty() && regexes.empty() && stopwords.empty() &&
         commits.empty() && fingerprints.empty();
}

bool Allowlist::allows(const FindingContext& f) const {
  if (empty())
    return false;
  std::string_view target_text = target == RegexTarget::secret  ? f.secret
                                 : target == RegexTarget::match ? f.match
                                                                : f.line;
  // Each criterion: 0 = absent, 1 = present and matches, 2 = present and does not match.
  auto eval = [](bool present, auto&& test) { return !present ? 0 : (test() ? 1 : 2); };
  int results[] = {
      eval(!paths.empty() || !path_regexes.empty(), [&] { return path_matches(*this, f.path); }),
      eval(!regexes.empty(),
           [&] {
             return std::any_of(regexes.begin(), regexes.end(),
                                [&](const util::Regex& r) { return r.matches(target_text); });
           }),
      eval(!stopwords.empty(),
           [&] {
             return std::any_of(stopwords.begin(), stopwords.end(),
                                [&](const std::string& w) { return contains_icase(f.secret, w); });
           }),
      eval(!commits.empty(),
           [&] { return !f.commit.empty() && commits.count(std::string(f.commit)) != 0; }),
      eval(!fingerprints.empty(),
           [&] { return fingerprints.count(std::string(f.fingerprint)) != 0; }),
  };
  if (condition == Condition::any)
    return std::any_of(std::begin(results), std::end(results), [](int r) { return r == 1; });
  return std::none_of(std::begin(results), std::end(results), [](int r) { return r == 2; });
}

bool Allowlist::allows_whole_path(std::string_view path) const {
  bool has_paths = !paths.empty() || !path_regexes.empty();
  if (!has_paths)
    return false;
  bool only_paths = regexes.empty() && stopwords.empty() && commits.empty() && fingerprints.empty();
  if (condition == Condition::all && !only_paths)
    return false;
  return path_matches(*this, path);
}

} // namespace custody::secrets
