#pragma once
// Which of the push's new commits each ref gains: those reachable from its new tip, walked over
// the new commits only (the push scope lists each once, with its parents). A commit that two refs
// bring counts for both, whichever came first in the push.
#include "policy/push_scope.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace custody::pushrules {

class Gained {
public:
  explicit Gained(const policy::Introduced& introduced);
  // Indices into introduced.commits, parents before children; empty when `tip` (a commit id)
  // is not new.
  std::vector<size_t> commits_from(const std::string& tip) const;

private:
  const policy::Introduced& m_introduced;
  std::unordered_map<std::string, size_t> m_index; // commit id → position
};

} // namespace custody::pushrules
