// The [signing] table; see signing_section.hpp.
#include "identity/signing_section.hpp"

#include "config/relative_path.hpp"
#include "util/file.hpp"

#include <fmt/format.h>

namespace custody::identity {

std::string keyring_problem(std::string_view content) {
  if (content.find("-----BEGIN PGP PRIVATE KEY BLOCK-----") != std::string_view::npos)
    return "holds a secret key; export public keys only: gpg --export --armor FINGERPRINT";
  if (content.find("-----BEGIN PGP PUBLIC KEY BLOCK-----") != std::string_view::npos)
    return "";
  if (content.empty())
    return "is empty; export the registered public keys into it: gpg --export --armor "
           "FINGERPRINT… > FILE";
  // Binary: the first packet is a public key (tag 6), in the old or the new packet format.
  const auto first = static_cast<unsigned char>(content[0]);
  const bool old_format = (first & 0xC0) == 0x80 && ((first >> 2) & 0x0F) == 6;
  const bool new_format = (first & 0xC0) == 0xC0 && (first & 0x3F) == 6;
  if (old_format || new_format)
    return "";
  return "is not a file of OpenPGP public keys (neither an armored public key block nor a "
         "binary public-key packet); export one: gpg --export --armor FINGERPRINT… > FILE";
}

void apply_signing_section(config::TableReader& t, config::Config& config) {
  auto& s = config.edit<SigningConfig>();
  if (auto v = t.string("gpg_keyring")) {
    s.gpg_keyring = config::relative_to_file(t, *v);
    if (!s.gpg_keyring.empty()) {
      auto content = util::read_file(s.gpg_keyring);
      if (!content)
        t.error("gpg_keyring", fmt::format("signing.gpg_keyring: cannot read \"{}\": {}",
                                           s.gpg_keyring, content.error().message));
      else if (auto problem = keyring_problem(*content); !problem.empty())
        t.error("gpg_keyring",
                fmt::format("signing.gpg_keyring: \"{}\" {}", s.gpg_keyring, problem));
    }
  }
  t.finish();
}

} // namespace custody::identity
