#include "pushrules/violation.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::pushrules {

policy::Violation violation(const policy::Ruleset& ruleset, std::string_view key,
                            std::string message, std::string hint) {
  policy::Violation v;
  v.rule = fmt::format("push_rules.{}", key);
  v.control = k_control;
  v.message = std::move(message);
  v.hints = {std::move(hint)};
  v.ruleset = ruleset.name;
  return v;
}

std::string subject_of(std::string_view message) {
  constexpr size_t k_max = 60;
  std::string_view subject = util::trim(message.substr(0, message.find('\n')));
  if (subject.size() <= k_max)
    return util::sanitize_utf8(subject);
  return util::sanitize_utf8(subject.substr(0, k_max)) + "...";
}

} // namespace custody::pushrules
