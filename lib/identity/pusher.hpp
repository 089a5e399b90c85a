#pragma once
// Who is pushing, where we learned it, and whether the account is an AI agent or bot.
#include <string>

namespace custody::identity {

struct Pusher {
  std::string name;   // e.g. "alice", "dependabot[bot]"
  std::string source; // env var it came from: GITEA_PUSHER_NAME, GL_USERNAME, GL_USER, REMOTE_USER,
                      // CUSTODY_PUSHER, or "os-user"
  bool is_agent = false;
  std::string person; // the identity registry's name for this account, or ""
};

} // namespace custody::identity
