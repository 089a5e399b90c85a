// `custody check-message FILE`: the commit-msg hook's verdict on a message file, without
// committing: same cleanup, same schema, same messages and exit code (0 ok or warnings only,
// 1 refused). Options stand in for what git would tell the hook.
#include "cli/args.hpp"
#include "cli/command.hpp"
#include "config/loader.hpp"
#include "hook/commit_git_settings.hpp"
#include "hook/exit_code.hpp"
#include "schema/message_check.hpp"
#include "util/file.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <ctime>
#include <istream>
#include <iterator>
#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_usage =
    "usage: custody check-message FILE|- [options]\n\n"
    "Gives the commit-msg hook's verdict on a commit message file.\n\n"
    "  --author \"Name <email>\"  the commit author (default: $GIT_AUTHOR_*, then "
    "user.name/user.email)\n"
    "  --agent-session VAR      judge it as made inside an agent session marked by VAR\n"
    "  --cleanup MODE           strip, scissors, whitespace or verbatim (default: commit.cleanup, "
    "else strip)\n"
    "  --comment-char C         the comment character (default #)\n"
    "  --now DATE               the current time, ISO 8601 (default: now)\n";

} // namespace

int cmd_check_message(const Args& args, hook::Io& io) {
  int exit_code = hook::k_exit_ok;
  auto parsed = parse_command_line("check-message", args,
                                   {{"--author", true},
                                    {"--agent-session", true},
                                    {"--cleanup", true},
                                    {"--comment-char", true},
                                    {"--now", true}},
                                   k_usage, io, exit_code);
  if (!parsed)
    return exit_code;
  if (parsed->positional().size() != 1) {
    io.err << "custody check-message: expected one FILE\n" << k_usage;
    return hook::k_exit_usage;
  }
  schema::MessageInput input;
  input.message_file = parsed->positional()[0];
  if (input.message_file == "-") {
    input.raw.assign(std::istreambuf_iterator<char>(io.in), std::istreambuf_iterator<char>());
  } else {
    auto text = util::read_file(io.cwd / input.message_file);
    if (!text) {
      io.err << fmt::format("custody check-message: cannot read {}: {}\n", input.message_file,
                            text.error().message);
      return hook::k_exit_internal_error;
    }
    input.raw = std::move(*text);
  }

  // The same git settings, read the same way, as the commit-msg hook.
  const auto git = hook::read_commit_git_settings(io.env, io.cwd);
  auto loaded = config::load_config(config::load_options_from_env(io.env, git.git_dir));
  if (!loaded.diagnostics.empty()) {
    io.err << "custody check-message: the configuration is invalid:\n";
    for (const auto& d : loaded.diagnostics)
      io.err << "  " << d.to_string() << "\n";
    return hook::k_exit_internal_error;
  }

  std::string mode = parsed->value("--cleanup").value_or(git.cleanup.value_or("strip"));
  if (mode == "default")
    mode = "strip";
  if (mode != "strip" && mode != "scissors" && mode != "whitespace" && mode != "verbatim") {
    io.err << fmt::format("custody check-message: unknown --cleanup mode \"{}\"\n{}", mode,
                          k_usage);
    return hook::k_exit_usage;
  }
  input.cleanup.mode = trailers::resolve_cleanup_mode(mode, true);
  input.cleanup.comment_char = trailers::resolve_comment_char(git.comment_char, input.raw);
  if (auto c = parsed->value("--comment-char"); c && !c->empty())
    input.cleanup.comment_char = (*c)[0];

  if (auto author = parsed->value("--author")) {
    auto id = schema::parse_identity(*author);
    if (!id) {
      io.err << fmt::format("custody check-message: --author \"{}\" is not \"Name <email>\"\n",
                            *author);
      return hook::k_exit_usage;
    }
    input.author = {id->name, id->email, 0};
  } else {
    input.author.name = io.env.get_nonempty("GIT_AUTHOR_NAME").value_or(git.user_name.value_or(""));
    input.author.email =
        io.env.get_nonempty("GIT_AUTHOR_EMAIL").value_or(git.user_email.value_or(""));
  }
  input.session_var = parsed->value("--agent-session");
  input.now = static_cast<int64_t>(std::time(nullptr));
  if (auto now = parsed->value("--now")) {
    auto t = util::parse_iso8601(*now);
    if (!t) {
      io.err << fmt::format("custody check-message: --now \"{}\" is not an ISO 8601 date\n", *now);
      return hook::k_exit_usage;
    }
    input.now = *t;
  }

  auto verdict = schema::check_message(loaded.config, input);
  schema::render_message_verdict(io.err, verdict, input, "custody check-message");
  if (verdict.evaluation.findings.empty())
    io.out << "ok: the message satisfies the trailer schema\n";
  return verdict.evaluation.errors() ? hook::k_exit_rejected : hook::k_exit_ok;
}

} // namespace custody::cli
