#pragma once
// The identity registry ([[people]]): who each person or agent is across the names, addresses,
// pusher accounts and signing keys they use. Self-review is judged by person, not by string;
// an agent listed here is an agent whatever its name looks like. Lookups compare normalised forms
// (identity/normalise.hpp), so `alice+review@…` and a Cyrillic look-alike find Alice.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace custody::identity {

enum class PersonKind { human, agent };

struct Person {
  std::string name;
  PersonKind kind = PersonKind::human;
  std::vector<std::string> emails;
  std::vector<std::string> accounts; // pusher names (Gitea, GitLab, gitolite, HTTP, SSH)
  std::vector<std::string> ssh_keys; // "ssh-ed25519 AAAA… comment", as in allowed-signers files
  std::vector<std::string> gpg_fingerprints; // uppercase hex, no spaces
  std::string origin;                        // "file:line" of its [[people]] entry

  bool is_agent() const { return kind == PersonKind::agent; }
};

struct Registry {
  std::vector<Person> people;
  // Normalised email / account / name → index into people (built by reindex(), which the
  // [[people]] reader calls after each layer), so a lookup is one normalisation and a search.
  std::map<std::string, size_t> email_index, account_index, name_index;
  void reindex();

  bool empty() const { return people.empty(); }
  const Person* by_email(std::string_view email) const;
  const Person* by_account(std::string_view account) const;
  // By the person's name or one of their accounts (an author name may be either).
  const Person* by_name(std::string_view name) const;
};

// "ssh-ed25519 AAAA… [comment]": a key type git's SSH signing accepts and a base64 blob that
// decodes to a key of that type. Returns "" when valid, else what is wrong.
std::string ssh_key_problem(std::string_view key);
// The key's "type base64" part (no comment), for allowed-signers files and comparisons.
std::string ssh_key_core(std::string_view key);
// 40 (v4) or 64 (v5/v6) hex digits, spaces allowed; "" when valid, else what is wrong.
std::string gpg_fingerprint_problem(std::string_view fingerprint);
// Uppercase hex without spaces.
std::string canonical_fingerprint(std::string_view fingerprint);

} // namespace custody::identity
