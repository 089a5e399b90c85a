// parse_gpg_status(); see gpg_status.hpp.
#include "identity/gpg_status.hpp"

#include <array>
#include <cctype>
#include <sstream>
#include <vector>

namespace custody::identity {

namespace {

constexpr std::array<std::string_view, 6> k_refusals = {"BADSIG",    "ERRSIG",    "EXPSIG",
                                                        "EXPKEYSIG", "REVKEYSIG", "NO_PUBKEY"};
constexpr std::string_view k_prefix = "[GNUPG:] ";

bool is_fingerprint(const std::string& s) {
  if (s.size() != 40 && s.size() != 64)
    return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c)))
      return false;
  return true;
}

std::string upper(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

} // namespace

GpgVerdict parse_gpg_status(std::string_view status) {
  GpgVerdict v;
  int goodsig = 0, validsig = 0;
  bool refused = false;
  std::istringstream lines{std::string(status)};
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with(k_prefix))
      continue;
    std::istringstream words(line.substr(k_prefix.size()));
    std::vector<std::string> fields;
    for (std::string w; words >> w;)
      fields.push_back(w);
    if (fields.empty())
      continue;
    const std::string& keyword = fields[0];
    for (auto r : k_refusals)
      refused = refused || keyword == r;
    if (keyword == "GOODSIG")
      ++goodsig;
    if (keyword != "VALIDSIG")
      continue;
    ++validsig;
    if (fields.size() < 2 || !is_fingerprint(fields[1]))
      refused = true;
    else
      v.signing_fingerprint = upper(fields[1]);
    if (fields.size() >= 11 && is_fingerprint(fields[10]))
      v.primary_fingerprint = upper(fields[10]);
  }
  v.good = !refused && goodsig == 1 && validsig == 1 && !v.signing_fingerprint.empty();
  if (!v.good)
    v = GpgVerdict{};
  return v;
}

} // namespace custody::identity
