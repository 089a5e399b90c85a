// BaseObjects: a second, quarantine-free odb over $GIT_DIR/objects (see base_objects.hpp).
#include "git/base_objects.hpp"

#include "git/handles.hpp"
#include "git/repo.hpp"

#include <fmt/format.h>

namespace custody::git {

struct BaseObjects::Handle {
  OdbPtr odb;
};

Result<BaseObjects> BaseObjects::open(const std::filesystem::path& git_dir) {
  git_odb* odb = nullptr;
  auto dir = (git_dir / "objects").string();
  if (git_odb_open(&odb, dir.c_str()) != 0)
    return git_error(fmt::format("cannot open the object store {}", dir));
  BaseObjects base;
  base.m_odb = std::make_shared<Handle>();
  base.m_odb->odb.reset(odb);
  return base;
}

bool BaseObjects::contains(const std::string& id) const {
  git_oid oid;
  if (git_oid_fromstrn(&oid, id.data(), id.size()) != 0)
    return false;
  return git_odb_exists(m_odb->odb.get(), &oid) == 1;
}

} // namespace custody::git
