#pragma once
// The [agents] configuration: which accounts and authors are AI agents or bots.
#include "util/glob.hpp"

#include <string>
#include <vector>

namespace custody::identity {

struct AgentsConfig {
  std::vector<util::Glob> accounts; // name globs over pusher/author names
  std::vector<util::Glob> emails;   // name globs over emails
  bool may_push_protected = false;
  std::vector<std::string> session_env; // env vars whose presence marks an agent session
  // Allow-list mode: a pusher account, author or reviewer that the identity registry
  // ([[people]]) does not list is an agent (default-deny). The patterns above are the fallback
  // only when this is false.
  bool unlisted_are_agents = false;
};

} // namespace custody::identity
