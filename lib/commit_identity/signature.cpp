#include "commit_identity/signature.hpp"

#include "git/commit_signature.hpp"

namespace custody::commit_identity {

SignatureFinding SignatureJudge::judge(const git::Repo& repo, const std::string& id,
                                       const git::Signature& committer) {
  SignatureFinding f;
  auto signed_commit = git::commit_signature(repo, id);
  if (!signed_commit)
    return f;
  f.state = SignatureState::not_committers;
  if (m_verifier.enabled())
    f.signer = m_verifier.signer(signed_commit->payload, signed_commit->signature);
  const identity::Person* person = m_registry.by_email(committer.email);
  if (person && !f.signer.empty() && person->name == f.signer)
    f.state = SignatureState::valid;
  return f;
}

const char* state_name(SignatureState state) {
  switch (state) {
  case SignatureState::valid:
    return "valid";
  case SignatureState::unsigned_:
    return "unsigned";
  case SignatureState::not_committers:
    return "not_committers";
  }
  return "unsigned";
}

} // namespace custody::commit_identity
