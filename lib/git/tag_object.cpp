#include "git/tag_object.hpp"

#include <fmt/format.h>
#include <git2.h>

#include <memory>

namespace custody::git {

Result<TagObject> read_tag(const Repo& repo, const std::string& id) {
  git_oid oid;
  if (id.size() != GIT_OID_HEXSZ || git_oid_fromstr(&oid, id.c_str()) != 0)
    return make_error(ErrorCode::invalid_input, fmt::format("not an object id: \"{}\"", id));
  git_tag* raw = nullptr;
  if (git_tag_lookup(&raw, repo.raw(), &oid) != 0)
    return git_error(fmt::format("read tag {}", id));
  std::unique_ptr<git_tag, decltype(&git_tag_free)> tag(raw, git_tag_free);
  char target[GIT_OID_HEXSZ + 1];
  git_oid_tostr(target, sizeof target, git_tag_target_id(tag.get()));
  const char* message = git_tag_message(tag.get());
  return TagObject{id, target, git_tag_target_type(tag.get()) == GIT_OBJECT_TAG,
                   message ? message : ""};
}

} // namespace custody::git
