#pragma once
// The repository's object store as it was before the push: $GIT_DIR/objects and its alternates,
// without the push quarantine. Secret scanning asks it whether a blob the push mentions is new
// (only new content can bring a new secret; content the repository already had was scanned when
// it arrived, or predates custody and is `custody scan`'s business).
#include "util/result.hpp"

#include <filesystem>
#include <memory>
#include <string>

struct git_odb;

namespace custody::git {

class BaseObjects {
public:
  static Result<BaseObjects> open(const std::filesystem::path& git_dir);
  // True if the object is in the pre-push store (a malformed id counts as absent).
  bool contains(const std::string& id) const;

private:
  struct Handle;
  std::shared_ptr<Handle> m_odb;
};

} // namespace custody::git
