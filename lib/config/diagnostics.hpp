#pragma once
// Config problems, collected rather than thrown so `custody config check` can show them all.
#include <string>
#include <vector>

namespace custody::config {

struct Diagnostic {
  std::string file; // path as given, or "<embedded default>"
  int line = 0;     // 1-based; 0 when unknown
  int column = 0;
  std::string message;

  // "FILE:LINE:COL: message"
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

} // namespace custody::config
