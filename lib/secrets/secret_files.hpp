#pragma once
// Files that are credentials by nature, told by their name (issue 12, as GitLab's push rules do):
// private keys (id_rsa, id_dsa, id_ecdsa, id_ed25519 and the _sk variants, *.pem, *.key),
// keystores (*.p12, *.pfx, *.jks, *.keystore), credential files (.aws/credentials,
// .git-credentials, .netrc), shell histories (*_history) and Terraform state (*.tfstate). A site
// adjusts the list with [secrets].secret_files. A .pem, .crt or .cer whose PEM blocks are all
// public (certificates, CRLs, public keys, requests) is not a secret file: we look inside.
#include "util/glob.hpp"

#include <string_view>
#include <vector>

namespace custody::secrets {

// The builtin list (the default of [secrets].secret_files), compiled.
const std::vector<util::Glob>& default_secret_files();

// True if a file at `path` with `content` (empty when unknown: too large to read) is a secret file
// under `patterns`.
bool is_secret_file(std::string_view path, std::string_view content,
                    const std::vector<util::Glob>& patterns);

// True if `content` is PEM and every block in it is public material.
bool only_public_pem(std::string_view content);

} // namespace custody::secrets
