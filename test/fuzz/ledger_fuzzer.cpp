// Fuzzes the ledger verifier's line parser and chain state machine: any bytes, read as a ledger
// segment, give a verdict (intact or the first problem) without crashing or hanging; a line that
// parses as a frame hashes without error; and a line the writer makes from any parsed body
// always parses back to the same frame.
#include "ledger/chain_checker.hpp"
#include "ledger/json_check.hpp"
#include "ledger/record_line.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

// The writer's own line for the seq and body of `frame` must parse back with its hash.
void round_trip(const custody::ledger::Frame& frame, std::string_view line) {
  const std::string_view body = frame.after_prev;
  auto json = custody::util::Json::parse(fmt::format("{{\"x\":0{}}}", body), nullptr, false);
  if (json.is_discarded() || !json.is_object())
    return;
  json.erase("x");
  for (auto it = json.begin(); it != json.end(); ++it)
    if (custody::ledger::is_reserved_key(it.key()))
      return;
  const std::string made =
      custody::ledger::make_line(frame.seq, std::string(frame.prev), std::nullopt, json);
  auto back = custody::ledger::parse_frame(made);
  if (!back || back->seq != frame.seq || back->hash != custody::ledger::expected_hash(made))
    std::abort();
  (void)line;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  custody::ledger::VerifyReport report;
  custody::ledger::ChainChecker checker(report, nullptr, std::nullopt);
  checker.begin_segment("fuzz.jsonl", 0, true);
  uint64_t offset = 0, number = 0;
  while (offset < text.size() && !checker.failed()) {
    const size_t end = text.find('\n', offset);
    custody::ledger::Line line;
    line.text = text.substr(offset, end == std::string_view::npos ? end : end - offset);
    line.offset = offset;
    line.number = ++number;
    line.terminated = end != std::string_view::npos;
    if (auto frame = custody::ledger::parse_frame(line.text)) {
      (void)custody::ledger::expected_hash(line.text);
      (void)custody::ledger::frame_segment(*frame);
      (void)custody::ledger::frame_type(*frame);
      (void)custody::ledger::is_json_object(line.text);
      round_trip(*frame, line.text);
    }
    checker.line(line);
    offset = end == std::string_view::npos ? text.size() : end + 1;
  }
  if (!checker.failed()) {
    checker.end_segment();
    checker.finish();
  }
  return 0;
}
