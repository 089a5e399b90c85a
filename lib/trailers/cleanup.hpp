#pragma once
// What git does to a commit message after the commit-msg hook has run (builtin/commit.c,
// strbuf_stripspace, wt_status_locate_end), so the hook judges the message git will store.
// The hook receives the raw file: editor comments, and with `git commit -v` or
// commit.cleanup=scissors the scissors line and the diff below it (HOOK-CONTRACTS §1.8).
#include <optional>
#include <string>
#include <string_view>

namespace custody::trailers {

enum class CleanupMode {
  strip,      // cut at the scissors line, drop comment lines, then `whitespace`
  scissors,   // cut at the scissors line, then `whitespace` (comments above it are kept)
  whitespace, // drop trailing whitespace and leading/trailing/repeated blank lines
  verbatim,   // nothing
};

struct CleanupSettings {
  CleanupMode mode = CleanupMode::strip;
  char comment_char = '#';
};

// The mode git uses for `commit.cleanup` = `config_value` (nullopt: unset) when an editor is
// (`editor` true) or is not (`-m`, `-F`: git sets GIT_EDITOR=: for the hook) run. Unknown
// values behave as "default".
CleanupMode resolve_cleanup_mode(const std::optional<std::string>& config_value, bool editor);

// The comment character for `core.commentChar` = `config_value` (nullopt: '#'). For "auto",
// git picked a character that starts no line of the message and wrote its own comments with
// it; we recognise it from those comments (the "Please enter the commit message" line or the
// scissors line), falling back to '#'.
char resolve_comment_char(const std::optional<std::string>& config_value,
                          std::string_view raw_message);

// The message as git will store it.
std::string cleanup_message(std::string_view raw, const CleanupSettings& settings);

} // namespace custody::trailers
