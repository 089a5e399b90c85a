#pragma once
// libgit2's global state, initialised for the lifetime of a Library object. Every executable and
// test that reads repositories holds one (hook::run_main_with_libgit2 does for the hooks and the
// CLI).
namespace custody::git {

class Library {
public:
  Library();
  ~Library();
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

} // namespace custody::git
