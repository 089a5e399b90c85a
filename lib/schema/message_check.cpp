// check_message and its rendering; see message_check.hpp.
#include "schema/message_check.hpp"

#include "schema/fix_command.hpp"
#include "trailers/message_end.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::schema {

namespace {

// A tool name for the AI-Generated example, from the session marker that is set.
std::string session_tool(const std::optional<std::string>& var) {
  if (!var)
    return "<tool>/<model>";
  if (*var == "CLAUDECODE")
    return "claude-code";
  if (*var == "GEMINI_CLI")
    return "gemini-cli";
  if (*var == "CODEX_SANDBOX")
    return "codex";
  if (*var == "CURSOR_AGENT")
    return "cursor";
  if (*var == "AIDER_MODEL")
    return "aider";
  return util::to_lower(*var);
}

} // namespace

MessageVerdict check_message(const config::Config& config, const MessageInput& input) {
  MessageVerdict verdict;
  verdict.cleaned = trailers::cleanup_message(input.raw, input.cleanup);
  CommitFacts facts;
  facts.author = input.author;
  facts.committer = input.author;
  facts.message = verdict.cleaned;
  facts.agent_session = input.session_var.has_value();
  facts.now = input.now;
  verdict.evaluation = evaluate_commit(config, facts, Stage::commit_msg);
  return verdict;
}

void render_message_verdict(std::ostream& out, const MessageVerdict& verdict,
                            const MessageInput& input, std::string_view program) {
  const auto& ev = verdict.evaluation;
  if (ev.findings.empty())
    return;
  std::string tool = session_tool(input.session_var);
  auto fixes_of = [&](const Finding& f) {
    std::vector<std::string> fixes = f.missing_trailers;
    for (auto& t : fixes)
      if (t.size() > 14 && t.substr(t.size() - 14) == "<tool>/<model>")
        t = t.substr(0, t.size() - 14) + tool;
    return fixes;
  };
  size_t errors = ev.errors();
  if (errors)
    out << fmt::format("{}: commit refused: {} problem{} with the commit message's trailers\n",
                       program, errors, errors == 1 ? "" : "s");
  // The commit does not exist yet: re-run it from the saved message, cut and stripped as git would.
  bool scissors = trailers::find_scissors(input.raw, input.cleanup.comment_char) < input.raw.size();
  std::string redo =
      fmt::format("git commit{} --cleanup=strip -F {}", scissors ? " -v" : "",
                  input.message_file.empty() ? ".git/COMMIT_EDITMSG" : input.message_file);
  for (const auto& f : ev.findings) {
    if (f.severity != Severity::error)
      continue;
    out << fmt::format("  error [{}]: {}\n", f.rule, f.message);
    auto fixes = fixes_of(f);
    if (f.rule == "trailers.malformed" || f.rule == "trailers.value" ||
        f.rule == "trailers.future-date")
      out << fmt::format(
          "    fix: edit the message so it reads \"{}\" in the last paragraph, then commit again\n",
          util::join(fixes, "\", \""));
    else if (f.rule == "trailers.self-review" || f.rule == "trailers.agent-reviewer")
      out << "    fix: remove that trailer; the human who reviews the change adds their own after "
             "reviewing\n";
    else if (!fixes.empty())
      out << "    fix: " << trailer_fix_command(redo, fixes) << "\n";
  }
  for (const auto& f : ev.findings) {
    if (f.severity != Severity::warning)
      continue;
    out << fmt::format("{}: warning [{}]: {}\n", program, f.rule, f.message);
    if (!f.missing_trailers.empty())
      out << "    after review: "
          << trailer_fix_command("git commit --amend --no-edit", fixes_of(f)) << "\n";
  }
  if (errors)
    out << fmt::format("hint: your message is kept in {}\n",
                       input.message_file.empty() ? ".git/COMMIT_EDITMSG" : input.message_file);
}

} // namespace custody::schema
