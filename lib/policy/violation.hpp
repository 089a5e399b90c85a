#pragma once
// A policy violation is data, not an error: every check appends Violations, the hook renders all
// of them at once (one round trip for the pusher) and records them in the ledger. Whether one
// refuses the push is decided once, by decide() (policy/verdict.hpp), from the enforcement of
// the ruleset that raised it.
#include <string>
#include <vector>

namespace custody::policy {

// How a ruleset's violations count: `active` refuses, `evaluate` warns and records what would
// have been refused, `disabled` is not evaluated at all.
enum class Enforcement { active, evaluate, disabled };

struct Violation {
  std::string rule;                // stable id, e.g. "refs.force_push", "trailers.review_required",
                                   // "secrets.aws-access-key"
  std::string control;             // SOC 2 control it evidences, e.g. "CC8.1"
  std::string ref;                 // the ref being updated
  std::string commit;              // full commit id when the violation is about one commit, else ""
  std::string path;                // file path for content findings, else ""
  int line = 0;                    // 1-based line for content findings, else 0
  std::string message;             // one line: what is wrong and why (never a full secret)
  std::vector<std::string> hints;  // what to do instead; each a line the user can act on
  std::string ruleset = "default"; // the ruleset whose rule this is
  Enforcement enforcement = Enforcement::active; // that ruleset's enforcement
  bool bypassed = false; // a person the ruleset lists bypassed it, with a reason
};

// "active", "evaluate", "disabled".
const char* enforcement_name(Enforcement e);

} // namespace custody::policy
