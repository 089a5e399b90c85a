// Look-ups on SchemaConfig; see schema_config.hpp.
#include "schema/schema_config.hpp"

#include "util/strings.hpp"

namespace custody::schema {

const KeySpec* SchemaConfig::key_spec(std::string_view key) const {
  for (const auto& k : keys)
    if (util::iequals(k.key, key))
      return &k;
  return nullptr;
}

const Rule* SchemaConfig::rule(std::string_view id) const {
  for (const auto& r : rules)
    if (r.id == id)
      return &r;
  return nullptr;
}

const char* value_type_name(ValueType type) {
  switch (type) {
  case ValueType::text:
    return "text";
  case ValueType::identity:
    return "identity";
  case ValueType::email:
    return "email";
  case ValueType::iso8601:
    return "iso8601";
  case ValueType::enumeration:
    return "enum";
  case ValueType::regex:
    return "regex";
  }
  return "text";
}

} // namespace custody::schema
