#pragma once
// UTC timestamps. Everything custody records is UTC, RFC 3339, to the microsecond.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace custody::util {

using Clock = std::chrono::system_clock;

// "2026-11-23T23:06:01.123456Z"
std::string format_utc(Clock::time_point t);
std::string now_utc();
// Seconds since the epoch → "2026-11-23T23:06:01Z".
std::string format_utc_seconds(int64_t epoch_seconds);

// Parses ISO 8601 / RFC 3339: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.frac]]" with "Z" or "±HH:MM"
// (a date-time without a zone is taken as UTC). Returns seconds since the epoch, or nullopt.
std::optional<int64_t> parse_iso8601(std::string_view text);

} // namespace custody::util
