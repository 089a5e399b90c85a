#include "ledger/signer.hpp"

#include "util/file.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace custody::ledger {

namespace {

Error key_error(const std::filesystem::path& pem, std::string_view what) {
  return make_error(
      ErrorCode::invalid_config,
      fmt::format("{}: not an Ed25519 {} key in PEM form", pem.string(), what),
      "create one with `custody log keygen --out DIR` or `openssl genpkey -algorithm ed25519`");
}

std::string base64(const unsigned char* data, size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string bio_string(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

Status write_new_file(const std::filesystem::path& path, const std::string& content, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)),
                      errno == EEXIST ? "remove the old key first if you really mean to replace it"
                                      : "");
  ssize_t n = ::write(fd, content.data(), content.size());
  bool ok =
      n == static_cast<ssize_t>(content.size()) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!ok)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot write {}: {}", path.string(), std::strerror(err)));
  return ok_status();
}

} // namespace

void Ed25519Key::Deleter::operator()(void* key) const {
  EVP_PKEY_free(static_cast<EVP_PKEY*>(key));
}

Ed25519Key::Ed25519Key(void* key) : m_key(key) {
  unsigned char raw[32];
  size_t size = sizeof raw;
  if (EVP_PKEY_get_raw_public_key(static_cast<EVP_PKEY*>(key), raw, &size) == 1)
    m_key_id = util::sha256_hex(std::string_view(reinterpret_cast<char*>(raw), size)).substr(0, 16);
}

std::string checkpoint_message(uint64_t seq, std::string_view prev) {
  return fmt::format("custody-ledger-checkpoint:v1:{}:{}", seq, prev);
}

Result<Ed25519Key> Ed25519Key::load_private(const std::filesystem::path& pem) {
  auto text = util::read_file(pem);
  if (!text)
    return make_error(ErrorCode::invalid_config,
                      fmt::format("cannot read the ledger signing key: {}", text.error().message),
                      "check [ledger] signing_key and that the hook's user may read the key");
  BIO* bio = BIO_new_mem_buf(text->data(), static_cast<int>(text->size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!key || EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(key);
    return key_error(pem, "private");
  }
  return Ed25519Key(key);
}

Result<Ed25519Key> Ed25519Key::load_public(const std::filesystem::path& pem) {
  auto text = util::read_file(pem);
  if (!text)
    return text.error();
  BIO* bio = BIO_new_mem_buf(text->data(), static_cast<int>(text->size()));
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!key) { // a private key also yields its public half
    bio = BIO_new_mem_buf(text->data(), static_cast<int>(text->size()));
    key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
  }
  if (!key || EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(key);
    return key_error(pem, "public");
  }
  return Ed25519Key(key);
}

Result<Ed25519Key> Ed25519Key::generate() {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (!key)
    return make_error(ErrorCode::io_failure, "OpenSSL could not generate an Ed25519 key");
  return Ed25519Key(key);
}

Result<std::string> Ed25519Key::sign(std::string_view message) const {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char sig[64];
  size_t size = sizeof sig;
  bool ok = ctx &&
            EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr,
                               static_cast<EVP_PKEY*>(m_key.get())) == 1 &&
            EVP_DigestSign(ctx, sig, &size, reinterpret_cast<const unsigned char*>(message.data()),
                           message.size()) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok)
    return make_error(ErrorCode::invalid_config,
                      "cannot sign with the ledger key (is it a private key?)");
  return base64(sig, size);
}

bool Ed25519Key::verify(std::string_view message, std::string_view signature_base64) const {
  if (signature_base64.size() != 88)
    return false;
  unsigned char sig[66];
  int n = EVP_DecodeBlock(sig, reinterpret_cast<const unsigned char*>(signature_base64.data()), 88);
  if (n != 66) // 64 bytes plus two padding bytes
    return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx &&
            EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr,
                                 static_cast<EVP_PKEY*>(m_key.get())) == 1 &&
            EVP_DigestVerify(ctx, sig, 64, reinterpret_cast<const unsigned char*>(message.data()),
                             message.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

Result<std::string> Ed25519Key::private_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  bool ok = PEM_write_bio_PrivateKey(bio, static_cast<EVP_PKEY*>(m_key.get()), nullptr, nullptr, 0,
                                     nullptr, nullptr) == 1;
  std::string pem = ok ? bio_string(bio) : std::string();
  BIO_free(bio);
  if (!ok)
    return make_error(ErrorCode::io_failure, "cannot encode the private key");
  return pem;
}

Result<std::string> Ed25519Key::public_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  bool ok = PEM_write_bio_PUBKEY(bio, static_cast<EVP_PKEY*>(m_key.get())) == 1;
  std::string pem = ok ? bio_string(bio) : std::string();
  BIO_free(bio);
  if (!ok)
    return make_error(ErrorCode::io_failure, "cannot encode the public key");
  return pem;
}

Status write_key_pair(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  auto key = Ed25519Key::generate();
  if (!key)
    return key.error();
  auto priv = key->private_pem();
  auto pub = key->public_pem();
  if (!priv)
    return priv.error();
  if (!pub)
    return pub.error();
  CUSTODY_TRY(write_new_file(dir / "ledger-signing.key", *priv, 0600));
  CUSTODY_TRY(write_new_file(dir / "ledger-signing.pub", *pub, 0644));
  return ok_status();
}

} // namespace custody::ledger
