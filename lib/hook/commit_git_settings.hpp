#pragma once
// What the commit-msg hook needs from git, read without libgit2: the git directory and four
// config keys (commit.cleanup, core.commentChar, user.name, user.email). Loading libgit2 and its
// dependencies (Kerberos, mbedTLS, libssh2) costs a developer ~4x the instructions of the whole
// check on every commit (docs/trailers.md, "Performance"), and commit-msg needs no objects.
//
// Config files are read in git's order, later ones winning: system (/etc/gitconfig, unless
// GIT_CONFIG_NOSYSTEM; GIT_CONFIG_SYSTEM), global (GIT_CONFIG_GLOBAL, else
// $XDG_CONFIG_HOME/git/config then ~/.gitconfig), the repository's config (the common dir's for a
// linked worktree) and config.worktree, then GIT_CONFIG_COUNT/KEY_n/VALUE_n and
// GIT_CONFIG_PARAMETERS (`git -c`). A file that uses [include]/[includeIf] makes the reader ask
// `git config` itself instead, so included files are never silently ignored.
#include "util/env.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace custody::hook {

struct CommitGitSettings {
  std::optional<std::filesystem::path> git_dir; // nullopt: not inside a repository
  std::optional<std::string> cleanup;           // commit.cleanup
  std::optional<std::string> comment_char;      // core.commentChar
  std::optional<std::string> user_name;         // user.name
  std::optional<std::string> user_email;        // user.email
};

// Finds the repository from $GIT_DIR or by walking up from `cwd`, and reads the settings.
CommitGitSettings read_commit_git_settings(const util::Environment& env,
                                           const std::filesystem::path& cwd);

// Parses one config file's text into `settings` (exposed for tests). Returns false if the text
// uses include directives (the caller then asks git).
bool parse_git_config_text(std::string_view text, CommitGitSettings& settings);

} // namespace custody::hook
