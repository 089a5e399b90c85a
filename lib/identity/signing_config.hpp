#pragma once
// The [signing] table: where the OpenPGP public keys that [[people]] gpg_fingerprints name come
// from. custody never asks a keyserver or the hook user's GnuPG home: without gpg_keyring,
// OpenPGP signatures verify as nobody's (docs/review-assurance.md, "OpenPGP").
#include <string>

namespace custody::identity {

struct SigningConfig {
  // A file of exported OpenPGP public keys (`gpg --export --armor FPR…`), armored or binary;
  // absolute, or relative to the config file naming it. "" = OpenPGP signatures are not verified.
  std::string gpg_keyring;
};

} // namespace custody::identity
