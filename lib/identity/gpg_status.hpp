#pragma once
// Reading `gpg --status-fd` output ("[GNUPG:] KEYWORD args…", doc/DETAILS in GnuPG) of one
// `gpg --verify`. Only a clean, single good signature counts: exactly one GOODSIG and one VALIDSIG
// and none of BADSIG, ERRSIG, EXPSIG, EXPKEYSIG, REVKEYSIG, NO_PUBKEY (anything else fails closed).
#include <string>
#include <string_view>

namespace custody::identity {

struct GpgVerdict {
  bool good = false;
  std::string signing_fingerprint; // VALIDSIG's first field (the signing (sub)key), uppercase
  std::string primary_fingerprint; // VALIDSIG's last field (its primary key), uppercase, or ""
};

GpgVerdict parse_gpg_status(std::string_view status);

} // namespace custody::identity
