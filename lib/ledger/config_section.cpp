// The [ledger] table.
#include "ledger/config_section.hpp"

#include "ledger/origin.hpp"

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
  if (auto v = t.string("node")) {
    if (!v->empty() && !is_node_id(*v))
      t.error("node", "ledger.node must be 1-64 characters of A-Z a-z 0-9 . _ -");
    else
      ledger.node = *v;
  }
  if (auto v = t.string("node_file"))
    ledger.node_file = *v;
  if (auto v = t.string("repository_root"))
    ledger.repository_root = *v;
  t.finish();
}

} // namespace custody::ledger
