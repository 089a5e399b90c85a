#pragma once
// Whether a commit is signed by a key registered to its committer: the commit's signature
// (git/commit_signature.hpp) checked against the registry's SSH keys and OpenPGP fingerprints
// (identity/signature_verify.hpp, the one signature verification), and the signer compared with
// the person the committer's email names.
#include "git/commit_info.hpp"
#include "git/repo.hpp"
#include "identity/registry.hpp"
#include "identity/signature_verify.hpp"

#include <string>

namespace custody::commit_identity {

enum class SignatureState {
  valid,          // by a key registered to the committer
  unsigned_,      // no signature header
  not_committers, // signed, but not validly by a key registered to the committer
};

struct SignatureFinding {
  SignatureState state = SignatureState::unsigned_;
  std::string signer; // the registered person whose key made the signature, or ""
};

class SignatureJudge {
public:
  explicit SignatureJudge(const config::Config& config)
      : m_registry(config.get<identity::Registry>()), m_verifier(config) {}
  SignatureFinding judge(const git::Repo& repo, const std::string& id,
                         const git::Signature& committer);

private:
  const identity::Registry& m_registry;
  identity::SignatureVerifier m_verifier;
};

const char* state_name(SignatureState state);

} // namespace custody::commit_identity
