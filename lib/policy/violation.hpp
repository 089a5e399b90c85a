#pragma once
// A policy violation is data, not an error: every check appends Violations, the hook renders all
// of them at once (one round trip for the pusher) and records them in the ledger.
#include <string>
#include <vector>

namespace custody::policy {

struct Violation {
  std::string rule;               // stable id, e.g. "refs.force_push", "trailers.review_required",
                                  // "secrets.aws-access-key"
  std::string control;            // SOC 2 control it evidences, e.g. "CC8.1"
  std::string ref;                // the ref being updated
  std::string commit;             // full commit id when the violation is about one commit, else ""
  std::string path;               // file path for content findings, else ""
  int line = 0;                   // 1-based line for content findings, else 0
  std::string message;            // one line: what is wrong and why (never a full secret)
  std::vector<std::string> hints; // what to do instead; each a line the user can act on
};

} // namespace custody::policy
