// OpenPGP status-line parsing (real `gpg --status-fd` output of GnuPG 2.2), armor dispatch, the
// [signing] gpg_keyring checks, and the verifier's refusal of what it cannot check.
#include "config/loader.hpp"
#include "identity/gpg_status.hpp"
#include "identity/signature_verify.hpp"
#include "identity/signing_config.hpp"
#include "identity/signing_section.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace custody;
using identity::parse_gpg_status;

namespace {

constexpr const char* k_fpr = "BC701754A3B9504118A156935C9818599F2EA4A4";

constexpr const char* k_good = R"([GNUPG:] NEWSIG
[GNUPG:] KEY_CONSIDERED BC701754A3B9504118A156935C9818599F2EA4A4 0
[GNUPG:] SIG_ID mc855esuLUM5SFZubGLuilsEd5A 2026-12-06 1796534275
[GNUPG:] KEY_CONSIDERED BC701754A3B9504118A156935C9818599F2EA4A4 0
[GNUPG:] GOODSIG 5C9818599F2EA4A4 Bob <bob@example.com>
[GNUPG:] VALIDSIG BC701754A3B9504118A156935C9818599F2EA4A4 2026-12-06 1796534275 0 4 0 22 8 00 BC701754A3B9504118A156935C9818599F2EA4A4
[GNUPG:] TRUST_UNDEFINED 0 pgp
)";

// gpg exits 0 for these two: only the status lines tell them from a good signature.
constexpr const char* k_expired_key = R"([GNUPG:] NEWSIG
[GNUPG:] KEYEXPIRED 1796534287
[GNUPG:] EXPKEYSIG C630B330305F3E2F Exp <exp@example.com>
[GNUPG:] VALIDSIG A2F23533262E4EB7700870F5C630B330305F3E2F 2026-12-06 1796534284 0 4 0 22 8 00 A2F23533262E4EB7700870F5C630B330305F3E2F
)";
constexpr const char* k_revoked_key = R"([GNUPG:] NEWSIG
[GNUPG:] REVKEYSIG 5C9818599F2EA4A4 Bob <bob@example.com>
[GNUPG:] VALIDSIG BC701754A3B9504118A156935C9818599F2EA4A4 2026-12-06 1796534275 0 4 0 22 8 00 BC701754A3B9504118A156935C9818599F2EA4A4
)";

} // namespace

TEST(GpgStatus, AGoodSignatureNamesTheSigningAndPrimaryFingerprints) {
  auto v = parse_gpg_status(k_good);
  EXPECT_TRUE(v.good);
  EXPECT_EQ(v.signing_fingerprint, k_fpr);
  EXPECT_EQ(v.primary_fingerprint, k_fpr);
}

TEST(GpgStatus, ASubkeySignatureKeepsBothFingerprintsUppercase) {
  auto v =
      parse_gpg_status("[GNUPG:] GOODSIG 1111111111111111 Bob\n"
                       "[GNUPG:] VALIDSIG 1111111111111111111111111111111111111111 "
                       "2026-12-06 1 0 4 0 22 8 00 abcdefabcdefabcdefabcdefabcdefabcdefabcd\n");
  EXPECT_TRUE(v.good);
  EXPECT_EQ(v.signing_fingerprint, "1111111111111111111111111111111111111111");
  EXPECT_EQ(v.primary_fingerprint, "ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD");
}

TEST(GpgStatus, ExpiredAndRevokedKeysAreNotGood) {
  EXPECT_FALSE(parse_gpg_status(k_expired_key).good);
  EXPECT_FALSE(parse_gpg_status(k_revoked_key).good);
  EXPECT_TRUE(parse_gpg_status(k_revoked_key).signing_fingerprint.empty());
}

TEST(GpgStatus, BadUnknownAndExpiredSignaturesAreNotGood) {
  EXPECT_FALSE(parse_gpg_status("[GNUPG:] BADSIG 5C9818599F2EA4A4 Bob\n").good);
  EXPECT_FALSE(parse_gpg_status("[GNUPG:] ERRSIG 5C9818599F2EA4A4 22 8 00 1796534275 9 -\n"
                                "[GNUPG:] NO_PUBKEY 5C9818599F2EA4A4\n")
                   .good);
  EXPECT_FALSE(
      parse_gpg_status(std::string(k_good) + "[GNUPG:] EXPSIG 5C9818599F2EA4A4 Bob\n").good);
}

TEST(GpgStatus, TwoSignaturesOrAMissingValidsigAreNotGood) {
  EXPECT_FALSE(parse_gpg_status(std::string(k_good) + k_good).good);
  EXPECT_FALSE(parse_gpg_status("[GNUPG:] GOODSIG 5C9818599F2EA4A4 Bob\n").good);
  EXPECT_FALSE(parse_gpg_status("[GNUPG:] GOODSIG 5C9818599F2EA4A4 Bob\n"
                                "[GNUPG:] VALIDSIG not-a-fingerprint 2026-12-06\n")
                   .good);
  EXPECT_FALSE(parse_gpg_status("").good);
}

