// ledger::append: lock, read the tail, recover a torn tail, rotate, write once, fsync.
// The order of these steps is the ledger's crash-safety argument; docs/ledger.md walks through it.
#include "ledger/continuity.hpp"
#include "ledger/head_file.hpp"
#include "ledger/ledger.hpp"
#include "ledger/lock_file.hpp"
#include "ledger/record_line.hpp"
#include "ledger/segments.hpp"
#include "ledger/signer.hpp"
#include "ledger/tail.hpp"
#include "util/sha256.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace custody::ledger {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_verify_hint = "run `custody log verify` to locate the damage";

Error io_error(std::string_view what, const fs::path& path, int err) {
  std::string hint =
      err == ENOSPC || err == EFBIG || err == EDQUOT
          ? "free space on the ledger's file system (or raise the quota), then push again"
      : err == EACCES || err == EPERM || err == EROFS
          ? "the hook's user must be able to write the ledger file and its directory"
          : "check the ledger's file system, then push again";
  return make_error(ErrorCode::io_failure,
                    fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(err)), hint);
}

// mkdir -p with mode 0750; reports whether anything was created.
Status make_dirs(const fs::path& dir, bool& created) {
  if (dir.empty() || ::access(dir.c_str(), F_OK) == 0)
    return ok_status();
  CUSTODY_TRY(make_dirs(dir.parent_path(), created));
  if (::mkdir(dir.c_str(), 0750) != 0 && errno != EEXIST)
    return io_error("create the ledger directory", dir, errno);
  created = true;
  return ok_status();
}

Status fsync_dir(const fs::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return io_error("open directory", dir, errno);
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0 && err != EINVAL) // some file systems cannot fsync directories
    return io_error("fsync directory", dir, err);
  return ok_status();
}

// Where the chain stands before this call's records.
struct ChainState {
  uint64_t last_seq = 0;
  std::string last_hash = k_zero_hash;
  std::optional<uint64_t> new_segment; // set: the next record is the first of this segment
  std::string last_node;               // "node" of the last record; empty: none (or older)
  std::string last_chain;              // "chain" of the last record; empty: none (or older)
};

// The last record's origin members, for the chain id and last_seen (docs/ledger.md#origin).
void read_origin(const std::string& line, ChainState& state) {
  const util::Json j = util::Json::parse(line, nullptr, false);
  if (!j.is_object())
    return;
  if (auto node = j.find("node"); node != j.end() && node->is_string())
    state.last_node = node->get<std::string>();
  if (auto chain = j.find("chain"); chain != j.end() && chain->is_string())
    state.last_chain = chain->get<std::string>();
}

Result<ChainState> state_after(const std::string& line, const fs::path& file) {
  auto frame = parse_frame(line);
  if (!frame)
    return make_error(ErrorCode::invalid_input,
                      fmt::format("the last record of {} is damaged; refusing to extend the chain",
                                  file.string()),
                      k_verify_hint);
  ChainState state{frame->seq, std::string(frame->hash), std::nullopt, {}, {}};
  read_origin(line, state);
  return state;
}

