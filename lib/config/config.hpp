#pragma once
// The typed, immutable configuration every check reads. Built by load_config() from the layers
// embedded default → /etc/custody/custody.toml → $GIT_DIR/custody.toml → $CUSTODY_CONFIG;
// a later layer overrides the keys it sets (arrays are replaced, not appended). Checks never
// see TOML: only these structs.
#include "config/table_reader.hpp"
#include "schema/schema_config.hpp"
#include "secrets/secrets_config.hpp"
#include "util/glob.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace custody::config {

struct RefsConfig {
  std::vector<util::Glob> protected_refs; // path globs over full ref names
  bool block_force_push = true;
  bool block_deletion = true;
  bool block_tag_move = true;
};

struct AgentsConfig {
  std::vector<util::Glob> accounts; // name globs over pusher/author names
  std::vector<util::Glob> emails;   // name globs over emails
  bool may_push_protected = false;
  std::vector<std::string> session_env; // env vars whose presence marks an agent session
};

struct LedgerConfig {
  std::string path;          // relative to GIT_DIR unless absolute
  uint64_t rotate_bytes = 0; // 0: never rotate
  std::string signing_key;   // Ed25519 private key (PEM) path; empty: unsigned
};

struct Config {
  RefsConfig refs;
  AgentsConfig agents;
  LedgerConfig ledger;
  schema::SchemaConfig trailers;
  secrets::SecretsConfig secrets;

  Origins origins; // dotted key → effective value and where it came from (when recorded)
  std::vector<std::string> layers; // the files that were read, in order
};

} // namespace custody::config
