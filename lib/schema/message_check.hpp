#pragma once
// The commit-msg verdict on a message file: clean it up as git will, evaluate it with the
// schema (target ref unknown), and render errors and warnings with paste-able fixes. Shared by
// the commit-msg hook and `custody check-message`, so both always say the same thing.
#include "config/config.hpp"
#include "schema/evaluate.hpp"
#include "trailers/cleanup.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace custody::schema {

struct MessageInput {
  std::string raw;          // the message file as git left it
  std::string message_file; // its path as given to the hook, for fix commands
  trailers::CleanupSettings cleanup;
  git::Signature author;                  // from GIT_AUTHOR_* or user.name/user.email
  std::optional<std::string> session_var; // the [agents] session_env variable that is set, if any
  int64_t now = 0;
};

struct MessageVerdict {
  std::string cleaned;
  Evaluation evaluation;
};

MessageVerdict check_message(const config::Config& config, const MessageInput& input);

// Writes the findings (errors first, then warnings) and their fixes to `out`; nothing when the
// message complies. `program` prefixes the first line ("custody commit-msg").
void render_message_verdict(std::ostream& out, const MessageVerdict& verdict,
                            const MessageInput& input, std::string_view program);

} // namespace custody::schema
