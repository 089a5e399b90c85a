// commit-msg: read the message file → find the repository (GIT_DIR in linked worktrees, else
// discovery from the work tree top) → load custody's config → apply git's cleanup settings
// (commit.cleanup, core.commentChar, GIT_EDITOR=: for -m/-F) → evaluate → print → exit code.
// HOOK-CONTRACTS.md §1.8 lists what git hands the hook.
#include "hook/commit_msg.hpp"

#include "config/loader.hpp"
#include "hook/commit_git_settings.hpp"
#include "hook/exit_code.hpp"
#include "identity/agents_config.hpp"
#include "schema/message_check.hpp"
#include "util/file.hpp"

#include <fmt/format.h>

#include <ctime>
#include <ostream>

namespace custody::hook {

namespace {

constexpr std::string_view k_program = "custody commit-msg";

} // namespace

int commit_msg_main(int argc, char** argv, Io& io) {
  if (argc < 2) {
    io.err << "usage: commit-msg <message-file> (git runs this hook with the path of the commit "
              "message)\n";
    return k_exit_usage;
  }
  schema::MessageInput input;
  input.message_file = argv[1];
  auto raw = util::read_file(io.cwd / input.message_file);
  if (!raw) {
    io.err << fmt::format("{}: cannot read the commit message: {}\n", k_program,
                          raw.error().message);
    return k_exit_internal_error;
  }
  input.raw = std::move(*raw);

  // The repository and git's settings, read without libgit2 (commit_git_settings.hpp): git
  // exports GIT_DIR only in linked worktrees; elsewhere cwd is the top of the work tree.
  const CommitGitSettings git = read_commit_git_settings(io.env, io.cwd);
  const std::optional<std::filesystem::path>& git_dir = git.git_dir;

  auto loaded = config::load_config(config::load_options_from_env(io.env, git_dir));
  if (!loaded.diagnostics.empty()) {
    io.err << fmt::format("{}: commit refused: custody's configuration is invalid:\n", k_program);
    for (const auto& d : loaded.diagnostics)
      io.err << "  " << d.to_string() << "\n";
    io.err << "hint: fix the file (`custody config check` lists every problem)\n";
    return k_exit_internal_error;
  }
  const config::Config& config = loaded.config;

  bool editor = io.env.get("GIT_EDITOR") != std::optional<std::string>(":");
  input.cleanup.mode = trailers::resolve_cleanup_mode(git.cleanup, editor);
  input.cleanup.comment_char = trailers::resolve_comment_char(git.comment_char, input.raw);

  input.author.name = io.env.get_nonempty("GIT_AUTHOR_NAME").value_or(git.user_name.value_or(""));
  input.author.email =
      io.env.get_nonempty("GIT_AUTHOR_EMAIL").value_or(git.user_email.value_or(""));
  for (const auto& var : config.get<identity::AgentsConfig>().session_env)
    if (io.env.get_nonempty(var)) {
      input.session_var = var;
      break;
    }
  input.now = static_cast<int64_t>(std::time(nullptr));
  if (auto fixed = io.env.get_nonempty("CUSTODY_NOW")) // tests: a fixed clock
    input.now = std::strtoll(fixed->c_str(), nullptr, 10);

  auto verdict = schema::check_message(config, input);
  render_message_verdict(io.err, verdict, input, k_program);
  return verdict.evaluation.errors() ? k_exit_rejected : k_exit_ok;
}

} // namespace custody::hook
