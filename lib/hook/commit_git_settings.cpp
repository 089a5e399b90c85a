// Reading the git dir and four config keys without libgit2; see commit_git_settings.hpp.
#include "hook/commit_git_settings.hpp"

#include "hook/git_config_parameters.hpp"
#include "util/file.hpp"
#include "util/strings.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace custody::hook {

namespace fs = std::filesystem;

namespace {

void assign(CommitGitSettings& s, std::string_view key, const std::string& value) {
  if (util::iequals(key, "commit.cleanup"))
    s.cleanup = value;
  else if (util::iequals(key, "core.commentchar"))
    s.comment_char = value;
  else if (util::iequals(key, "user.name"))
    s.user_name = value;
  else if (util::iequals(key, "user.email"))
    s.user_email = value;
}

// One value after '=': quotes, escapes, comments and trailing blanks as git parses them.
// `pos` points after the '='; continuation lines (backslash-newline) are followed.
std::string parse_value(std::string_view text, size_t& pos) {
  std::string out;
  bool quoted = false;
  size_t pending_spaces = 0;
  while (pos < text.size()) {
    char c = text[pos++];
    if (c == '\n') {
      if (quoted)
        break; // git: an unterminated quote is an error; we take what we have
      break;
    }
    if (!quoted && (c == ';' || c == '#')) {
      while (pos < text.size() && text[pos] != '\n')
        ++pos;
      break;
    }
    if (!quoted && (c == ' ' || c == '\t' || c == '\r')) {
      if (!out.empty())
        ++pending_spaces;
      continue;
    }
    out.append(pending_spaces, ' ');
    pending_spaces = 0;
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (c == '\\' && pos < text.size()) {
      char e = text[pos++];
      switch (e) {
      case '\n':
        continue; // continuation line
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'b':
        if (!out.empty())
          out.pop_back();
        break;
      default:
        out += e;
      }
      continue;
    }
    out += c;
  }
  return out;
}

std::string read_file_or_empty(const fs::path& path) {
  auto text = util::read_file(path);
  return text ? std::move(*text) : std::string();
}

// The git directory for a work tree `dir` containing `.git` (a directory, or a file "gitdir: X").
std::optional<fs::path> git_dir_at(const fs::path& dir) {
  fs::path dot_git = dir / ".git";
  std::error_code ec;
  if (fs::is_directory(dot_git, ec))
    return dot_git;
  if (!fs::is_regular_file(dot_git, ec))
    return std::nullopt;
  std::string text = read_file_or_empty(dot_git);
  if (text.rfind("gitdir: ", 0) != 0)
    return std::nullopt;
  fs::path target = std::string(util::trim(std::string_view(text).substr(8)));
  return target.is_relative() ? (dir / target).lexically_normal() : target;
}

std::optional<fs::path> find_git_dir(const util::Environment& env, const fs::path& cwd) {
  if (auto dir = env.get_nonempty("GIT_DIR")) {
    fs::path p = *dir;
    return p.is_relative() ? (cwd / p).lexically_normal() : p;
  }
  std::error_code ec;
  for (fs::path dir = cwd;; dir = dir.parent_path()) {
    if (auto found = git_dir_at(dir))
      return found;
    if (fs::exists(dir / "HEAD", ec) && fs::is_directory(dir / "objects", ec) &&
        fs::is_directory(dir / "refs", ec))
      return dir; // a bare repository
    if (dir == dir.parent_path())
      return std::nullopt;
  }
}

// Asks git itself (for configurations with include directives).
std::optional<std::string> ask_git(const fs::path& cwd, const char* key) {
  std::string cmd = "git -C '" + cwd.string() + "' config --get " + key + " 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p)
    return std::nullopt;
  std::string out;
  char buf[512];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
    out.append(buf, n);
  if (::pclose(p) != 0)
    return std::nullopt;
  if (!out.empty() && out.back() == '\n')
    out.pop_back();
  return out;
}

} // namespace

