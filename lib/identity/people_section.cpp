// The [[people]] array; see people_section.hpp.
#include "identity/people_section.hpp"

#include "identity/normalise.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace custody::identity {

namespace {

using Normaliser = std::function<std::string(std::string_view)>;

// Reports every value of `key` that another person already lists (after normalisation).
void check_unique(config::TableReader& t, const Registry& registry, const Person& person,
                  const char* key, std::vector<std::string> Person::*field,
                  const Normaliser& norm) {
  for (const auto& value : person.*field) {
    const std::string want = norm(value);
    for (const auto& other : registry.people) {
      if (other.name == person.name)
        continue;
      const auto& theirs = other.*field;
      if (std::any_of(theirs.begin(), theirs.end(),
                      [&](const std::string& v) { return norm(v) == want; }))
        t.error(key, fmt::format("people: {} \"{}\" of \"{}\" is already listed for \"{}\" ({}); "
                                 "one address, account or key belongs to one person",
                                 key, value, person.name, other.name, other.origin));
    }
  }
}

void read_keys(config::TableReader& t, Person& p) {
  if (auto v = t.strings("ssh_keys")) {
    for (const auto& key : *v)
      if (auto problem = ssh_key_problem(key); !problem.empty())
        t.error("ssh_keys", fmt::format("people: \"{}\": malformed SSH key: {}", p.name, problem));
    p.ssh_keys = std::move(*v);
  }
  if (auto v = t.strings("gpg_fingerprints")) {
    for (auto& fp : *v) {
      if (auto problem = gpg_fingerprint_problem(fp); !problem.empty())
        t.error("gpg_fingerprints", fmt::format("people: \"{}\": malformed fingerprint \"{}\": {}",
                                                p.name, fp, problem));
      fp = canonical_fingerprint(fp);
    }
    p.gpg_fingerprints = std::move(*v);
  }
}

void read_entry(config::TableReader& t, Registry& registry, std::vector<std::string>& seen) {
  Person p;
  auto name = t.string("name");
  if (!name || name->empty()) {
    t.error("name", "people: every person needs a `name`");
    t.finish({"kind", "emails", "accounts", "ssh_keys", "gpg_fingerprints"});
    return;
  }
  if (std::find(seen.begin(), seen.end(), *name) != seen.end())
    t.error("name", fmt::format("people: \"{}\" is listed twice in this file", *name));
  seen.push_back(*name);
  p.name = *name;
  p.origin = fmt::format("{}:{}", t.file(), t.line());
  if (auto kind = t.choice("kind", {"human", "agent"}))
    p.kind = *kind == "agent" ? PersonKind::agent : PersonKind::human;
  else if (!t.has("kind"))
    t.error("kind", fmt::format("people: \"{}\" needs a `kind`, \"human\" or \"agent\"", p.name));
  if (auto v = t.strings("emails"))
    p.emails = std::move(*v);
  if (auto v = t.strings("accounts"))
    p.accounts = std::move(*v);
  read_keys(t, p);
  t.finish();
  check_unique(t, registry, p, "emails", &Person::emails, normalise_email);
  check_unique(t, registry, p, "accounts", &Person::accounts, normalise_name);
  check_unique(t, registry, p, "ssh_keys", &Person::ssh_keys, ssh_key_core);
  check_unique(t, registry, p, "gpg_fingerprints", &Person::gpg_fingerprints,
               canonical_fingerprint);
  auto same = std::find_if(registry.people.begin(), registry.people.end(),
                           [&](const Person& q) { return q.name == p.name; });
  if (same != registry.people.end())
    *same = std::move(p);
  else
    registry.people.push_back(std::move(p));
}

} // namespace

void apply_people_section(std::vector<config::TableReader>& entries, config::Config& config) {
  auto& registry = config.edit<Registry>();
  std::vector<std::string> seen; // names in this layer: a repeat is a mistake, not an override
  for (auto& entry : entries)
    read_entry(entry, registry, seen);
  registry.reindex();
}

} // namespace custody::identity
