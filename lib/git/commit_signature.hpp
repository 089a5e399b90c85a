#pragma once
// Whether a commit object carries a signature header (gpgsig / gpgsig-sha256: OpenPGP, SSH or
// X.509), and its signed payload for checking against registered keys
// (identity/signature_verify.hpp).
#include "git/repo.hpp"

#include <optional>
#include <string>

namespace custody::git {

bool has_signature(const Repo& repo, const std::string& commit_id);

// A commit's signature and the bytes it signs (the commit object without its gpgsig header).
struct SignedCommit {
  std::string signature; // "-----BEGIN SSH SIGNATURE-----…" or "-----BEGIN PGP SIGNATURE-----…"
  std::string payload;
};
// nullopt when the commit is unsigned or unreadable.
std::optional<SignedCommit> commit_signature(const Repo& repo, const std::string& commit_id);

} // namespace custody::git
