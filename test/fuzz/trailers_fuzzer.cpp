// Fuzz target for the trailer parser and the commit-msg cleanup: any bytes must parse in
// linear time without crashing, in both divider modes, and the results must be
// self-consistent (the block lies inside the message; printed trailers are one line each).
#include "trailers/cleanup.hpp"
#include "trailers/parser.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace custody::trailers;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (auto divider : {Divider::honour, Divider::ignore}) {
    ParseOptions options;
    options.divider = divider;
    auto block = parse_trailers(input, options);
    if (block.begin > block.end || block.end > input.size() || block.message_end > input.size())
      std::abort();
    for (const auto& t : block.trailers)
      if (t.key.empty() || t.key.find('\n') != std::string::npos ||
          t.value.find('\n') != std::string::npos)
        std::abort();
  }
  auto mode = static_cast<CleanupMode>(size % 4);
  auto cleaned = cleanup_message(input, {mode, resolve_comment_char(std::string("auto"), input)});
  if (mode != CleanupMode::verbatim && !cleaned.empty() && cleaned.back() != '\n')
    std::abort();
  parse_trailers(cleaned, {Divider::ignore, '#'});
  return 0;
}
