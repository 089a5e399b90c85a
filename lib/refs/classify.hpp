#pragma once
// Classifies a ref update using the objects of the push (which may still be in quarantine).
#include "git/repo.hpp"
#include "refs/ref_update.hpp"
#include "refs/update_kind.hpp"

namespace custody::refs {

// Tags (refs/tags/*) are tag_create / tag_move / tag_delete whatever they point to. Branches and
// other refs: create, delete, unchanged, or fast_forward when the new tip contains the old one
// (both peeled to commits), else non_fast_forward. Needs no objects for deletions.
Result<UpdateKind> classify(const git::Repo& repo, const RefUpdate& update);

} // namespace custody::refs
