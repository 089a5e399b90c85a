// Building paste-able fix commands; see fix_command.hpp.
#include "schema/fix_command.hpp"

namespace custody::schema {

namespace {

std::string double_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '$' || c == '`')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

} // namespace

std::string trailer_fix_command(std::string_view base, const std::vector<std::string>& trailers) {
  std::string out(base);
  for (const auto& t : trailers)
    out += " --trailer " + double_quote(t);
  return out;
}

} // namespace custody::schema