TEST(GpgStatus, LinesThatAreNotStatusLinesAreIgnored) {
  // A signer's user ID is free text; only lines starting with "[GNUPG:] " are status lines.
  EXPECT_FALSE(parse_gpg_status("gpg: [GNUPG:] GOODSIG 1 x\n"
                                "x [GNUPG:] VALIDSIG BC701754A3B9504118A156935C9818599F2EA4A4\n")
                   .good);
}

TEST(SignatureFormat, DispatchesOnTheArmor) {
  using identity::SignatureFormat;
  EXPECT_EQ(identity::signature_format("-----BEGIN SSH SIGNATURE-----\nU1NI\n"),
            SignatureFormat::ssh);
  EXPECT_EQ(identity::signature_format("-----BEGIN PGP SIGNATURE-----\n\niHUE\n"),
            SignatureFormat::openpgp);
  EXPECT_EQ(identity::signature_format("-----BEGIN SIGNED MESSAGE-----\n"), SignatureFormat::none);
  EXPECT_EQ(identity::signature_format(" -----BEGIN PGP SIGNATURE-----"), SignatureFormat::none);
}

TEST(SignatureFormat, APushCertificateSignatureStartsAtTheLastArmorLine) {
  const std::string cert = "certificate version 0.1\npusher x 1 +0000\n\n"
                           "0000 1111 refs/heads/main\n-----BEGIN PGP SIGNATURE-----\n\niHUE\n"
                           "-----END PGP SIGNATURE-----\n";
  EXPECT_EQ(identity::signature_start(cert), cert.find("-----BEGIN PGP"));
  EXPECT_EQ(identity::signature_start("no signature\n"), std::string::npos);
  EXPECT_EQ(identity::signature_start("x -----BEGIN SSH SIGNATURE-----\n"), std::string::npos);
}

TEST(SignatureVerifier, UnknownFormatsAndUnconfiguredOpenPgpVerifyAsNobody) {
  config::Config config = config::default_config(false);
  auto& person = config.edit<identity::Registry>().people.emplace_back();
  person.name = "Bob";
  person.gpg_fingerprints = {k_fpr};
  identity::SignatureVerifier verifier(config); // no [signing] gpg_keyring
  EXPECT_FALSE(verifier.enabled());
  EXPECT_EQ(verifier.signer("payload", "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP "
                                       "SIGNATURE-----\n"),
            "");
  EXPECT_EQ(verifier.signer("payload", "-----BEGIN SIGNED MESSAGE-----\n"), "");
}

TEST(SigningSection, KeyringContentIsCheckedCheaply) {
  EXPECT_EQ(identity::keyring_problem("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDME\n"), "");
  EXPECT_EQ(identity::keyring_problem(std::string("\x98\x33\x04", 3)), ""); // old-format tag 6
  EXPECT_EQ(identity::keyring_problem(std::string("\xC6\x33\x04", 3)), ""); // new-format tag 6
  EXPECT_NE(identity::keyring_problem(""), "");
  EXPECT_NE(identity::keyring_problem("ssh-ed25519 AAAA"), "");
  EXPECT_NE(identity::keyring_problem("-----BEGIN PGP PRIVATE KEY BLOCK-----\n"), "");
}

TEST(SigningSection, AMissingOrMalformedKeyringIsAnErrorAtItsLine) {
  char templ[] = "/tmp/custody-signing-test-XXXXXX";
  ASSERT_NE(::mkdtemp(templ), nullptr);
  const std::filesystem::path dir = templ;
  const std::string file = (dir / "custody.toml").string();
  std::ofstream(dir / "bad.asc") << "not a key\n";
  std::ofstream(dir / "good.asc") << "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDME\n";

  config::Config config = config::default_config(false);
  config::Diagnostics diags;
  config::apply_layer(config, "\n[signing]\ngpg_keyring = \"missing.asc\"\n", file, diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 3);
  EXPECT_NE(
      diags[0].message.find("signing.gpg_keyring: cannot read \"" + (dir / "missing.asc").string()),
      std::string::npos)
      << diags[0].message;

  diags.clear();
  config::apply_layer(config, "[signing]\ngpg_keyring = \"bad.asc\"\n", file, diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, 2);
  EXPECT_NE(diags[0].message.find("is not a file of OpenPGP public keys"), std::string::npos);

  diags.clear();
  config::apply_layer(config, "[signing]\ngpg_keyring = \"good.asc\"\n", file, diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(config.get<identity::SigningConfig>().gpg_keyring, (dir / "good.asc").string());
  std::filesystem::remove_all(dir);
}
