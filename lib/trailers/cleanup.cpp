// git's commit message cleanup, for the commit-msg hook; see cleanup.hpp.
#include "trailers/cleanup.hpp"

#include "trailers/git_ctype.hpp"
#include "trailers/message_end.hpp"

namespace custody::trailers {

namespace {

// git's candidates for core.commentChar=auto, in order of preference.
constexpr std::string_view k_auto_candidates = "#;@!$%^&|:";

// strbuf_stripspace: trailing whitespace off every line, comment lines dropped when
// `comment_char` is set, runs of blank lines collapsed to one, none at either end, and a
// final LF.
std::string stripspace(std::string_view text, std::optional<char> comment_char) {
  std::string out;
  out.reserve(text.size() + 1);
  size_t empties = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(pos, next - pos);
    pos = next;
    if (comment_char && !line.empty() && line.front() == *comment_char)
      continue;
    while (!line.empty() && is_git_space(line.back()))
      line.remove_suffix(1);
    if (line.empty()) {
      ++empties;
      continue;
    }
    if (empties > 0 && !out.empty())
      out += '\n';
    empties = 0;
    out += line;
    out += '\n';
  }
  return out;
}

} // namespace

CleanupMode resolve_cleanup_mode(const std::optional<std::string>& config_value, bool editor) {
  std::string v = config_value.value_or("default");
  if (v == "verbatim")
    return CleanupMode::verbatim;
  if (v == "whitespace")
    return CleanupMode::whitespace;
  if (v == "strip")
    return CleanupMode::strip;
  if (v == "scissors")
    return editor ? CleanupMode::scissors : CleanupMode::whitespace;
  return editor ? CleanupMode::strip : CleanupMode::whitespace;
}

char resolve_comment_char(const std::optional<std::string>& config_value, std::string_view raw) {
  if (!config_value || config_value->empty())
    return '#';
  if (*config_value != "auto")
    return (*config_value)[0];
  for (char c : k_auto_candidates) {
    std::string please = std::string(1, c) + " Please enter the commit message";
    std::string cut = std::string(1, c) + " ------------------------ >8 ------------------------\n";
    for (const auto& marker : {please, cut}) {
      size_t p = raw.find(marker);
      if (p != std::string_view::npos && (p == 0 || raw[p - 1] == '\n'))
        return c;
    }
  }
  return '#';
}

std::string cleanup_message(std::string_view raw, const CleanupSettings& settings) {
  std::string_view text = raw;
  switch (settings.mode) {
  case CleanupMode::verbatim:
    return std::string(text);
  case CleanupMode::whitespace:
    return stripspace(text, std::nullopt);
  case CleanupMode::scissors:
    text = text.substr(0, find_scissors(text, settings.comment_char));
    return stripspace(text, std::nullopt);
  case CleanupMode::strip:
    // With an editor, a scissors line comes from `git commit -v`, which cuts there.
    text = text.substr(0, find_scissors(text, settings.comment_char));
    return stripspace(text, settings.comment_char);
  }
  return std::string(text);
}

} // namespace custody::trailers
