// The [refs], [agents] and [ledger] tables.
#include "config/sections.hpp"

namespace custody::config {

void apply_refs_section(TableReader& t, Config& c) {
  if (auto v = t.globs("protected", util::GlobSyntax::path))
    c.refs.protected_refs = std::move(*v);
  if (auto v = t.boolean("block_force_push"))
    c.refs.block_force_push = *v;
  if (auto v = t.boolean("block_deletion"))
    c.refs.block_deletion = *v;
  if (auto v = t.boolean("block_tag_move"))
    c.refs.block_tag_move = *v;
  t.finish();
}

void apply_agents_section(TableReader& t, Config& c) {
  if (auto v = t.globs("accounts", util::GlobSyntax::name))
    c.agents.accounts = std::move(*v);
  if (auto v = t.globs("emails", util::GlobSyntax::name))
    c.agents.emails = std::move(*v);
  if (auto v = t.boolean("may_push_protected"))
    c.agents.may_push_protected = *v;
  if (auto v = t.strings("session_env"))
    c.agents.session_env = std::move(*v);
  t.finish();
}

void apply_ledger_section(TableReader& t, Config& c) {
  if (auto v = t.string("path")) {
    if (v->empty())
      t.error("path", "ledger.path must not be empty");
    else
      c.ledger.path = *v;
  }
  if (auto v = t.integer("rotate_bytes", 0, INT64_MAX))
    c.ledger.rotate_bytes = static_cast<uint64_t>(*v);
  if (auto v = t.string("signing_key"))
    c.ledger.signing_key = *v;
  t.finish();
}

} // namespace custody::config
