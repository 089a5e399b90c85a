// The [ledger] table.
#include "ledger/config_section.hpp"

#include <cstdint>

namespace custody::ledger {

void apply_section(config::TableReader& t, config::Config& c) {
  auto& ledger = c.edit<LedgerConfig>();
  if (auto v = t.string("path")) {
    if (v->empty())
      t.error("path", "ledger.path must not be empty");
    else
      ledger.path = *v;
  }
  if (auto v = t.integer("rotate_bytes", 0, INT64_MAX))
    ledger.rotate_bytes = static_cast<uint64_t>(*v);
  if (auto v = t.string("signing_key"))
    ledger.signing_key = *v;
  if (auto v = t.string("head_file")) {
    if (v->empty())
      t.error("head_file", "ledger.head_file must not be empty (the head is always kept)");
    else
      ledger.head_file = *v;
  }
  t.finish();
}

} // namespace custody::ledger
