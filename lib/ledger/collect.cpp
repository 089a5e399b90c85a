#include "ledger/collect.hpp"

#include "ledger/origin.hpp"
#include "ledger/record_line.hpp"
#include "util/json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <unistd.h>
#include <variant>

namespace custody::ledger {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_chain_prefix = "chain.";
constexpr std::string_view k_suffix = ".jsonl";

// A file-name-safe spelling of a repository id: bytes other than A-Z a-z 0-9 _ - and '.'
// (except a leading one) become %XX, so "group/app.git" is "group%2Fapp.git" and no id can
// climb out of the collected copy.
std::string encode(std::string_view id) {
  std::string out;
  for (size_t i = 0; i < id.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(id[i]);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-' || (c == '.' && i > 0);
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out.empty() ? "%" : out;
}

struct Received {
  std::string line;
  std::string time;
  std::string node;
};

struct Parsed {
  uint64_t seq = 0;
  std::string hash;
  std::optional<ChainKey> key; // nullopt: no node/repo_id
  Received rec;
};

std::string string_member(const util::Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The record in a received line: rsyslog may prepend a space or a syslog header; the record is
// what starts at `{"seq":`. Errors: nullopt for no record; a string for damage.
std::optional<std::string> extract(std::string_view text) {
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  auto pos = text.find("{\"seq\":");
  if (pos == std::string_view::npos)
    return std::nullopt;
  return std::string(text.substr(pos));
}

// Parses one record line; a string error when it is damaged.
std::variant<Parsed, std::string> parse_record(const std::string& line) {
  auto frame = parse_frame(line);
  if (!frame)
    return std::string("not a well-formed ledger record");
  if (expected_hash(line) != frame->hash)
    return fmt::format("record seq {}: hash does not match the record's content (altered, or cut "
                       "in transit: raise rsyslog's maxMessageSize)",
                       frame->seq);
  const util::Json j = util::Json::parse(line, nullptr, false);
  if (!j.is_object())
    return fmt::format("record seq {}: not valid JSON", frame->seq);
  Parsed p;
  p.seq = frame->seq;
  p.hash = std::string(frame->hash);
  p.rec = {line, string_member(j, "time"), string_member(j, "node")};
  std::string repo = string_member(j, "repo_id");
  std::string chain = string_member(j, "chain");
  if (chain.empty())
    chain = p.rec.node;
  if (!repo.empty() && is_node_id(chain))
    p.key = ChainKey{repo, chain};
  return p;
}

using Chain = std::map<uint64_t, Received>;

Status write_file(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return make_error(
        ErrorCode::io_failure,
        fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
  std::string tmp = fmt::format("{}.{}.tmp", path.string(), ::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot write {}: {}", tmp, std::strerror(errno)));
  bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) &&
            ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    if (ok)
      err = errno;
    ::unlink(tmp.c_str());
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot write {}: {}", path.string(), std::strerror(err)));
  }
  return ok_status();
}

// Every file under `p` (or `p` itself), sorted, skipping the collected copy's own files.
std::vector<fs::path> input_files(const fs::path& p, const fs::path& out) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(p, ec)) {
    files.push_back(p);
    return files;
  }
  const fs::path own = fs::weakly_canonical(out, ec);
  for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_directory(ec) && fs::weakly_canonical(it->path(), ec) == own) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && !it->path().string().ends_with(".tmp"))
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Calls `f(line)` for each line of `path`.
template <class F> Status for_each_line(const fs::path& path, F&& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error(ErrorCode::not_found, fmt::format("cannot read {}", path.string()));
  std::string line;
  while (std::getline(in, line))
    f(line);
  return ok_status();
}

