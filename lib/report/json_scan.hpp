#pragma once
// Reading a few fields out of a JSON object without building a tree: one pass records where
// each top-level member's value starts and ends; strings are decoded on demand. Reports read a
// million records, and a DOM per record (allocating every key and value) was 10× slower.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace custody::report {

class ObjectScan {
public:
  // Members of the object `text`; nullopt when it is not a well-formed object.
  static std::optional<ObjectScan> scan(std::string_view text);

  // The raw JSON text of member `key`'s value, if present.
  std::optional<std::string_view> raw(std::string_view key) const;
  // A string member decoded (numbers and booleans as written); "" when absent or other.
  std::string text(std::string_view key) const;
  bool flag(std::string_view key) const;
  // Calls `fn` with the raw text of each element of array member `key` (nothing if absent).
  void each(std::string_view key, const std::function<void(std::string_view)>& fn) const;

private:
  std::vector<std::pair<std::string_view, std::string_view>>
      m_members; // raw key (unquoted), raw value
};

// Decodes a raw JSON value to text: strings unescaped, numbers and literals as written, "" else.
std::string value_text(std::string_view raw);

} // namespace custody::report
