// limit_pack_memory(): see pack_memory.hpp.
#include "git/pack_memory.hpp"

#include <git2.h>

namespace custody::git {

void limit_pack_memory(size_t window_bytes, size_t total_bytes) {
  git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window_bytes);
  git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, total_bytes);
}

void limit_object_cache(size_t bytes) {
  git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(bytes));
}

} // namespace custody::git
