#include "config/diagnostics.hpp"

#include <fmt/format.h>

namespace custody::config {

std::string Diagnostic::to_string() const {
  if (line > 0)
    return fmt::format("{}:{}:{}: {}", file, line, column, message);
  return fmt::format("{}: {}", file, message);
}

} // namespace custody::config