// The state at the end of the closed segments, for a live segment without a complete record.
Result<ChainState> state_from_closed(const fs::path& current) {
  auto closed = list_closed_segments(current);
  if (!closed)
    return closed.error();
  if (closed->empty())
    return ChainState{0, k_zero_hash, 1, {}, {}};
  const SegmentFile& last = closed->back();
  UniqueFd fd(::open(last.path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid())
    return io_error("open", last.path, errno);
  auto tail = read_tail(fd.get(), last.path.string());
  if (!tail)
    return tail.error();
  if (!tail->last_line || tail->torn())
    return make_error(
        ErrorCode::invalid_input,
        fmt::format("closed segment {} does not end with a complete record", last.path.string()),
        k_verify_hint);
  auto state = state_after(*tail->last_line, last.path);
  if (state)
    state->new_segment = last.number + 1;
  return state;
}

Result<std::string> torn_sha256(int fd, uint64_t offset, uint64_t length, const fs::path& path) {
  util::Sha256 hasher;
  std::string buffer(64 * 1024, '\0');
  while (length > 0) {
    ssize_t n = ::pread(fd, buffer.data(), std::min<uint64_t>(length, buffer.size()),
                        static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return io_error("read the torn tail of", path, n == 0 ? EIO : errno);
    hasher.update(std::string_view(buffer.data(), static_cast<size_t>(n)));
    offset += static_cast<uint64_t>(n);
    length -= static_cast<uint64_t>(n);
  }
  auto digest = hasher.finish();
  return util::to_hex(digest.data(), digest.size());
}

// Test-only: CUSTODY_TEST_APPEND_DELAY_MS=N splits the write in two and sleeps N ms between
// the halves, so a test can kill -9 a writer with a torn tail on disk. Unset: one write().
unsigned test_delay_ms() {
  const char* value = std::getenv("CUSTODY_TEST_APPEND_DELAY_MS");
  return value && *value ? static_cast<unsigned>(std::strtoul(value, nullptr, 10)) : 0;
}

Status write_bytes(int fd, std::string_view bytes, const fs::path& path) {
  std::string_view rest = bytes;
  if (unsigned delay = test_delay_ms(); delay > 0 && bytes.size() > 1) {
    size_t half = bytes.size() / 2;
    if (::write(fd, bytes.data(), half) != static_cast<ssize_t>(half))
      return io_error("write", path, errno);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    rest = bytes.substr(half);
  }
  while (!rest.empty()) {
    ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return io_error("write", path, n == 0 ? ENOSPC : errno);
    rest.remove_prefix(static_cast<size_t>(n));
  }
  return ok_status();
}

// Keys the ledger stamps on every record when the options name a node.
constexpr std::string_view k_origin_keys[] = {"node", "chain", "repo_id", "host_repo_id",
                                              "last_seen"};

bool is_origin_key(std::string_view key) {
  for (auto k : k_origin_keys)
    if (key == k)
      return true;
  return false;
}

Status check_bodies(const std::vector<util::Json>& bodies) {
  for (const auto& body : bodies) {
    if (!body.is_object())
      return make_error(ErrorCode::invalid_input, "ledger: a record body must be a JSON object");
    for (const auto& [key, value] : body.items())
      if (is_reserved_key(key) || is_origin_key(key))
        return make_error(ErrorCode::invalid_input,
                          fmt::format("ledger: record body sets reserved key \"{}\"", key));
    auto type = body.find("type");
    if (type != body.end() && (*type == "recovery" || *type == "checkpoint" || *type == "gap"))
      return make_error(
          ErrorCode::invalid_input,
          fmt::format("ledger: record type {} is written only by the ledger", type->dump()));
  }
  return ok_status();
}

// `body` with the origin members after "type": node, chain (the node that started this chain,
// carried from record to record), repo_id, host_repo_id and, when the record before was written
// by another node, last_seen = that record's node, seq and hash (a failover on a shared volume).
util::Json stamp(const util::Json& body, const LedgerOptions& options, const ChainState& state) {
  if (options.node.empty())
    return body;
  util::Json r = util::Json::object();
  if (auto type = body.find("type"); type != body.end())
    r["type"] = *type;
  r["node"] = options.node;
  r["chain"] = state.last_chain.empty() ? options.node : state.last_chain;
  r["repo_id"] = options.repo_id;
  if (!options.host_repo_id.empty())
    r["host_repo_id"] = options.host_repo_id;
  if (!state.last_node.empty() && state.last_node != options.node)
    r["last_seen"] = {
        {"node", state.last_node}, {"seq", state.last_seq}, {"hash", state.last_hash}};
  for (const auto& [key, value] : body.items())
    if (key != "type")
      r[key] = value;
  return r;
}

// Appends one line for `body` to `bytes`, advancing `state`.
std::string add_line(std::string& bytes, ChainState& state, const util::Json& given,
                     const LedgerOptions& options) {
  const util::Json body = stamp(given, options, state);
  std::string line = make_line(state.last_seq + 1, state.last_hash, state.new_segment, body);
  if (!options.node.empty()) {
    state.last_node = options.node;
    state.last_chain = body["chain"].get<std::string>();
  }
  state.last_seq += 1;
  state.last_hash = std::string(parse_frame(line)->hash);
  state.new_segment.reset();
  bytes += line;
  bytes += '\n';
  return state.last_hash;
}

// The chain state before this call's records, rotating first if the live segment is full.
// `fd`, `tail` and `created_file` follow the live segment when it is rotated.
Result<ChainState> chain_state(const LedgerOptions& options, UniqueFd& fd, Tail& tail,
                               bool& created_file) {
  const fs::path& path = options.path;
  if (options.rotate_bytes > 0 && !tail.torn() && tail.last_line &&
      tail.size >= options.rotate_bytes) {
    auto closed = list_closed_segments(path);
    if (!closed)
      return closed.error();
    uint64_t number = closed->empty() ? 1 : closed->back().number + 1;
    auto state = state_after(*tail.last_line, path);
    if (!state)
      return state.error();
    fs::path target = segment_path(path, number);
    if (::access(target.c_str(), F_OK) == 0)
      return make_error(ErrorCode::io_failure,
                        fmt::format("cannot rotate the ledger: {} already exists", target.string()),
                        k_verify_hint);
    if (::rename(path.c_str(), target.c_str()) != 0)
      return io_error("rotate the ledger to", target, errno);
    fd = UniqueFd(::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
    if (!fd.valid())
      return io_error("create the new ledger segment", path, errno);
    created_file = true;
    state->new_segment = number + 1;
    tail = Tail{};
    return state;
  }
  if (tail.last_line)
    return state_after(*tail.last_line, path);
  return state_from_closed(path);
}

// What the head file says about the chain found: nullopt when it continues (or there is no
// head file yet), else the gap.
Result<std::optional<Gap>> check_head(const LedgerOptions& options, const ChainState& state) {
  if (options.head_file.empty())
    return std::optional<Gap>();
  auto recorded = read_head_file(options.head_file);
  if (!recorded)
    return recorded.error();
  if (!*recorded)
    return std::optional<Gap>();
  return find_gap(options.path, **recorded, HeadMark{state.last_seq, state.last_hash});
}

util::Json gap_record(const Gap& gap, const LedgerOptions& options, const std::string& by) {
  auto mark = [](const HeadMark& m) { return util::Json{{"seq", m.seq}, {"hash", m.hash}}; };
  return {{"type", "gap"},
          {"time", util::now_utc()},
          {"by", by},
          {"head_file", options.head_file.string()},
          {"expected", mark(gap.expected)},
          {"found", mark(gap.found)},
          {"message", "an administrator accepted a ledger that does not continue its recorded "
                      "head; the chain continues from the records found"}};
}

enum class GapMode { refuse, accept };

Result<std::vector<Appended>> append_impl(const LedgerOptions& options,
                                          const std::vector<util::Json>& given, GapMode mode,
                                          const std::string& by) {
  CUSTODY_TRY(check_bodies(given));
  std::optional<Ed25519Key> key;
  if (!options.signing_key.empty()) {
    auto loaded = Ed25519Key::load_private(options.signing_key);
    if (!loaded)
      return loaded.error();
    key = std::move(*loaded);
  }
  const fs::path& path = options.path;
  const fs::path dir = path.parent_path();

  bool created_dir = false;
  CUSTODY_TRY(make_dirs(dir, created_dir));
  auto lock = acquire_lock(path, LockMode::exclusive);
  if (!lock)
    return lock.error();

  bool created_file = false;
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_APPEND | O_CLOEXEC));
  if (!fd.valid() && errno == ENOENT) {
    fd = UniqueFd(::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
    created_file = fd.valid();
  }
  if (!fd.valid())
    return io_error("open the ledger", path, errno);
  auto tail = read_tail(fd.get(), path.string());
  if (!tail)
    return tail.error();

  // 1. Where the chain stands, and whether it continues the head recorded outside the ledger.
  auto chain = chain_state(options, fd, *tail, created_file);
  if (!chain)
    return chain.error();
  ChainState state = *chain;
  auto gap = check_head(options, state);
  if (gap && *gap && mode == GapMode::refuse)
    gap = gap_error(**gap, path, options.head_file);
  else if (gap && !*gap && mode == GapMode::accept)
    gap = make_error(ErrorCode::invalid_input,
                     fmt::format("no gap to accept: the ledger {} continues its head file {}",
                                 path.string(), options.head_file.string()),
                     "run `custody log verify` to check the chain");
  if (!gap) {
    if (created_file && tail->size == 0)
      ::unlink(path.c_str());
    return gap.error();
  }
  std::vector<util::Json> bodies =
      mode == GapMode::accept ? std::vector<util::Json>{gap_record(**gap, options, by)} : given;

  // 2. The bytes of this call: a torn tail's terminator and recovery record, the records, and
  //    with a signing key a checkpoint that signs the new head.
  std::string bytes;
  if (tail->torn()) {
    uint64_t offset = tail->complete_size;
    uint64_t length = tail->size - tail->complete_size;
    auto digest = torn_sha256(fd.get(), offset, length, path);
    if (!digest)
      return digest.error();
    bytes += '\n';
    util::Json recovery = {
        {"type", "recovery"},
        {"time", util::now_utc()},
        {"torn", {{"offset", offset}, {"length", length}, {"sha256", *digest}}},
        {"message",
         "a writer was interrupted mid-append; the bytes above are kept, not part of the chain"}};
    add_line(bytes, state, recovery, options);
  }
  std::vector<Appended> appended;
  for (const auto& body : bodies) {
    std::string hash = add_line(bytes, state, body, options);
    appended.push_back({state.last_seq, hash});
  }
  if (key) {
    auto sig = key->sign(checkpoint_message(state.last_seq + 1, state.last_hash));
    if (!sig)
      return sig.error();
    util::Json checkpoint = {
        {"type", "checkpoint"}, {"time", util::now_utc()}, {"key", key->key_id()}, {"sig", *sig}};
    add_line(bytes, state, checkpoint, options);
  }

  // 3. One write, then fsync, then the head file; on failure put the ledger back as it was.
  Status written = write_bytes(fd.get(), bytes, path);
  if (written && ::fsync(fd.get()) != 0)
    written = io_error("fsync", path, errno);
  if (written && !options.head_file.empty())
    written = write_head_file(options.head_file, HeadMark{state.last_seq, state.last_hash});
  if (!written) {
    if (::ftruncate(fd.get(), static_cast<off_t>(tail->size)) == 0)
      (void)::fsync(fd.get());
    return written.error();
  }
  if (created_file || created_dir)
    CUSTODY_TRY(fsync_dir(dir));
  if (created_dir)
    CUSTODY_TRY(fsync_dir(dir.parent_path()));
  return appended;
}

} // namespace

Result<std::vector<Appended>> append(const LedgerOptions& options,
                                     const std::vector<util::Json>& bodies) {
  return append_impl(options, bodies, GapMode::refuse, {});
}

Result<Appended> accept_gap(const LedgerOptions& options, const std::string& by) {
  auto appended = append_impl(options, {}, GapMode::accept, by);
  if (!appended)
    return appended.error();
  return appended->front();
}

} // namespace custody::ledger
