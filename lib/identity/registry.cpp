// Registry lookups and key syntax; see registry.hpp.
#include "identity/registry.hpp"

#include "identity/normalise.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace custody::identity {

namespace {

std::optional<std::string> base64_decode(std::string_view text) {
  static constexpr std::string_view k_alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (text.empty() || text.size() % 4 != 0)
    return std::nullopt;
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  size_t pad = 0;
  for (char c : text) {
    if (c == '=') {
      ++pad;
      continue;
    }
    size_t v = k_alphabet.find(c);
    if (v == std::string_view::npos || pad > 0)
      return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  if (pad > 2)
    return std::nullopt;
  return out;
}

constexpr std::array<std::string_view, 8> k_key_types = {
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
    "ssh-dss",
};

std::vector<std::string_view> fields(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t')
      ++i;
    if (i > start)
      out.push_back(text.substr(start, i - start));
  }
  return out;
}

} // namespace

void Registry::reindex() {
  email_index.clear();
  account_index.clear();
  name_index.clear();
  for (size_t i = 0; i < people.size(); ++i) {
    for (const auto& e : people[i].emails)
      email_index.emplace(normalise_email(e), i);
    for (const auto& a : people[i].accounts)
      account_index.emplace(normalise_name(a), i);
    name_index.emplace(normalise_name(people[i].name), i);
  }
}

namespace {

const Person* lookup(const std::vector<Person>& people, const std::map<std::string, size_t>& index,
                     const std::string& key) {
  auto it = index.find(key);
  return it == index.end() || it->second >= people.size() ? nullptr : &people[it->second];
}

} // namespace

const Person* Registry::by_email(std::string_view email) const {
  if (email.empty() || people.empty())
    return nullptr;
  return lookup(people, email_index, normalise_email(email));
}

const Person* Registry::by_account(std::string_view account) const {
  if (account.empty() || people.empty())
    return nullptr;
  return lookup(people, account_index, normalise_name(account));
}

const Person* Registry::by_name(std::string_view name) const {
  if (name.empty() || people.empty())
    return nullptr;
  const std::string want = normalise_name(name);
  if (const Person* p = lookup(people, name_index, want))
    return p;
  return lookup(people, account_index, want);
}

std::string ssh_key_problem(std::string_view key) {
  auto parts = fields(key);
  if (parts.size() < 2)
    return "an SSH public key is \"<type> <base64> [comment]\", e.g. \"ssh-ed25519 AAAAC3Nza… "
           "alice@laptop\"";
  if (std::find(k_key_types.begin(), k_key_types.end(), parts[0]) == k_key_types.end())
    return fmt::format(
        "\"{}\" is not an SSH key type (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, …)", parts[0]);
  auto blob = base64_decode(parts[1]);
  if (!blob || blob->size() < 4)
    return "the key data is not valid base64";
  const auto* b = reinterpret_cast<const unsigned char*>(blob->data());
  const size_t len = (size_t{b[0]} << 24) | (size_t{b[1]} << 16) | (size_t{b[2]} << 8) | b[3];
  if (len > blob->size() - 4 || blob->substr(4, len) != parts[0])
    return fmt::format("the key data is not a {} key (truncated or pasted wrongly)", parts[0]);
  return "";
}

std::string ssh_key_core(std::string_view key) {
  auto parts = fields(key);
  if (parts.size() < 2)
    return std::string(key);
  return std::string(parts[0]) + " " + std::string(parts[1]);
}

std::string canonical_fingerprint(std::string_view fingerprint) {
  std::string out;
  for (char c : fingerprint)
    if (c != ' ')
      out += static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
  return out;
}

std::string gpg_fingerprint_problem(std::string_view fingerprint) {
  std::string fp = canonical_fingerprint(fingerprint);
  bool hex = std::all_of(fp.begin(), fp.end(),
                         [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); });
  if (!hex || (fp.size() != 40 && fp.size() != 64))
    return "an OpenPGP fingerprint is 40 hex digits (v4 keys) or 64 (v5/v6), as `gpg "
           "--fingerprint` prints it; key ids and short forms are not accepted";
  return "";
}

} // namespace custody::identity
