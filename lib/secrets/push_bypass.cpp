#include "secrets/push_bypass.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace custody::secrets {

namespace {
constexpr std::string_view k_reasons[] = {"false-positive", "used-in-tests", "will-fix"};
constexpr std::string_view k_bypass = "custody.bypass=";
constexpr std::string_view k_reason = "custody.reason=";
} // namespace

FindingBypass parse_finding_bypass(const std::vector<std::string>& options) {
  FindingBypass b;
  for (const auto& o : options) {
    if (o.starts_with(k_bypass))
      b.fingerprints.insert(o.substr(k_bypass.size()));
    else if (o.starts_with(k_reason))
      b.reason = o.substr(k_reason.size());
  }
  b.reason_valid =
      std::find(std::begin(k_reasons), std::end(k_reasons), b.reason) != std::end(k_reasons);
  return b;
}

} // namespace custody::secrets
