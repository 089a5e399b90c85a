#pragma once
// Whether a commit object carries a signature header (gpgsig / gpgsig-sha256: OpenPGP, SSH or
// X.509). Presence only: checking it needs the signer's keys, which the server does not hold.
#include "git/repo.hpp"

#include <string>

namespace custody::git {

bool has_signature(const Repo& repo, const std::string& commit_id);

} // namespace custody::git
