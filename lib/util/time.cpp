#include "util/time.hpp"

#include <fmt/format.h>

#include <ctime>

namespace custody::util {

namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool is_leap(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(int64_t y, unsigned m) {
  static constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : k_days[m - 1];
}

// Reads exactly `n` digits at `pos`.
std::optional<unsigned> digits(std::string_view s, size_t& pos, size_t n) {
  if (pos + n > s.size())
    return std::nullopt;
  unsigned v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9')
      return std::nullopt;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  pos += n;
  return v;
}

} // namespace

std::string format_utc(Clock::time_point t) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  int64_t secs = micros / 1'000'000;
  int64_t frac = micros % 1'000'000;
  if (frac < 0) {
    frac += 1'000'000;
    --secs;
  }
  std::string base = format_utc_seconds(secs);
  base.pop_back(); // 'Z'
  return fmt::format("{}.{:06}Z", base, frac);
}

std::string now_utc() {
  return format_utc(Clock::now());
}

std::string format_utc_seconds(int64_t epoch_seconds) {
  std::time_t tt = static_cast<std::time_t>(epoch_seconds);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::optional<int64_t> parse_iso8601(std::string_view s) {
  size_t pos = 0;
  auto year = digits(s, pos, 4);
  if (!year || pos >= s.size() || s[pos++] != '-')
    return std::nullopt;
  auto month = digits(s, pos, 2);
  if (!month || pos >= s.size() || s[pos++] != '-')
    return std::nullopt;
  auto day = digits(s, pos, 2);
  if (!day || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
    return std::nullopt;
  int64_t seconds = days_from_civil(*year, *month, *day) * 86400;
  if (pos == s.size())
    return seconds;
  if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
    return std::nullopt;
  ++pos;
  auto hour = digits(s, pos, 2);
  if (!hour || pos >= s.size() || s[pos++] != ':')
    return std::nullopt;
  auto minute = digits(s, pos, 2);
  if (!minute || *hour > 23 || *minute > 59)
    return std::nullopt;
  unsigned second = 0;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    auto sec = digits(s, pos, 2);
    if (!sec || *sec > 60) // 60: a leap second
      return std::nullopt;
    second = *sec;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      size_t start = ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
        ++pos;
      if (pos == start)
        return std::nullopt;
    }
  }
  seconds += *hour * 3600 + *minute * 60 + second;
  if (pos == s.size())
    return seconds;
  if (s[pos] == 'Z' || s[pos] == 'z')
    return pos + 1 == s.size() ? std::optional<int64_t>(seconds) : std::nullopt;
  if (s[pos] != '+' && s[pos] != '-')
    return std::nullopt;
  int sign = s[pos++] == '+' ? 1 : -1;
  auto off_h = digits(s, pos, 2);
  if (!off_h)
    return std::nullopt;
  if (pos < s.size() && s[pos] == ':')
    ++pos;
  auto off_m = digits(s, pos, 2);
  if (!off_m || pos != s.size() || *off_h > 23 || *off_m > 59)
    return std::nullopt;
  return seconds - sign * static_cast<int64_t>(*off_h * 3600 + *off_m * 60);
}

} // namespace custody::util
