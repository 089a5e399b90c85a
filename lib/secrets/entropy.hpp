#pragma once
// Shannon entropy in bits per character: random tokens score high (base64 ≈ 5-6, hex ≈ 3.7-4),
// words and repeated placeholders score low. Used as a floor on a rule's secret group.
#include <string_view>

namespace custody::secrets {

double shannon_entropy(std::string_view s);

} // namespace custody::secrets
