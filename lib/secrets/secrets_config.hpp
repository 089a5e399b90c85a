#pragma once
// The [secrets] configuration: secret scanning (issue 4 fills this in).
namespace custody::secrets {

struct SecretsConfig {};

} // namespace custody::secrets
