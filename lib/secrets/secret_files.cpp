// is_secret_file(): see secret_files.hpp.
#include "secrets/secret_files.hpp"

#include <algorithm>

namespace custody::secrets {

namespace {

constexpr std::string_view k_defaults[] = {"**/id_rsa",
                                           "**/id_dsa",
                                           "**/id_ecdsa",
                                           "**/id_ed25519",
                                           "**/id_ecdsa_sk",
                                           "**/id_ed25519_sk",
                                           "**/*.pem",
                                           "**/*.key",
                                           "**/*.p12",
                                           "**/*.pfx",
                                           "**/*.jks",
                                           "**/*.keystore",
                                           "**/.aws/credentials",
                                           "**/.git-credentials",
                                           "**/.netrc",
                                           "**/*_history",
                                           "**/*.tfstate"};

constexpr std::string_view k_public_labels[] = {
    "CERTIFICATE",         "TRUSTED CERTIFICATE",     "X509 CRL", "PUBLIC KEY",
    "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "PKCS7",    "CMS"};

bool may_hold_certificates(std::string_view path) {
  for (std::string_view ext : {".pem", ".crt", ".cer"})
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext)
      return true;
  return false;
}

} // namespace

const std::vector<util::Glob>& default_secret_files() {
  static const std::vector<util::Glob> globs = [] {
    std::vector<util::Glob> out;
    for (auto p : k_defaults)
      out.push_back(util::Glob::compile(p, util::GlobSyntax::path).value());
    return out;
  }();
  return globs;
}

bool only_public_pem(std::string_view content) {
  constexpr std::string_view begin = "-----BEGIN ";
  size_t pos = content.find(begin);
  if (pos == std::string_view::npos)
    return false;
  for (; pos != std::string_view::npos; pos = content.find(begin, pos)) {
    pos += begin.size();
    size_t end = content.find("-----", pos);
    if (end == std::string_view::npos)
      return false;
    std::string_view label = content.substr(pos, end - pos);
    if (std::find(std::begin(k_public_labels), std::end(k_public_labels), label) ==
        std::end(k_public_labels))
      return false;
  }
  return true;
}

bool is_secret_file(std::string_view path, std::string_view content,
                    const std::vector<util::Glob>& patterns) {
  if (!util::matches_any(patterns, path))
    return false;
  return !(may_hold_certificates(path) && only_public_pem(content));
}

} // namespace custody::secrets
