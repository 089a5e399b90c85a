#pragma once
// Ed25519 signatures over checkpoints (OpenSSL EVP). A checkpoint signs the hash of the record
// before it, and through the chain every record before that: one signature per append call
// covers the whole ledger up to that point. Why checkpoints and not per-record signatures:
// docs/ledger.md, "Signing".
#include "util/result.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace custody::ledger {

// The exact bytes a checkpoint's signature covers: "custody-ledger-checkpoint:v1:<seq>:<prev>",
// where seq is the checkpoint's own seq and prev the hash of the record it follows.
std::string checkpoint_message(uint64_t seq, std::string_view prev);

class Ed25519Key {
public:
  // A PEM private key (PKCS#8 "PRIVATE KEY") or public key ("PUBLIC KEY") of type Ed25519.
  static Result<Ed25519Key> load_private(const std::filesystem::path& pem);
  static Result<Ed25519Key> load_public(const std::filesystem::path& pem);
  static Result<Ed25519Key> generate();

  // Base64 of the 64-byte signature. Only for keys loaded as private.
  Result<std::string> sign(std::string_view message) const;
  bool verify(std::string_view message, std::string_view signature_base64) const;
  // First 16 hex digits of SHA-256 over the raw 32-byte public key: names the key in records.
  const std::string& key_id() const { return m_key_id; }

  Result<std::string> private_pem() const;
  Result<std::string> public_pem() const;

private:
  struct Deleter {
    void operator()(void* key) const;
  };
  explicit Ed25519Key(void* key);
  std::unique_ptr<void, Deleter> m_key; // EVP_PKEY*
  std::string m_key_id;
};

// Writes DIR/ledger-signing.key (0600) and DIR/ledger-signing.pub (0644); refuses to overwrite.
Status write_key_pair(const std::filesystem::path& dir);

} // namespace custody::ledger
