#include "git/ref_name.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>

namespace custody::git {

bool is_object_id(std::string_view s) {
  return (s.size() == 40 || s.size() == 64) && util::is_hex(s);
}

Status check_ref_name(std::string_view ref) {
  auto bad = [&](std::string_view why) {
    return make_error(ErrorCode::invalid_input,
                      fmt::format("invalid ref name \"{}\": {}", util::printable(ref), why));
  };
  if (ref.rfind("refs/", 0) != 0)
    return bad("it does not start with refs/");
  if (ref.back() == '/' || ref.back() == '.')
    return bad("it ends with '/' or '.'");
  if (ref.find("..") != std::string_view::npos || ref.find("@{") != std::string_view::npos ||
      ref.find("//") != std::string_view::npos)
    return bad("it contains \"..\", \"@{\" or \"//\"");
  for (unsigned char c : ref)
    if (c < 0x20 || c == 0x7F || c == ' ' || c == '~' || c == '^' || c == ':' || c == '?' ||
        c == '*' || c == '[' || c == '\\')
      return bad("it contains a control character, space, or one of ~^:?*[\\");
  for (auto component : util::split(ref, '/')) {
    if (component.empty() || component.front() == '.')
      return bad("a path component is empty or starts with '.'");
    if (component.size() >= 5 && component.substr(component.size() - 5) == ".lock")
      return bad("a path component ends with .lock");
  }
  return ok_status();
}

} // namespace custody::git
