// resolve_commit(): see revision.hpp.
#include "git/revision.hpp"

#include "git/handles.hpp"

#include <fmt/format.h>
#include <git2.h>

namespace custody::git {

Result<std::string> resolve_commit(const Repo& repo, const std::string& spec) {
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo.raw(), spec.c_str()) != 0)
    return make_error(ErrorCode::invalid_input, fmt::format("unknown revision \"{}\"", spec));
  ObjectPtr guard(obj);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) != 0)
    return make_error(ErrorCode::invalid_input,
                      fmt::format("revision \"{}\" does not point to a commit", spec));
  ObjectPtr peeled_guard(peeled);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, git_object_id(peeled));
  return std::string(hex);
}

} // namespace custody::git
