// The signed-push family; see push_cert.hpp.
#include "signed_push/push_check.hpp"

#include "identity/signature_verify.hpp"
#include "signed_push/rules.hpp"

#include <fmt/format.h>

namespace custody::signed_push {

namespace {

constexpr uint64_t k_max_cert_bytes = 1 << 20;

struct Certificate {
  std::string text;
  std::string signer; // registered person, or ""
  std::string nonce_status;
  std::string git_status;
  std::string problem; // why the push is refused, or ""
};

Certificate read_certificate(policy::PushContext& ctx, const std::string& id) {
  Certificate cert;
  cert.nonce_status = ctx.env.get("GIT_PUSH_CERT_NONCE_STATUS").value_or("");
  cert.git_status = ctx.env.get("GIT_PUSH_CERT_STATUS").value_or("");
  auto blob = ctx.repo.read_blob(id, k_max_cert_bytes);
  if (!blob || !blob->content) {
    cert.problem = fmt::format("the push certificate {} could not be read, so the signed push "
                               "cannot be checked",
                               id);
    return cert;
  }
  cert.text = *blob->content;
  if (cert.nonce_status != "OK" && cert.nonce_status != "SLOP")
    cert.problem = fmt::format(
        "the push certificate's nonce is {}: this server did not issue it for this push (a "
        "replayed or forged certificate)",
        cert.nonce_status.empty() ? "absent" : cert.nonce_status);
  if (size_t sig = identity::signature_start(cert.text); sig != std::string::npos) {
    identity::SignatureVerifier verifier(ctx.config);
    cert.signer = verifier.signer(std::string_view(cert.text).substr(0, sig),
                                  std::string_view(cert.text).substr(sig));
  }
  return cert;
}

// The rulesets targeting `d` that require a signed push.
std::vector<size_t> requiring(const policy::PushContext& ctx, const policy::RefDecision& d) {
  std::vector<size_t> out;
  for (size_t i : d.rulesets)
    if (ctx.rulesets().all()[i].rules.get<SignedPushRules>().require_signed_push)
      out.push_back(i);
  return out;
}

// Why a push that changes a ref requiring signed pushes does not satisfy it, or "".
std::string unsigned_reason(const policy::PushContext& ctx, const Certificate* cert) {
  if (ctx.hook == policy::HookKind::update)
    return "git gives push certificates to pre-receive only, so the update hook cannot see "
           "whether this push is signed";
  if (!cert)
    return "this push carries no push certificate";
  if (!cert->problem.empty())
    return "its push certificate is not valid for this push";
  if (cert->signer.empty())
    return "its push certificate is not signed by a key registered in [[people]]";
  return "";
}

void require_signed(policy::PushContext& ctx, const Certificate* cert,
                    std::vector<policy::RefDecision>& decisions) {
  for (auto& d : decisions) {
    if (d.kind == refs::UpdateKind::unchanged)
      continue;
    const auto rulesets = requiring(ctx, d);
    if (rulesets.empty())
      continue;
    const std::string why = unsigned_reason(ctx, cert);
    if (why.empty())
      continue;
    for (size_t i : rulesets) {
      policy::Violation v;
      v.rule = "signed_push.required";
      v.control = "CC6.1";
      v.ref = d.update.ref;
      v.ruleset = ctx.rulesets().all()[i].name;
      v.message = fmt::format("this ref requires a signed push by a registered person: {}", why);
      v.hints =
          ctx.hook == policy::HookKind::update
              ? std::vector<std::string>{"the server must run custody as pre-receive (custody "
                                         "install --repo PATH) to require signed pushes"}
              : std::vector<std::string>{
                    "push with a certificate: git push --signed (SSH: git -c "
                    "gpg.format=ssh -c user.signingkey=~/.ssh/id_ed25519 push --signed, "
                    "with that key in your [[people]] ssh_keys; OpenPGP: a key whose "
                    "fingerprint is in your gpg_fingerprints)"};
      d.violations.push_back(std::move(v));
    }
  }
}

} // namespace

void check_push(policy::PushContext& ctx, std::vector<policy::RefDecision>& decisions) {
  auto id = ctx.env.get_nonempty("GIT_PUSH_CERT");
  const bool pushed =
      ctx.hook == policy::HookKind::pre_receive || ctx.hook == policy::HookKind::update;
  if (ctx.hook != policy::HookKind::pre_receive || !id) {
    if (pushed)
      require_signed(ctx, nullptr, decisions);
    return;
  }
  const Certificate cert = read_certificate(ctx, *id);
  util::Json record = {{"id", *id},
                       {"nonce_status", cert.nonce_status},
                       {"git_status", cert.git_status},
                       {"signer", cert.signer},
                       {"text", cert.text}};
  for (auto& d : decisions) {
    d.evidence["push_certificate"] = record;
    if (cert.problem.empty())
      continue;
    policy::Violation v;
    v.rule = "signed_push.nonce";
    v.control = "CC6.1";
    v.ref = d.update.ref;
    v.message = cert.problem;
    v.hints = {"push again with a fresh certificate: git push --signed (with gpg.format=ssh and "
               "user.signingkey set to a key registered in [[people]] ssh_keys, or with "
               "gpg.format=openpgp and a key registered in [[people]] gpg_fingerprints)"};
    d.violations.push_back(std::move(v));
  }
  require_signed(ctx, &cert, decisions);
  if (cert.problem.empty())
    ctx.push_signer = cert.signer;
}

} // namespace custody::signed_push
