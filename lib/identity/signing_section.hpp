#pragma once
// Reads one layer's [signing] table into config.edit<SigningConfig>(). A gpg_keyring that cannot
// be read or is not an OpenPGP public key file is a configuration error at its line.
#include "config/config.hpp"
#include "identity/signing_config.hpp"

#include <string>
#include <string_view>

namespace custody::identity {

void apply_signing_section(config::TableReader& table, config::Config& config);

// "" when `content` looks like exported OpenPGP public keys (an armored public key block, or a
// binary file starting with a public-key packet), else what is wrong.
std::string keyring_problem(std::string_view content);

} // namespace custody::identity
