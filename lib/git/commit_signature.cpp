#include "git/commit_signature.hpp"

#include <git2.h>

namespace custody::git {

bool has_signature(const Repo& repo, const std::string& commit_id) {
  git_oid oid;
  if (git_oid_fromstr(&oid, commit_id.c_str()) != 0)
    return false;
  git_buf signature = GIT_BUF_INIT, signed_data = GIT_BUF_INIT;
  bool found =
      git_commit_extract_signature(&signature, &signed_data, repo.raw(), &oid, nullptr) == 0;
  git_buf_dispose(&signature);
  git_buf_dispose(&signed_data);
  return found;
}

std::optional<SignedCommit> commit_signature(const Repo& repo, const std::string& commit_id) {
  git_oid oid;
  if (git_oid_fromstr(&oid, commit_id.c_str()) != 0)
    return std::nullopt;
  git_buf signature = GIT_BUF_INIT, signed_data = GIT_BUF_INIT;
  std::optional<SignedCommit> out;
  if (git_commit_extract_signature(&signature, &signed_data, repo.raw(), &oid, nullptr) == 0)
    out = SignedCommit{std::string(signature.ptr, signature.size),
                       std::string(signed_data.ptr, signed_data.size)};
  git_buf_dispose(&signature);
  git_buf_dispose(&signed_data);
  return out;
}

} // namespace custody::git
