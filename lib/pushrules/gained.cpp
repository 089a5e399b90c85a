#include "pushrules/gained.hpp"

#include <algorithm>

namespace custody::pushrules {

Gained::Gained(const policy::Introduced& introduced) : m_introduced(introduced) {
  m_index.reserve(introduced.commits.size());
  for (size_t i = 0; i < introduced.commits.size(); ++i)
    m_index.emplace(introduced.commits[i].id, i);
}

std::vector<size_t> Gained::commits_from(const std::string& tip) const {
  std::vector<size_t> out;
  std::vector<bool> seen(m_introduced.commits.size(), false);
  std::vector<std::string_view> stack{tip};
  while (!stack.empty()) {
    auto it = m_index.find(std::string(stack.back()));
    stack.pop_back();
    if (it == m_index.end() || seen[it->second])
      continue; // old (the walk stops there) or already visited
    seen[it->second] = true;
    out.push_back(it->second);
    for (const auto& parent : m_introduced.commits[it->second].parents)
      stack.push_back(parent);
  }
  std::sort(out.begin(), out.end()); // the scope lists parents before children
  return out;
}

} // namespace custody::pushrules
