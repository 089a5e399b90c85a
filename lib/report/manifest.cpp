#include "report/manifest.hpp"

#include "ledger/signer.hpp"
#include "util/file.hpp"
#include "util/json.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace custody::report {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_manifest = "MANIFEST";
constexpr const char* k_signature = "MANIFEST.sig";
constexpr const char* k_public_key = "keys/manifest-signing.pub";

// Every regular file under `dir` but the manifest's own two, as sorted generic relative paths.
std::vector<std::string> bundle_files(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) && !it->is_symlink(ec))
      continue;
    std::string rel = it->path().lexically_relative(dir).generic_string();
    if (rel != k_manifest && rel != k_signature)
      files.push_back(rel);
  }
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

Result<std::string> file_sha256(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return make_error(ErrorCode::io_failure, fmt::format("cannot read {}", file.string()));
  util::Sha256 hash;
  std::string block(1 << 20, '\0');
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    hash.update(std::string_view(block.data(), static_cast<size_t>(in.gcount())));
  }
  auto digest = hash.finish();
  return util::to_hex(digest.data(), digest.size());
}

Status write_manifest(const fs::path& dir, const std::optional<fs::path>& signing_key) {
  std::optional<ledger::Ed25519Key> key;
  if (signing_key) {
    auto loaded = ledger::Ed25519Key::load_private(*signing_key);
    if (!loaded)
      return loaded.error();
    auto pem = loaded->public_pem();
    if (!pem)
      return pem.error();
    fs::create_directories(dir / "keys");
    if (auto w = util::write_file_atomic(dir / k_public_key, *pem); !w)
      return w;
    key.emplace(std::move(*loaded));
  }
  std::string manifest;
  for (const auto& rel : bundle_files(dir)) {
    auto digest = file_sha256(dir / rel);
    if (!digest)
      return digest.error();
    manifest += *digest + "  " + rel + "\n";
  }
  if (auto w = util::write_file_atomic(dir / k_manifest, manifest); !w)
    return w;
  if (!key)
    return ok_status();
  auto signature = key->sign(manifest);
  if (!signature)
    return signature.error();
  util::Json sig = {{"algorithm", "Ed25519"},
                    {"key_id", key->key_id()},
                    {"signed", k_manifest},
                    {"public_key", k_public_key},
                    {"signature", *signature}};
  return util::write_file_atomic(dir / k_signature, sig.dump(2) + "\n");
}

Result<ManifestCheck> verify_manifest(const fs::path& dir,
                                      const std::optional<fs::path>& public_key) {
  auto manifest = util::read_file(dir / k_manifest);
  if (!manifest)
    return make_error(ErrorCode::not_found,
                      fmt::format("{} has no MANIFEST: not an evidence bundle", dir.string()),
                      "pass the folder `custody evidence` wrote (unpack the .tar.gz first)");
  ManifestCheck check;
  std::map<std::string, std::string> listed;
  std::istringstream lines(*manifest);
  std::string line;
  size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.size() < 67 || line.compare(64, 2, "  ") != 0 || !util::is_hex(line.substr(0, 64))) {
      check.problems.push_back(fmt::format("MANIFEST:{}: not \"<sha256>  <path>\"", number));
      continue;
    }
    listed[line.substr(66)] = line.substr(0, 64);
  }
  for (const auto& [rel, want] : listed) {
    ++check.files;
    fs::path file = dir / rel;
    std::error_code ec;
    if (rel.find("..") != std::string::npos || !fs::is_regular_file(file, ec)) {
      check.problems.push_back(fmt::format("{}: listed in MANIFEST but missing", rel));
      continue;
    }
    auto got = file_sha256(file);
    if (!got)
      check.problems.push_back(fmt::format("{}: {}", rel, got.error().message));
    else if (*got != want)
      check.problems.push_back(fmt::format(
          "{}: SHA-256 is {}, MANIFEST says {} (the file was changed)", rel, *got, want));
  }
  for (const auto& rel : bundle_files(dir))
    if (!listed.count(rel))
      check.problems.push_back(fmt::format("{}: not listed in MANIFEST (the file was added)", rel));
  std::error_code ec;
  if (fs::exists(dir / k_signature, ec)) {
    check.signature_present = true;
    auto text = util::read_file(dir / k_signature);
    util::Json sig;
    try {
      sig = util::Json::parse(text ? *text : std::string());
    } catch (const util::Json::exception&) {
    }
    fs::path key_path = public_key ? *public_key : dir / k_public_key;
    auto key = ledger::Ed25519Key::load_public(key_path);
    std::string signature =
        sig.is_object() && sig.contains("signature") && sig["signature"].is_string()
            ? sig["signature"].get<std::string>()
            : "";
    if (!key)
      check.problems.push_back(
          fmt::format("MANIFEST.sig: cannot load the public key: {}", key.error().message));
    else if (signature.empty() || !key->verify(*manifest, signature))
      check.problems.push_back(
          fmt::format("MANIFEST.sig: the signature does not verify with key {}", key->key_id()));
    else
      check.signed_by = key->key_id();
  }
  return check;
}

} // namespace custody::report
