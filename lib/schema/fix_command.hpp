#pragma once
// Paste-able fix commands for trailer findings: `git commit ... --trailer "Key: value"`, quoted
// for POSIX shells so a value with quotes or `$` stays one argument.
#include <string>
#include <string_view>
#include <vector>

namespace custody::schema {

// `base` followed by one `--trailer "T"` per trailer in `trailers`.
std::string trailer_fix_command(std::string_view base, const std::vector<std::string>& trailers);

} // namespace custody::schema
