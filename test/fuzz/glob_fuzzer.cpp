// Fuzzes glob compilation and matching: first line is the pattern, the rest the text; both
// syntaxes. Matching must stay O(pattern × text).
#include "util/glob.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto nl = input.find('\n');
  // Real patterns are short; cap both sides so O(pattern × text) stays within the time limit.
  std::string_view pattern = input.substr(0, std::min<size_t>(nl, 512));
  std::string_view text =
      nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1, 8192);
  for (auto syntax : {custody::util::GlobSyntax::path, custody::util::GlobSyntax::name})
    if (auto glob = custody::util::Glob::compile(pattern, syntax))
      (void)glob->matches(text);
  return 0;
}