std::vector<fs::path> chain_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto repo = fs::directory_iterator(dir, ec); !ec && repo != fs::end(repo);
       repo.increment(ec)) {
    if (!repo->is_directory(ec))
      continue;
    std::error_code ec2;
    for (auto f = fs::directory_iterator(repo->path(), ec2); !ec2 && f != fs::end(f);
         f.increment(ec2)) {
      std::string name = f->path().filename().string();
      if (name.starts_with(k_chain_prefix) && name.ends_with(k_suffix))
        files.push_back(f->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string chain_bytes(const Chain& chain) {
  std::string bytes;
  for (const auto& entry : chain) {
    bytes += entry.second.line;
    bytes += '\n';
  }
  return bytes;
}

// All chains of one repository, ordered by time, then node, then seq.
std::string merged_bytes(const std::map<ChainKey, Chain>& chains, const std::string& repo) {
  std::vector<std::tuple<std::string, std::string, uint64_t, const std::string*>> rows;
  for (auto it = chains.lower_bound(ChainKey{repo, ""});
       it != chains.end() && it->first.repo_id == repo; ++it)
    for (const auto& entry : it->second)
      rows.emplace_back(entry.second.time, entry.second.node, entry.first, &entry.second.line);
  std::sort(rows.begin(), rows.end());
  std::string bytes;
  for (const auto& row : rows) {
    bytes += *std::get<3>(row);
    bytes += '\n';
  }
  return bytes;
}

} // namespace

fs::path chain_file(const fs::path& out, const ChainKey& key) {
  return out / encode(key.repo_id) / fmt::format("{}{}{}", k_chain_prefix, key.chain, k_suffix);
}

Result<ImportStats> import_records(const std::vector<fs::path>& inputs, const fs::path& out) {
  ImportStats stats;
  std::map<ChainKey, Chain> chains;
  std::set<std::string> unplaced;
  std::set<ChainKey> changed;

  // 1. The collected copy so far.
  for (const auto& file : chain_files(out))
    CUSTODY_TRY(for_each_line(file, [&](const std::string& line) {
      auto parsed = parse_record(line);
      if (auto* p = std::get_if<Parsed>(&parsed); p && p->key)
        chains[*p->key].emplace(p->seq, std::move(p->rec));
    }));
  (void)for_each_line(out / "unplaced.jsonl",
                      [&](const std::string& line) { unplaced.insert(line); }); // may not exist
  const size_t unplaced_before = unplaced.size();

  // 2. The received stream.
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!fs::exists(input, ec))
      return make_error(ErrorCode::not_found, fmt::format("no such file: {}", input.string()));
    for (const auto& file : input_files(input, out))
      CUSTODY_TRY(for_each_line(file, [&](const std::string& text) {
        ++stats.lines;
        auto line = extract(text);
        if (!line) {
          ++stats.not_records;
          return;
        }
        auto parsed = parse_record(*line);
        if (auto* damage = std::get_if<std::string>(&parsed)) {
          stats.damaged.push_back(fmt::format("{}: {}", file.filename().string(), *damage));
          return;
        }
        Parsed& p = std::get<Parsed>(parsed);
        if (!p.key) {
          unplaced.insert(*line);
          return;
        }
        Chain& chain = chains[*p.key];
        auto [it, inserted] = chain.emplace(p.seq, p.rec);
        if (inserted) {
          ++stats.added;
          changed.insert(*p.key);
        } else if (it->second.line == p.rec.line) {
          ++stats.duplicates;
        } else {
          stats.conflicts.push_back(fmt::format(
              "repository {} chain {} seq {}: two different records (kept the first, hash {})",
              p.key->repo_id, p.key->chain, p.seq,
              std::string(parse_frame(it->second.line)->hash).substr(0, 12)));
        }
      }));
  }

  // 3. Rewrite what changed.
  std::set<std::string> repos;
  for (const auto& key : changed) {
    CUSTODY_TRY(write_file(chain_file(out, key), chain_bytes(chains[key])));
    ++stats.chains_written;
    repos.insert(key.repo_id);
  }
  for (const auto& repo : repos)
    CUSTODY_TRY(write_file(out / encode(repo) / "merged.jsonl", merged_bytes(chains, repo)));
  stats.unplaced = unplaced.size() - unplaced_before;
  if (stats.unplaced > 0) {
    std::string bytes;
    for (const auto& line : unplaced)
      bytes += line + "\n";
    CUSTODY_TRY(write_file(out / "unplaced.jsonl", bytes));
  }
  stats.chains = chains.size();
  return stats;
}

Result<std::vector<ChainReport>> verify_collected(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return make_error(ErrorCode::not_found, fmt::format("no collected copy at {}", dir.string()),
                      "pass the --out directory of `custody log import`");
  std::vector<ChainReport> reports;
  for (const auto& file : chain_files(dir)) {
    ChainReport r;
    r.file = file;
    std::string name = file.filename().string();
    r.key.chain =
        name.substr(k_chain_prefix.size(), name.size() - k_chain_prefix.size() - k_suffix.size());
    std::string prev_hash = k_zero_hash;
    uint64_t line_no = 0;
    CUSTODY_TRY(for_each_line(file, [&](const std::string& line) {
      ++line_no;
      if (r.error)
        return;
      auto fail = [&](std::string why) { r.error = fmt::format("{}:{}: {}", name, line_no, why); };
      auto parsed = parse_record(line);
      if (auto* damage = std::get_if<std::string>(&parsed))
        return fail(*damage);
      Parsed& p = std::get<Parsed>(parsed);
      if (!p.key || p.key->chain != r.key.chain ||
          (!r.key.repo_id.empty() && p.key->repo_id != r.key.repo_id) ||
          chain_file(dir, *p.key) != file)
        return fail(fmt::format("record seq {} belongs to another chain", p.seq));
      r.key.repo_id = p.key->repo_id;
      if (p.seq <= r.last_seq)
        return fail(
            fmt::format("record seq {} after seq {}: duplicated or reordered", p.seq, r.last_seq));
      if (p.seq == r.last_seq + 1) {
        if (parse_frame(line)->prev != prev_hash)
          return fail(fmt::format("record seq {}: prev does not match the hash of record seq {} "
                                  "(a record was altered and re-hashed, or replaced)",
                                  p.seq, r.last_seq));
      } else {
        r.gaps.emplace_back(r.last_seq + 1, p.seq - 1);
      }
      ++r.records;
      r.last_seq = p.seq;
      prev_hash = p.hash;
    }));
    r.head_hash = prev_hash;
    reports.push_back(std::move(r));
  }
  return reports;
}

std::optional<std::pair<uint64_t, std::string>> collected_head(const fs::path& dir,
                                                               const ChainKey& key) {
  std::optional<std::pair<uint64_t, std::string>> head;
  (void)for_each_line(chain_file(dir, key), [&](const std::string& line) {
    if (auto frame = parse_frame(line))
      head = std::make_pair(frame->seq, std::string(frame->hash));
  });
  return head;
}

} // namespace custody::ledger
