#include "git/ref_files.hpp"

#include "git/ref_name.hpp"
#include "util/file.hpp"
#include "util/mapped_file.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace custody::git {

namespace fs = std::filesystem;

namespace {

using RefMap = std::map<std::string, std::string, std::less<>>;

Error corrupt(const fs::path& file, std::string_view why) {
  return Error{ErrorCode::io_failure, fmt::format("{}: {}", file.string(), why),
               "the repository's refs are damaged; run `git fsck` on it"};
}

// True when `trait` is one of the space-separated words of the packed-refs header. (Not by
// concatenating spaces around the header: GCC 12 at -O3 reports a false -Wrestrict there.)
bool has_trait(std::string_view header, std::string_view trait) {
  for (size_t at = header.find(trait); at != std::string_view::npos;
       at = header.find(trait, at + 1)) {
    const size_t end = at + trait.size();
    if ((at == 0 || header[at - 1] == ' ') && (end == header.size() || header[end] == ' '))
      return true;
  }
  return false;
}

// packed-refs: an optional "# pack-refs with: ..." header, then "<id> <name>" records, each
// possibly followed by a "^<id>" line, the peeled value of an annotated tag (not needed here).
class PackedRefs {
public:
  PackedRefs(const fs::path& file, util::MappedFile map)
      : m_file(file), m_map(std::move(map)), m_text(m_map.view()) {
    std::string_view body = m_text;
    if (body.rfind("# pack-refs with:", 0) == 0) {
      size_t eol = body.find('\n');
      std::string_view header = body.substr(0, eol);
      m_sorted = has_trait(header, "sorted");
      m_begin = eol == std::string_view::npos ? body.size() : eol + 1;
    }
  }

  // Adds the records whose names match `patterns`, visiting only those that start with `prefix`
  // when the file is sorted (git writes it sorted): a binary search, not a scan of every ref.
  Status collect(std::string_view prefix, const std::vector<util::Glob>& patterns, RefMap& out) {
    size_t at = m_sorted ? lower_bound(prefix) : m_begin;
    for (size_t next; at < m_text.size(); at = next) {
      auto [id, name] = record(at, next);
      if (name.rfind(prefix, 0) != 0) {
        if (m_sorted && !id.empty() && name > prefix)
          break;
        continue;
      }
      if (!util::matches_any(patterns, name))
        continue;
      if (!is_object_id(id))
        return corrupt(m_file, fmt::format("unexpected record for \"{}\"", util::printable(name)));
      out.insert_or_assign(std::string(name), util::to_lower(id));
    }
    return ok_status();
  }

private:
  // The record starting at `at` (id and name; both empty for a comment or peeled line), and in
  // `next` where the following line starts.
  std::pair<std::string_view, std::string_view> record(size_t at, size_t& next) const {
    size_t eol = m_text.find('\n', at);
    next = eol == std::string_view::npos ? m_text.size() : eol + 1;
    std::string_view line = m_text.substr(at, next - at);
    if (!line.empty() && line.back() == '\n')
      line.remove_suffix(1);
    if (line.empty() || line.front() == '^' || line.front() == '#')
      return {};
    size_t space = line.find(' ');
    if (space == std::string_view::npos)
      return {line, ""};
    return {line.substr(0, space), line.substr(space + 1)};
  }

  // Where the first record whose name is not less than `key` starts.
  size_t lower_bound(std::string_view key) const {
    size_t lo = m_begin, hi = m_text.size();
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      size_t start = m_text.rfind('\n', mid == 0 ? 0 : mid - 1);
      start = start == std::string_view::npos || start < lo ? lo : start + 1;
      size_t next;
      auto [id, name] = record(start, next);
      while (id.empty() && next < hi) // a peeled line: the record it belongs to follows
        std::tie(id, name) = record(start = next, next);
      if (id.empty() || name >= key)
        hi = start;
      else
        lo = next;
    }
    return lo;
  }

  fs::path m_file;
  util::MappedFile m_map;
  std::string_view m_text;
  size_t m_begin = 0;
  bool m_sorted = false;
};

// One loose ref file: "<id>\n", or "ref: <name>\n" for a symbolic ref (skipped).
Status read_loose(const fs::path& file, const std::string& name, RefMap& out) {
  auto text = util::read_file(file);
  if (!text) // deleted since it was listed: a concurrent update, not damage
    return text.error().code == ErrorCode::not_found ? ok_status() : Status(text.error());
  std::string_view value = util::trim(*text);
  if (value.rfind("ref:", 0) == 0) {
    out.erase(name); // a packed value of the same name is shadowed
    return ok_status();
  }
  if (!is_object_id(value))
    return corrupt(file, "not an object id or a symbolic ref");
  out.insert_or_assign(name, util::to_lower(value));
  return ok_status();
}

// Loose refs under the directory holding `prefix`'s last complete component, e.g. for
// "refs/heads/release/" the directory refs/heads/release, for "refs/heads/rel" refs/heads
// (entries not starting with "rel" are not descended into).
Status read_loose_under(const fs::path& common_dir, std::string_view prefix,
                        const std::vector<util::Glob>& patterns, RefMap& out) {
  size_t slash = prefix.rfind('/');
  std::string dir_name(prefix.substr(0, slash == std::string_view::npos ? 0 : slash + 1));
  std::string_view first_component = prefix.substr(dir_name.size());
  std::error_code ec;
  fs::path dir = common_dir / dir_name;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec)
    return ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory
               ? ok_status()
               : Status(make_error(ErrorCode::io_failure,
                                   fmt::format("cannot list {}: {}", dir.string(), ec.message())));
  for (; it != end; it.increment(ec)) {
    if (ec)
      return make_error(ErrorCode::io_failure,
                        fmt::format("cannot list {}: {}", dir.string(), ec.message()));
    std::string relative = it->path().lexically_relative(dir).generic_string();
    if (it.depth() == 0 && relative.rfind(first_component, 0) != 0) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec))
      continue;
    std::string name = dir_name + relative;
    if (check_ref_name(name) && util::matches_any(patterns, name))
      CUSTODY_TRY(read_loose(it->path(), name, out));
  }
  return ok_status();
}

} // namespace

Result<std::vector<RefTip>> read_matching_refs(const fs::path& common_dir,
                                               const std::vector<util::Glob>& patterns) {
  RefMap found;
  auto packed_map = util::MappedFile::open(common_dir / "packed-refs");
  if (!packed_map && packed_map.error().code != ErrorCode::not_found)
    return packed_map.error();
  std::optional<PackedRefs> packed;
  if (packed_map)
    packed.emplace(common_dir / "packed-refs", std::move(*packed_map));
  // Packed values first: a loose ref overrides its packed value.
  std::set<std::string> prefixes;
  for (const auto& pattern : patterns)
    if (packed && prefixes.insert(pattern.literal_prefix()).second)
      CUSTODY_TRY(packed->collect(pattern.literal_prefix(), patterns, found));
  std::set<std::string> walked;
  for (const auto& pattern : patterns) {
    const std::string& prefix = pattern.literal_prefix();
    if (pattern.is_literal()) {
      if (check_ref_name(prefix))
        CUSTODY_TRY(read_loose(common_dir / prefix, prefix, found));
    } else if (walked.insert(prefix).second) {
      CUSTODY_TRY(read_loose_under(common_dir, prefix, patterns, found));
    }
  }
  std::vector<RefTip> tips;
  tips.reserve(found.size());
  for (auto& [name, target] : found)
    tips.push_back({name, std::move(target)});
  return tips;
}

} // namespace custody::git