bool parse_git_config_text(std::string_view text, CommitGitSettings& settings) {
  std::string section; // "core", or "section.subsection"
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r' || text[pos] == '\n'))
      ++pos;
    if (pos >= text.size())
      break;
    char c = text[pos];
    if (c == '#' || c == ';') {
      while (pos < text.size() && text[pos] != '\n')
        ++pos;
      continue;
    }
    if (c == '[') {
      size_t end = text.find(']', pos);
      if (end == std::string_view::npos)
        return true; // malformed: git would refuse; take nothing more
      std::string_view header = text.substr(pos + 1, end - pos - 1);
      size_t quote = header.find('"');
      std::string name = util::to_lower(util::trim(header.substr(0, quote)));
      section = quote == std::string_view::npos ? name : name + ".<sub>";
      if (name == "include" || name == "includeif")
        return false;
      pos = end + 1;
      continue;
    }
    size_t key_end = pos;
    while (key_end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[key_end])) || text[key_end] == '-'))
      ++key_end;
    std::string key = section + "." + std::string(text.substr(pos, key_end - pos));
    pos = key_end;
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'))
      ++pos;
    std::string value = "true"; // "key" alone is a boolean
    if (pos < text.size() && text[pos] == '=') {
      ++pos;
      value = parse_value(text, pos);
    } else {
      while (pos < text.size() && text[pos] != '\n')
        ++pos;
    }
    assign(settings, key, value);
  }
  return true;
}

CommitGitSettings read_commit_git_settings(const util::Environment& env, const fs::path& cwd) {
  CommitGitSettings s;
  s.git_dir = find_git_dir(env, cwd);
  std::vector<fs::path> files;
  if (auto system = env.get_nonempty("GIT_CONFIG_SYSTEM"))
    files.emplace_back(*system);
  else if (!env.get_nonempty("GIT_CONFIG_NOSYSTEM"))
    files.emplace_back("/etc/gitconfig");
  if (auto global = env.get_nonempty("GIT_CONFIG_GLOBAL")) {
    files.emplace_back(*global);
  } else if (auto home = env.get_nonempty("HOME")) {
    fs::path xdg = env.get_nonempty("XDG_CONFIG_HOME").value_or(*home + "/.config");
    files.push_back(xdg / "git" / "config");
    files.push_back(fs::path(*home) / ".gitconfig");
  }
  if (s.git_dir) {
    fs::path common = *s.git_dir;
    std::string commondir(util::trim(read_file_or_empty(*s.git_dir / "commondir")));
    if (!commondir.empty())
      common = fs::path(commondir).is_relative() ? (*s.git_dir / commondir).lexically_normal()
                                                 : fs::path(commondir);
    files.push_back(common / "config");
    files.push_back(*s.git_dir /
                    "config.worktree"); // read only if present; git needs extensions.worktreeConfig
  }
  for (const auto& f : files) {
    std::string text = read_file_or_empty(f);
    if (text.empty())
      continue;
    if (!parse_git_config_text(text, s)) { // include directives: let git resolve everything
      for (auto [key, field] : {std::pair{"commit.cleanup", &s.cleanup},
                                {"core.commentChar", &s.comment_char},
                                {"user.name", &s.user_name},
                                {"user.email", &s.user_email}})
        *field = ask_git(cwd, key);
      break;
    }
  }
  // GIT_CONFIG_COUNT/KEY_n/VALUE_n, then `git -c`.
  if (auto count = env.get_nonempty("GIT_CONFIG_COUNT")) {
    long n = std::strtol(count->c_str(), nullptr, 10);
    for (long i = 0; i < n && i < 1000; ++i) {
      auto key = env.get("GIT_CONFIG_KEY_" + std::to_string(i));
      auto value = env.get("GIT_CONFIG_VALUE_" + std::to_string(i));
      if (key && value)
        assign(s, *key, *value);
    }
  }
  for (const char* key : {"commit.cleanup", "core.commentChar", "user.name", "user.email"})
    if (auto v = git_config_parameter(env, key))
      assign(s, key, *v);
  return s;
}

} // namespace custody::hook
