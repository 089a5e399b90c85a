// The [secrets] table. Until secret scanning lands, every key in it is reported as unknown, so a
// site cannot believe scanning is on when it is not.
#include "config/sections.hpp"

namespace custody::config {

void apply_secrets_section(TableReader& t, Config&) {
  t.finish();
}

} // namespace custody::config
