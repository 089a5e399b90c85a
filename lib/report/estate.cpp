#include "report/estate.hpp"

#include "config/digest.hpp"
#include "config/loader.hpp"
#include "util/glob.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace custody::report {

namespace fs = std::filesystem;

namespace {

bool is_git_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "HEAD", ec) && fs::is_directory(dir / "objects", ec) &&
         fs::exists(dir / "refs", ec);
}

std::string relative_name(const fs::path& path, const fs::path& base) {
  std::string name = path.lexically_relative(base).generic_string();
  return name.empty() || name == "." ? path.filename().generic_string() : name;
}

} // namespace

bool is_closed_segment_name(const std::string& name) {
  // <stem>.<6+ digits>.jsonl
  const std::string ext = ".jsonl";
  if (name.size() <= ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0)
    return false;
  std::string stem = name.substr(0, name.size() - ext.size());
  auto dot = stem.rfind('.');
  if (dot == std::string::npos || stem.size() - dot - 1 < 6)
    return false;
  return stem.find_first_not_of("0123456789", dot + 1) == std::string::npos;
}

std::vector<fs::path> git_dirs_under(const fs::path& root) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec))
      continue;
    const fs::path& dir = it->path();
    if (is_git_dir(dir)) {
      found.push_back(dir);
      it.disable_recursion_pending(); // a repository's insides hold no other repository
      continue;
    }
    if (fs::exists(dir / ".git", ec)) { // a work tree: its .git is the repository
      if (is_git_dir(dir / ".git"))
        found.push_back(dir / ".git");
      it.disable_recursion_pending();
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

Result<std::vector<LedgerSource>> ledgers_under_root(const fs::path& root,
                                                     const util::Environment& env) {
  std::error_code ec;
  if (!fs::is_directory(root, ec))
    return make_error(
        ErrorCode::not_found, fmt::format("--root {} is not a directory", root.string()),
        "pass the host's repository root, e.g. /var/lib/gitea/data/gitea-repositories");
  std::vector<LedgerSource> out;
  for (const auto& git_dir : git_dirs_under(root)) {
    LedgerSource s;
    fs::path shown = git_dir.filename() == ".git" ? git_dir.parent_path() : git_dir;
    s.repository = relative_name(shown, root);
    s.git_dir = git_dir;
    auto loaded = config::load_config(config::load_options_from_env(env, git_dir));
    if (!loaded.diagnostics.empty())
      s.config_error = loaded.diagnostics.front().to_string();
    const auto& cfg = loaded.config.ledger;
    fs::path path = cfg.path.empty() ? "custody/ledger.jsonl" : cfg.path;
    s.ledger = (path.is_relative() ? git_dir / path : path).lexically_normal();
    if (!cfg.signing_key.empty()) {
      fs::path key = cfg.signing_key;
      s.signing_key = (key.is_relative() ? git_dir / key : key).lexically_normal();
    }
    s.config_layers = loaded.config.layers;
    s.config_digest = config::config_digest(loaded.config);
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<LedgerSource>> ledgers_matching(const std::vector<std::string>& globs,
                                                   const fs::path& cwd) {
  std::set<fs::path> seen;
  std::vector<LedgerSource> out;
  for (const auto& text : globs) {
    std::string pattern = fs::path(text).is_relative() ? (cwd / text).generic_string() : text;
    auto glob = util::Glob::compile(pattern, util::GlobSyntax::path);
    if (!glob)
      return make_error(ErrorCode::invalid_input,
                        fmt::format("--ledgers '{}': {}", text, glob.error().message));
    // Walk from the last directory of the fixed prefix.
    const std::string& prefix = glob->literal_prefix();
    fs::path base = fs::path(prefix.substr(0, prefix.rfind('/') + 1));
    if (base.empty())
      base = "/";
    std::error_code ec;
    auto consider = [&](const fs::path& file) {
      std::string name = file.filename().string();
      if (is_closed_segment_name(name) || !glob->matches(file.generic_string()) ||
          !seen.insert(file).second)
        return;
      LedgerSource s;
      s.repository = relative_name(file.parent_path(), base);
      if (fs::path(s.repository).filename() == "custody")
        s.repository = fs::path(s.repository).parent_path().generic_string();
      if (s.repository.empty())
        s.repository = file.parent_path().filename().string();
      s.ledger = file;
      out.push_back(std::move(s));
    };
    if (glob->is_literal()) {
      if (fs::is_regular_file(prefix, ec))
        consider(prefix);
      continue;
    }
    fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec))
        consider(it->path());
  }
  std::sort(out.begin(), out.end(),
            [](const LedgerSource& a, const LedgerSource& b) { return a.ledger < b.ledger; });
  return out;
}

} // namespace custody::report
