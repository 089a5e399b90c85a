#include "refs/classify.hpp"

#include <fmt/format.h>

namespace custody::refs {

Result<UpdateKind> classify(const git::Repo& repo, const RefUpdate& update) {
  const bool is_tag = update.ref.rfind("refs/tags/", 0) == 0;
  if (update.is_delete())
    return is_tag ? UpdateKind::tag_delete : UpdateKind::delete_ref;
  if (update.is_create())
    return is_tag ? UpdateKind::tag_create : UpdateKind::create;
  if (update.old_oid == update.new_oid)
    return UpdateKind::unchanged;
  if (is_tag)
    return UpdateKind::tag_move;
  // Branches can point at annotated tags too; compare the commits they stand for. A ref whose
  // old or new value is not a commit at all (a tree or blob ref) cannot fast-forward.
  auto new_commit = repo.peel_to_commit(update.new_oid);
  auto old_commit = repo.peel_to_commit(update.old_oid);
  if (!new_commit || !old_commit) {
    if (!new_commit && new_commit.error().code == ErrorCode::git_failure)
      return new_commit.error();
    return UpdateKind::non_fast_forward;
  }
  auto ff = repo.contains(*new_commit, *old_commit);
  if (!ff)
    return ff.error();
  return *ff ? UpdateKind::fast_forward : UpdateKind::non_fast_forward;
}

} // namespace custody::refs
