#pragma once
// Which decisions a report or sample covers: a time window and a ref glob.
#include "report/decision_view.hpp"
#include "util/glob.hpp"
#include "util/json.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace custody::report {

class Filter {
public:
  // `from` and `to` are ISO 8601 dates or date-times (UTC unless a zone is given); a date-only
  // `to` includes that whole day. `ref` is a path glob over full ref names (refs/heads/release/*).
  static Result<Filter> make(const std::optional<std::string>& from,
                             const std::optional<std::string>& to,
                             const std::optional<std::string>& ref);

  // True for a decision record inside the window and matching the glob. With a window, a record
  // without a readable time is outside; with a glob, a record without a ref is outside.
  bool matches(const DecisionView& record) const;
  util::Json to_json() const { return m_json; }

private:
  std::optional<int64_t> m_from;         // inclusive, epoch seconds
  std::optional<int64_t> m_to_exclusive; // epoch seconds
  std::optional<util::Glob> m_ref;
  util::Json m_json = util::Json::object();
};

} // namespace custody::report
