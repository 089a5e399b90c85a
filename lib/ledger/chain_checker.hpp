#pragma once
// The verifier's state machine, fed one line at a time (no files here, so tests can feed it
// anything). It accepts exactly what append() writes: a gapless seq, each prev equal to the
// previous hash, each hash equal to the line's SHA-256, segment numbers on each segment's first
// record, torn lines only where a recovery record right after them names their exact bytes.
#include "ledger/line_hasher.hpp"
#include "ledger/line_reader.hpp"
#include "ledger/record_line.hpp"
#include "ledger/signer.hpp"
#include "ledger/verify.hpp"

#include <optional>
#include <string>

namespace custody::ledger {

class ChainChecker {
public:
  ChainChecker(VerifyReport& report, const Ed25519Key* key, std::optional<Witness> witness);

  void begin_segment(std::string file, uint64_t number, bool live);
  void line(const Line& line);
  void end_segment();
  void finish();

  bool failed() const { return m_report.error.has_value(); }

private:
  struct State {
    uint64_t seq = 0;
    std::string hash = k_zero_hash;
    uint64_t records_in_segment = 0;
    uint64_t records = 0;
  };
  struct BadLine {
    uint64_t number = 0;
    uint64_t offset = 0;
    uint64_t length = 0;
    std::string sha256;
  };

  void fail(uint64_t line, std::string message, std::string hint);
  void warn(uint64_t line, std::string message);
  void fail_bad_line(const BadLine& bad);
  bool resolve_recovery(const Line& line);
  void check_checkpoint(const Line& line, const Frame& frame);

  VerifyReport& m_report;
  const Ed25519Key* m_key;
  std::optional<Witness> m_witness;
  LineHasher m_hasher;

  std::string m_file;
  uint64_t m_segment = 0;
  bool m_live = false;
  State m_state;
  State m_before_last; // the state before the last accepted record, to undo a torn-but-valid line
  std::string m_last_text;
  uint64_t m_last_offset = 0;
  uint64_t m_last_line = 0;
  std::optional<BadLine> m_pending_bad;
  uint64_t m_last_checkpoint_seq = 0;
  bool m_witness_seen = false;
};

} // namespace custody::ledger
