// record_silenced_by_marker(), not_a_secret_hint(): see finding_policy.hpp.
#include "secrets/finding_policy.hpp"

#include "secrets/secrets_config.hpp"

#include <fmt/format.h>

namespace custody::secrets {

namespace {

util::Json finding_record(const Finding& f, const NewBlob& where) {
  return {{"rule", f.rule},
          {"fingerprint", f.fingerprint},
          {"path", finding_path(where.path, f)},
          {"commit", where.commit},
          {"line", f.line},
          {"redacted", f.redacted}};
}

} // namespace

bool record_silenced_by_marker(const Finding& f, const NewBlob& where, policy::PushContext& ctx,
                               policy::RefDecision& d) {
  if (!f.silenced_by_marker)
    return false;
  if (ctx.pusher.is_agent) { // an agent's marker: not honoured, and the attempt is on record
    d.evidence["marker_refused"].push_back(finding_record(f, where));
    return false;
  }
  util::Json record = finding_record(f, where);
  record["by"] = ctx.pusher.name;
  d.evidence["silenced_by_marker"].push_back(std::move(record));
  return true;
}

std::string not_a_secret_hint(const Finding& f, const policy::PushContext& ctx) {
  if (ctx.pusher.is_agent || !ctx.config.get<SecretsConfig>().inline_allow)
    return fmt::format("not a secret? ask an administrator to add {} to "
                       "[secrets].allow_fingerprints",
                       f.fingerprint);
  return fmt::format("not a secret? mark the line with `custody:allow`, or ask an administrator "
                     "to add {} to [secrets].allow_fingerprints",
                     f.fingerprint);
}

} // namespace custody::secrets
