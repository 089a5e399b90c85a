#include "report/filter.hpp"

#include "util/time.hpp"

#include <fmt/format.h>

namespace custody::report {

Result<Filter> Filter::make(const std::optional<std::string>& from,
                            const std::optional<std::string>& to,
                            const std::optional<std::string>& ref) {
  Filter f;
  auto bad_date = [](const char* option, const std::string& value) {
    return make_error(ErrorCode::invalid_input, fmt::format("{} '{}' is not a date", option, value),
                      "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
  };
  if (from) {
    auto t = util::parse_iso8601(*from);
    if (!t)
      return bad_date("--from", *from);
    f.m_from = *t;
    f.m_json["from"] = *from;
  }
  if (to) {
    auto t = util::parse_iso8601(*to);
    if (!t)
      return bad_date("--to", *to);
    f.m_to_exclusive = to->size() == 10 ? *t + 86400 : *t + 1;
    f.m_json["to"] = *to;
  }
  if (ref) {
    auto glob = util::Glob::compile(*ref, util::GlobSyntax::path);
    if (!glob)
      return make_error(ErrorCode::invalid_input,
                        fmt::format("--ref '{}': {}", *ref, glob.error().message));
    f.m_ref = std::move(*glob);
    f.m_json["ref"] = *ref;
  }
  return f;
}

bool Filter::matches(const DecisionView& record) const {
  if (m_from || m_to_exclusive) {
    auto t = util::parse_iso8601(record.time);
    if (!t || (m_from && *t < *m_from) || (m_to_exclusive && *t >= *m_to_exclusive))
      return false;
  }
  if (m_ref) {
    const std::string& ref = record.ref;
    if (ref.empty() || !m_ref->matches(ref))
      return false;
  }
  return true;
}

} // namespace custody::report
