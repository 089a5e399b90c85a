#pragma once
// A human's bypass of one finding, asked for with push options:
//   git push -o custody.bypass=<fingerprint> -o
//   custody.reason=<false-positive|used-in-tests|will-fix>
#include <set>
#include <string>
#include <vector>

namespace custody::secrets {

struct FindingBypass {
  std::set<std::string> fingerprints;
  std::string reason;
  bool reason_valid = false;
};

FindingBypass parse_finding_bypass(const std::vector<std::string>& push_options);

} // namespace custody::secrets
