#pragma once
// What the hosting layer running a hook says through the environment (HOOK-CONTRACTS.md §9):
// the one place custody reads Gitea's GITEA_*, GitLab's GL_*, gitolite's GL_USER and GL_REPO,
// a web server's REMOTE_USER and CGI variables, sshd's SSH_* and custody's own CUSTODY_PUSHER.
#include "util/env.hpp"

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace custody::identity {

// The account the host names as the pusher, and the variable it came from.
struct HostPusher {
  std::string name;
  std::string source;
  bool deploy_key = false; // a machine credential, never a person
};

// The pusher the host names: a Gitea deploy key first, then GITEA_PUSHER_NAME, GL_USERNAME,
// GL_USER, REMOTE_USER, CUSTODY_PUSHER; nullopt when none is set (the OS user applies).
std::optional<HostPusher> host_pusher(const util::Environment& env);

// Whether the host says the push is automation: a Gitea Actions job token (pusher id -2, or
// GITEA_ACTIONS_TASK_ID set).
bool host_says_automation(const util::Environment& env);

// The pusher's e-mail as the host gives it (Gitea), or "".
std::string host_pusher_email(const util::Environment& env);

// The platform that created the pushed tip in a web merge ("gitea", "gitlab"), or "".
std::string web_merge_platform(const util::Environment& env);

// Whether GitLab's shell runs the hook (GL_ID set): its messages carry "GL-HOOK-ERR: ".
bool under_gitlab_shell(const util::Environment& env);

// Which hosting layer runs the hook ("gitlab", "gitea", "gitolite", "http", "ssh", "local")
// and the facts an auditor wants from it, in the order the ledger records them.
struct HostFacts {
  std::string kind;
  std::vector<std::pair<std::string, std::string>> facts;
};
HostFacts detect_host(const util::Environment& env);

// The hosting layer's own id of the pushed repository: "gitlab:<GL_REPOSITORY>" (project-42),
// "gitea:<GITEA_REPO_ID>", "gitolite:<GL_REPO>"; "" when the host gives none.
std::string host_repository_id(const util::Environment& env);

// Every variable by which a host describes one push (who pushes, on which platform repository,
// how). A check with no push running (the mirror check, dry runs) clears them; the session's
// own variables (SSH_*, the CGI ones) and CUSTODY_PUSHER are not among them.
std::span<const char* const> push_variables();

} // namespace custody::identity
