#include "ledger/origin.hpp"

#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace custody::ledger {

namespace fs = std::filesystem;

namespace {

std::string read_first_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return std::string(util::trim(line));
}

fs::path default_node_file(const util::Environment& env) {
  if (auto state = env.get_nonempty("XDG_STATE_HOME"))
    return fs::path(*state) / "custody" / "node-id";
  if (auto home = env.get_nonempty("HOME"))
    return fs::path(*home) / ".local" / "state" / "custody" / "node-id";
  return {};
}

// "<short host name>-<first 8 hex of SHA-256 of the machine id>": readable, and distinct for
// two machines that share a host name.
std::string derive_node_id() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0)
    host[0] = '\0';
  std::string name;
  for (const char* c = host; *c && *c != '.' && name.size() < 40; ++c)
    name += is_node_id(std::string_view(c, 1)) && *c != '.' ? *c : '-';
  if (name.empty() || name.front() == '-')
    name.insert(0, "node");
  std::string machine = read_first_line("/etc/machine-id");
  if (machine.empty())
    machine = read_first_line("/var/lib/dbus/machine-id");
  if (machine.empty())
    return name;
  return fmt::format("{}-{}", name,
                     util::sha256_hex(fmt::format("custody-node:{}", machine)).substr(0, 8));
}

void make_dirs(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
}

// Writes `id` to `file` unless it exists (O_EXCL): the first writer wins, and since the derived
// id is the same for every process of this machine, a lost race changes nothing.
void keep(const fs::path& file, const std::string& id) {
  make_dirs(file.parent_path());
  std::string tmp = fmt::format("{}.{}.tmp", file.string(), ::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return;
  std::string text = id + "\n";
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  if (ok)
    (void)::link(tmp.c_str(), file.c_str()); // EEXIST: another process kept it first
  ::unlink(tmp.c_str());
}

} // namespace

bool is_node_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '.')
    return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '_' || c == '-'))
      return false;
  return true;
}

std::string node_id(const LedgerConfig& config, const util::Environment& env) {
  if (!config.node.empty())
    return config.node;
  fs::path file = config.node_file;
  if (!file.empty() && file.is_relative())
    file = default_node_file(env).parent_path() / file;
  if (file.empty())
    file = default_node_file(env);
  if (!file.empty()) {
    std::string kept = read_first_line(file);
    if (is_node_id(kept))
      return kept;
  }
  std::string derived = derive_node_id();
  if (!file.empty())
    keep(file, derived);
  return derived;
}

std::string repository_id(const LedgerConfig& config, const fs::path& git_dir) {
  fs::path dir = git_dir.lexically_normal();
  if (dir.has_parent_path() && dir.filename().empty()) // "/srv/git/app.git/"
    dir = dir.parent_path();
  if (!config.repository_root.empty()) {
    fs::path rel = dir.lexically_relative(fs::path(config.repository_root).lexically_normal());
    std::string text = rel.generic_string();
    if (!rel.empty() && text != "." && !text.starts_with(".."))
      return text;
  }
  fs::path parent = dir.parent_path().filename();
  return parent.empty() || parent == "/" ? dir.filename().generic_string()
                                         : (parent / dir.filename()).generic_string();
}

} // namespace custody::ledger
