// Parsing `Name <email>` values; see identity_value.hpp.
#include "schema/identity_value.hpp"

#include "util/strings.hpp"

namespace custody::schema {

bool is_email(std::string_view text) {
  size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
    return false;
  for (unsigned char c : text)
    if (c <= ' ' || c == '<' || c == '>' || c == 0x7f || c == ',')
      return false;
  std::string_view domain = text.substr(at + 1);
  size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

std::optional<Identity> parse_identity(std::string_view text) {
  text = util::trim(text);
  if (text.empty() || text.back() != '>')
    return std::nullopt;
  size_t open = text.rfind('<');
  if (open == std::string_view::npos)
    return std::nullopt;
  std::string_view name = util::trim(text.substr(0, open));
  std::string_view email = text.substr(open + 1, text.size() - open - 2);
  if (name.empty() || name.find_first_of("<>") != std::string_view::npos || !is_email(email))
    return std::nullopt;
  return Identity{std::string(name), std::string(email)};
}

} // namespace custody::schema
