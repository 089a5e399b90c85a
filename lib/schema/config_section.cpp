// The [trailers] table. Until the trailer schema lands, every key in it is reported as unknown,
// so a site cannot believe a rule is enforced when it is not.
#include "config/sections.hpp"

namespace custody::config {

void apply_trailers_section(TableReader& t, Config&) { t.finish(); }

} // namespace custody::config
