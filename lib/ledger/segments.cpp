#include "ledger/segments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>

namespace custody::ledger {

namespace {

struct NameParts {
  std::string stem;      // "ledger"
  std::string extension; // ".jsonl" (may be empty)
};

NameParts split_name(const std::filesystem::path& current) {
  return {current.stem().string(), current.extension().string()};
}

} // namespace

std::filesystem::path segment_path(const std::filesystem::path& current, uint64_t number) {
  NameParts parts = split_name(current);
  return current.parent_path() / fmt::format("{}.{:06}{}", parts.stem, number, parts.extension);
}

Result<std::vector<SegmentFile>> list_closed_segments(const std::filesystem::path& current) {
  std::vector<SegmentFile> segments;
  std::filesystem::path dir = current.parent_path().empty() ? "." : current.parent_path();
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    if (errno == ENOENT)
      return segments;
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot list {}: {}", dir.string(), std::strerror(errno)));
  }
  NameParts parts = split_name(current);
  std::string prefix = parts.stem + ".";
  while (dirent* entry = ::readdir(d)) {
    std::string_view name = entry->d_name;
    if (name.size() <= prefix.size() + parts.extension.size() ||
        name.substr(0, prefix.size()) != prefix ||
        name.substr(name.size() - parts.extension.size()) != parts.extension)
      continue;
    std::string_view digits =
        name.substr(prefix.size(), name.size() - prefix.size() - parts.extension.size());
    if (digits.size() < 6 || digits.size() > 18 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    uint64_t number = std::stoull(std::string(digits));
    if (number == 0 || segment_path(current, number).filename() != name)
      continue;
    segments.push_back({number, dir / std::string(name)});
  }
  ::closedir(d);
  std::sort(segments.begin(), segments.end(),
            [](const SegmentFile& a, const SegmentFile& b) { return a.number < b.number; });
  return segments;
}

} // namespace custody::ledger
