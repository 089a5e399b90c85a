#include "identity/identity.hpp"

#include "identity/host_env.hpp"
#include "identity/normalise.hpp"
#include "util/glob.hpp"

#include <pwd.h>
#include <unistd.h>

namespace custody::identity {

namespace {

std::string os_user(const util::Environment& env) {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
    return pw->pw_name;
  return env.get_nonempty("USER").value_or("uid-" + std::to_string(::geteuid()));
}

const Registry& empty_registry() {
  static const Registry k_empty;
  return k_empty;
}

} // namespace

bool is_agent_name(std::string_view name, const AgentsConfig& agents) {
  return !name.empty() && (util::matches_any(agents.accounts, name) ||
                           util::matches_any(agents.accounts, normalise_name(name)));
}

bool is_agent_email(std::string_view email, const AgentsConfig& agents) {
  return !email.empty() && (util::matches_any(agents.emails, email) ||
                            util::matches_any(agents.emails, skeleton(email)));
}

const Person* Directory::person(std::string_view name, std::string_view email) const {
  if (const Person* p = m_registry.by_email(email))
    return p;
  return m_registry.by_name(name);
}

std::string Directory::agent_reason(std::string_view name, std::string_view email) const {
  const Person* by_email = m_registry.by_email(email);
  const Person* by_name = m_registry.by_name(name);
  for (const Person* p : {by_email, by_name})
    if (p && p->is_agent())
      return "it is registered as an agent in [[people]] (\"" + p->name + "\")";
  if (by_email) // a registered human, by address
    return "";
  if (m_agents.unlisted_are_agents && (!name.empty() || !email.empty()))
    return "it is not a registered person, and [agents] unlisted_are_agents is set";
  if (is_agent_name(name, m_agents) || is_agent_email(email, m_agents))
    return "it matches [agents]";
  return "";
}

bool Directory::is_agent_account(std::string_view account) const {
  if (const Person* p = m_registry.by_account(account))
    return p->is_agent();
  if (m_agents.unlisted_are_agents)
    return true;
  return is_agent_name(account, m_agents);
}

bool Directory::same_person(std::string_view name_a, std::string_view email_a,
                            std::string_view name_b, std::string_view email_b) const {
  if (!email_a.empty() && normalise_email(email_a) == normalise_email(email_b))
    return true;
  if (!name_a.empty() && normalise_name(name_a) == normalise_name(name_b))
    return true;
  const Person* a[] = {m_registry.by_email(email_a), m_registry.by_name(name_a)};
  const Person* b[] = {m_registry.by_email(email_b), m_registry.by_name(name_b)};
  for (const Person* x : a)
    for (const Person* y : b)
      if (x && x == y)
        return true;
  return false;
}

bool Directory::is_account_of(std::string_view account, std::string_view name,
                              std::string_view email) const {
  const Person* p = m_registry.by_account(account);
  if (!p)
    return false;
  return p == m_registry.by_email(email) || p == m_registry.by_name(name);
}

Pusher identify_pusher(const util::Environment& env, const Directory& directory) {
  const auto host = host_pusher(env);
  Pusher pusher = host ? Pusher{host->name, host->source, false, ""}
                       : Pusher{os_user(env), "os-user", false, ""};
  const bool key = host && host->deploy_key;
  if (const Person* p = key ? nullptr : directory.account(pusher.name))
    pusher.person = p->name;
  // A deploy key is a machine credential, never a human.
  pusher.is_agent = key || directory.is_agent_account(pusher.name);
  // Gitea Actions job tokens push as the pseudo-user gitea-actions (id -2): automation, not a
  // human.
  if (host_says_automation(env))
    pusher.is_agent = true;
  return pusher;
}

Pusher identify_pusher(const util::Environment& env, const AgentsConfig& agents) {
  return identify_pusher(env, Directory(agents, empty_registry()));
}

} // namespace custody::identity
