// scan_archive(): see archive_scan.hpp. libarchive reads the archive from memory; each member is
// read in chunks into one string, counted against the blob's expansion budget before it grows.
#include "secrets/archive_scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace custody::secrets {

namespace {

constexpr size_t k_chunk = 64 * 1024;
constexpr size_t k_max_skips = 64;

using Reader = std::unique_ptr<archive, decltype(&archive_read_free)>;

// A reader for the formats custody looks inside, or nullptr if libarchive cannot start on it.
Reader open_reader(std::string_view content) {
  Reader a(archive_read_new(), &archive_read_free);
  if (!a)
    return a;
  archive_read_support_filter_gzip(a.get());
  archive_read_support_format_zip(a.get());
  archive_read_support_format_tar(a.get());
  // A gzip stream of one file (not a tar). Only for gzip: raw accepts any bytes, and would read a
  // damaged zip as one member that starts like a zip again.
  if (content.starts_with("\x1f\x8b"))
    archive_read_support_format_raw(a.get());
  if (archive_read_open_memory(a.get(), content.data(), content.size()) != ARCHIVE_OK)
    a.reset();
  return a;
}

std::string join(std::string_view prefix, std::string_view name) {
  std::string out(prefix);
  if (!out.empty())
    out += '!';
  out += name;
  return out;
}

// A gzip stream of one file has no member name: its own name without ".gz".
std::string raw_member_name(std::string_view name) {
  name = name.substr(
      name.find_last_of("/!") == std::string_view::npos ? 0 : name.find_last_of("/!") + 1);
  if (name.ends_with(".gz") && name.size() > 3)
    return std::string(name.substr(0, name.size() - 3));
  return "data";
}

enum class Read { ok, too_big, corrupt };

class Walker {
public:
  Walker(const Engine& engine, std::string_view path, std::string_view commit, Deadline deadline,
         ArchiveScan& out)
      : m_engine(engine), m_path(path), m_commit(commit), m_deadline(deadline),
        m_budget(engine.options().archive_max_bytes), m_out(out) {}

  // The members of `content`, itself at `prefix` ("" for the blob) named `name`; depth 1 is the
  // blob's own members.
  void walk(std::string_view content, std::string_view prefix, std::string_view name, int depth) {
    Reader a = open_reader(content);
    if (!a)
      return skip(std::string(prefix), ArchiveSkipReason::corrupt, content.size());
    while (!m_stopped) {
      if (m_deadline != Deadline::max() && std::chrono::steady_clock::now() > m_deadline) {
        m_out.timed_out = m_stopped = true;
        return;
      }
      archive_entry* e = nullptr;
      const int r = archive_read_next_header(a.get(), &e);
      if (r == ARCHIVE_EOF)
        return;
      if (r < ARCHIVE_WARN) // the archive at `prefix` cannot be read (further)
        return skip(std::string(prefix), ArchiveSkipReason::corrupt, content.size());
      if (archive_entry_filetype(e) != AE_IFREG)
        continue;
      const char* entry_name = archive_entry_pathname(e);
      const std::string member =
          join(prefix, archive_format(a.get()) == ARCHIVE_FORMAT_RAW ? raw_member_name(name)
                       : entry_name                                  ? entry_name
                                                                     : "?");
      if (archive_entry_is_encrypted(e)) {
        const la_int64_t size = archive_entry_size_is_set(e) ? archive_entry_size(e) : 0;
        skip(member, ArchiveSkipReason::encrypted,
             static_cast<uint64_t>(std::max<la_int64_t>(size, 0)));
        continue;
      }
      std::string data;
      const Read read = read_member(a.get(), data);
      if (read == Read::too_big) {
        m_stopped = true; // the budget is spent: nothing more of this blob is expanded
        return skip(member, ArchiveSkipReason::too_big, data.size());
      }
      if (read == Read::corrupt)
        return skip(member, ArchiveSkipReason::corrupt, data.size());
      scan_member(member, data, depth);
    }
  }

private:
  const Engine& m_engine;
  std::string_view m_path, m_commit;
  Deadline m_deadline;
  uint64_t m_budget;
  ArchiveScan& m_out;
  bool m_stopped = false;
  size_t m_more_skips = 0;

