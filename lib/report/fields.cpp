#include "report/fields.hpp"

namespace custody::report {

namespace {

const util::Json& empty_array() {
  static const util::Json empty = util::Json::array();
  return empty;
}

std::string scalar_text(const util::Json& v) {
  if (v.is_string())
    return v.get<std::string>();
  if (v.is_number() || v.is_boolean())
    return v.dump();
  return "";
}

} // namespace

std::string text(const util::Json& record, const char* key) {
  auto it = record.find(key);
  return it == record.end() ? "" : scalar_text(*it);
}

bool flag(const util::Json& record, const char* key) {
  auto it = record.find(key);
  return it != record.end() && it->is_boolean() && it->get<bool>();
}

const util::Json& list(const util::Json& record, const char* key) {
  auto it = record.find(key);
  return it != record.end() && it->is_array() ? *it : empty_array();
}

std::string tool_text(const util::Json& value) {
  if (value.is_object()) {
    std::string name = text(value, "name");
    std::string version = text(value, "version");
    return version.empty() ? name : name + " " + version;
  }
  return scalar_text(value);
}

std::string people_text(const util::Json& value) {
  if (!value.is_array())
    return scalar_text(value);
  std::string out;
  for (const auto& person : value) {
    std::string one = person.is_object() ? text(person, "name") : scalar_text(person);
    if (person.is_object() && !text(person, "email").empty())
      one += " <" + text(person, "email") + ">";
    if (one.empty())
      continue;
    out += out.empty() ? one : "; " + one;
  }
  return out;
}

bool is_decision(const util::Json& record) {
  auto it = record.find("decision");
  return it != record.end() && it->is_string();
}

} // namespace custody::report
