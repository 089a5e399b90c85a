#pragma once
// Whether the hosting platform itself is pushing: a merge made in its web UI (Gitea:
// GITEA_PUSH_TRIGGER=pr-merge-to-base; GitLab: GL_PROTOCOL=web). The platform then creates the
// pushed tip (a merge or squash commit), and the rules about who made a commit judge it by the
// platform's own rules (review assurance `platform`, no signature or committer check).
#include "util/env.hpp"

#include <string>

namespace custody::policy {

// "gitea", "gitlab", or "" when the push is not a platform web merge.
std::string web_merge_platform(const util::Environment& env);

} // namespace custody::policy