  // Past k_max_skips members, one summary entry: an archive of 100,000 encrypted members must not
  // write 100,000 ledger entries.
  void skip(std::string inner, ArchiveSkipReason reason, uint64_t size) {
    if (m_out.skips.size() < k_max_skips)
      m_out.skips.push_back({std::move(inner), reason, size});
    else if (m_out.skips.size() == k_max_skips)
      m_out.skips.push_back({"", reason, 0});
    if (m_out.skips.size() > k_max_skips)
      m_out.skips.back().inner_path = fmt::format("({} more members not scanned)", ++m_more_skips);
  }

  Read read_member(archive* a, std::string& data) {
    char buffer[k_chunk];
    for (;;) {
      const la_ssize_t n = archive_read_data(a, buffer, sizeof buffer);
      if (n == 0)
        return Read::ok;
      if (n < 0)
        return Read::corrupt;
      if (static_cast<uint64_t>(n) > m_budget) {
        data.append(buffer, static_cast<size_t>(m_budget));
        m_budget = 0;
        return Read::too_big;
      }
      m_budget -= static_cast<uint64_t>(n);
      data.append(buffer, static_cast<size_t>(n));
    }
  }

  void scan_member(const std::string& member, const std::string& data, int depth) {
    const std::string where = join(m_path, member);
    const std::string_view base =
        std::string_view(member).substr(member.find_last_of('!') + 1); // npos + 1 == 0
    if (auto f = m_engine.secret_file_finding(base, data, where, m_commit)) {
      f->inner_path = member;
      m_out.findings.push_back(std::move(*f));
    }
    if (looks_like_archive(data)) {
      if (depth >= m_engine.options().archive_max_depth)
        return skip(member, ArchiveSkipReason::too_deep, data.size());
      return walk(data, member, member, depth + 1);
    }
    if (is_binary(data)) { // class files, images: listed only where binary blobs are refused
      if (m_engine.options().archive_list_binary)
        skip(member, ArchiveSkipReason::binary, data.size());
      return;
    }
    ScanResult r = m_engine.scan(data, where, m_commit, m_deadline);
    for (Finding& f : r.findings) {
      f.inner_path = member;
      m_out.findings.push_back(std::move(f));
    }
    for (auto& rule : r.limited_rules)
      m_out.limited_rules.push_back(std::move(rule));
    m_out.bytes += data.size();
    if (r.timed_out)
      m_out.timed_out = m_stopped = true;
  }
};

} // namespace

std::string_view archive_skip_name(ArchiveSkipReason r) {
  switch (r) {
  case ArchiveSkipReason::too_deep:
    return "archive-too-deep";
  case ArchiveSkipReason::too_big:
    return "archive-too-big";
  case ArchiveSkipReason::corrupt:
    return "archive-corrupt";
  case ArchiveSkipReason::encrypted:
    return "archive-encrypted";
  case ArchiveSkipReason::binary:
    return "archive-binary";
  }
  return "archive-unknown";
}

bool looks_like_archive(std::string_view content) {
  constexpr std::string_view zip = "PK\x03\x04", empty_zip = "PK\x05\x06", gzip = "\x1f\x8b";
  return content.starts_with(zip) || content.starts_with(empty_zip) || content.starts_with(gzip) ||
         (content.size() > 262 && content.substr(257, 5) == "ustar");
}

ArchiveScan scan_archive(const Engine& engine, std::string_view content, std::string_view path,
                         std::string_view commit, Deadline deadline) {
  ArchiveScan out;
  Walker(engine, path, commit, deadline, out).walk(content, "", path, 1);
  return out;
}

} // namespace custody::secrets
