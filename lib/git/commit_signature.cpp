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

} // namespace custody::git
