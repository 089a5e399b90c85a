// Baseline files and .gitleaksignore: see baseline.hpp.
#include "secrets/baseline.hpp"

#include "util/file.hpp"

#include <fmt/format.h>

namespace custody::secrets {

namespace {

// Each non-empty, non-comment line of `text`, trimmed.
template <typename F> void for_each_entry(std::string_view text, F&& f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
      line.remove_prefix(1);
    if (!line.empty() && line.front() != '#')
      f(line);
  }
}

} // namespace

std::string baseline_text(const std::vector<LocatedFinding>& findings) {
  std::string out = "# custody secrets baseline (custody scan --baseline-out): fingerprint, path, "
                    "commit. Findings listed here are accepted.\n";
  std::set<std::string> written;
  for (const auto& f : findings)
    if (written.insert(f.finding.fingerprint + "\n" + f.path).second)
      out += fmt::format("{}  {}  {}\n", f.finding.fingerprint, printable(f.path), f.commit);
  return out;
}

std::set<std::string> parse_baseline(std::string_view text) {
  std::set<std::string> out;
  for_each_entry(
      text, [&](std::string_view line) { out.emplace(line.substr(0, line.find_first_of(" \t"))); });
  return out;
}

Result<std::set<std::string>> read_baseline(const std::filesystem::path& path) {
  auto text = util::read_file(path);
  if (!text)
    return make_error(text.error().code,
                      fmt::format("secrets baseline {}: {}", path.string(), text.error().message),
                      "write it with `custody scan --all --baseline-out FILE`, or fix "
                      "[secrets].baseline");
  return parse_baseline(*text);
}

GitleaksIgnore GitleaksIgnore::parse(std::string_view text) {
  GitleaksIgnore g;
  for_each_entry(text, [&](std::string_view line) { g.m_entries.emplace(line); });
  return g;
}

bool GitleaksIgnore::ignores(const LocatedFinding& f) const {
  const std::string tail = fmt::format("{}:{}:{}", f.path, f.finding.rule, f.finding.line);
  return m_entries.count(tail) || m_entries.count(f.commit + ":" + tail);
}

} // namespace custody::secrets
