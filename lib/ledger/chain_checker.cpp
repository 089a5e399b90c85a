#include "ledger/chain_checker.hpp"

#include "ledger/json_check.hpp"
#include "util/json.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

namespace custody::ledger {

namespace {

constexpr const char* k_restore_hint = "restore the segment from a trusted copy (backup, shipped "
                                       "logs); records from here on are unproven";

} // namespace

std::string format_finding(const Finding& f) {
  if (f.line == 0)
    return fmt::format("{}: {}", f.file, f.message);
  return fmt::format("{}:{}: {}", f.file, f.line, f.message);
}

ChainChecker::ChainChecker(VerifyReport& report, const Ed25519Key* key,
                           std::optional<Witness> witness)
    : m_report(report), m_key(key), m_witness(std::move(witness)) {}

void ChainChecker::fail(uint64_t line, std::string message, std::string hint) {
  if (!m_report.error)
    m_report.error = Finding{m_file, line, std::move(message), std::move(hint)};
}

void ChainChecker::warn(uint64_t line, std::string message) {
  ++m_report.warning_count;
  if (m_report.warnings.size() < VerifyReport::k_max_warnings)
    m_report.warnings.push_back(Finding{m_file, line, std::move(message), {}});
}

void ChainChecker::fail_bad_line(const BadLine& bad) {
  fail(bad.number,
       fmt::format(
           "line is not a ledger record (after seq {}): not a JSON object with seq, prev and hash, "
           "and no recovery record names it",
           m_state.seq),
       k_restore_hint);
}

void ChainChecker::begin_segment(std::string file, uint64_t number, bool live) {
  m_file = std::move(file);
  m_segment = number;
  m_live = live;
  m_state.records_in_segment = 0;
  m_pending_bad.reset();
  ++m_report.segments;
}

void ChainChecker::end_segment() {
  if (failed())
    return;
  if (m_pending_bad)
    return fail_bad_line(*m_pending_bad);
  if (!m_live && m_state.records_in_segment == 0)
    fail(0, fmt::format("closed segment {} holds no records", m_segment), k_restore_hint);
}

bool ChainChecker::resolve_recovery(const Line& line) {
  uint64_t offset = 0;
  uint64_t length = 0;
  std::string sha;
  try {
    auto record = util::Json::parse(line.text);
    const auto& torn = record.at("torn");
    offset = torn.at("offset").get<uint64_t>();
    length = torn.at("length").get<uint64_t>();
    sha = torn.at("sha256").get<std::string>();
  } catch (const util::Json::exception&) {
    fail(line.number, "recovery record without a valid \"torn\" range", k_restore_hint);
    return false;
  }
  std::string range = fmt::format("{} bytes at byte {}", length, offset);
  if (m_pending_bad) {
    const BadLine& bad = *m_pending_bad;
    if (bad.offset != offset || bad.length != length || bad.sha256 != sha) {
      fail_bad_line(bad);
      return false;
    }
    warn(bad.number,
         fmt::format("torn record ({}): a writer was interrupted; recovered by the next record",
                     range));
    m_pending_bad.reset();
    return true;
  }
  // The torn bytes may happen to be a whole record whose newline never reached the disk: the
  // writer had not finished, so it is not part of the chain. Undo it.
  if (m_state.records_in_segment > 0 && m_last_offset == offset && m_last_text.size() == length &&
      util::sha256_hex(m_last_text) == sha) {
    warn(m_last_line,
         fmt::format("torn record ({}): a writer was interrupted; recovered by the next record",
                     range));
    m_state = m_before_last;
    m_report.records -= 1;
    return true;
  }
  fail(line.number,
       fmt::format("recovery record names a torn range ({}) that is not the line before it", range),
       k_restore_hint);
  return false;
}

void ChainChecker::check_checkpoint(const Line& line, const Frame& frame) {
  ++m_report.checkpoints;
  m_last_checkpoint_seq = frame.seq;
  if (!m_key)
    return;
  std::string key_id;
  std::string sig;
  try {
    auto record = util::Json::parse(line.text);
    key_id = record.at("key").get<std::string>();
    sig = record.at("sig").get<std::string>();
  } catch (const util::Json::exception&) {
    return fail(line.number,
                fmt::format("record seq {}: checkpoint without key and sig", frame.seq),
                k_restore_hint);
  }
  if (key_id != m_key->key_id())
    return fail(line.number,
                fmt::format("record seq {}: checkpoint signed by key {}, not by the given key {}",
                            frame.seq, key_id, m_key->key_id()),
                "pass the public key that matches [ledger] signing_key");
  if (!m_key->verify(checkpoint_message(frame.seq, frame.prev), sig))
    return fail(line.number,
                fmt::format("record seq {}: checkpoint signature is invalid", frame.seq),
                "the records before this checkpoint were altered, or the checkpoint was forged");
  ++m_report.signatures_checked;
}

void ChainChecker::line(const Line& line) {
  if (failed())
    return;
  if (!line.terminated) {
    if (m_pending_bad)
      return fail_bad_line(*m_pending_bad);
    if (!m_live)
      return fail(line.number, "closed segment ends in a line without a newline", k_restore_hint);
    return warn(
        line.number,
        fmt::format("torn tail ({} bytes at byte {}): a writer was interrupted; the next append "
                    "records a recovery",
                    line.text.size(), line.offset));
  }
  auto frame = parse_frame(line.text);
  if (!frame || !is_json_object(line.text)) {
    if (m_pending_bad)
      return fail_bad_line(*m_pending_bad);
    m_pending_bad =
        BadLine{line.number, line.offset, line.text.size(), util::sha256_hex(line.text)};
    return;
  }
  std::string_view type = frame_type(*frame);
  if (type == "recovery") {
    if (!resolve_recovery(line))
      return;
  } else if (m_pending_bad) {
    return fail_bad_line(*m_pending_bad);
  }

  uint64_t seq = frame->seq;
  char hash[k_hash_hex_size];
  m_hasher.hash_without_suffix(line.text, hash);
  if (std::string_view(hash, k_hash_hex_size) != frame->hash)
    return fail(
        line.number,
        fmt::format(
            "record seq {}: hash does not match the record's content (the record was altered)",
            seq),
        k_restore_hint);
  auto segment = frame_segment(*frame);
  if (m_state.records_in_segment == 0) {
    if (!segment)
      return fail(line.number,
                  fmt::format("record seq {} opens segment {} but carries no \"segment\" number "
                              "(the segment's first "
                              "records were removed)",
                              seq, m_segment),
                  k_restore_hint);
    if (m_live && *segment > m_segment)
      return fail(
          0,
          fmt::format(
              "segment {} is missing (the live segment's first record, seq {}, opens segment {})",
              m_segment, seq, *segment),
          "restore the missing segment file; the chain cannot be proven without it");
    if (*segment != m_segment)
      return fail(line.number,
                  fmt::format("record seq {} opens segment {}, but this file is segment {} "
                              "(segment files renamed or "
                              "reordered)",
                              seq, *segment, m_segment),
                  "restore the segment files' original names");
  } else if (segment) {
    return fail(line.number,
                fmt::format("record seq {} claims to open segment {} in the middle of a segment",
                            seq, *segment),
                k_restore_hint);
  }
  uint64_t expected = m_state.seq + 1;
  if (seq > expected)
    return fail(line.number,
                fmt::format("record seq {} where seq {} was expected: records deleted or reordered",
                            seq, expected),
                k_restore_hint);
  if (seq < expected)
    return fail(line.number,
                fmt::format("record seq {} where seq {} was expected: a record was inserted, "
                            "duplicated or reordered",
                            seq, expected),
                k_restore_hint);
  if (frame->prev != m_state.hash)
    return fail(line.number,
                fmt::format("record seq {}: prev does not match the hash of record seq {} (that "
                            "record was altered, or "
                            "this one was inserted)",
                            seq, m_state.seq),
                k_restore_hint);
  if (type == "checkpoint") {
    check_checkpoint(line, *frame);
    if (failed())
      return;
  }
  if (m_witness && m_witness->seq == seq) {
    m_witness_seen = true;
    if (m_witness->hash != frame->hash)
      return fail(
          line.number,
          fmt::format(
              "record seq {} has hash {}, but the witness recorded {} (history was rewritten)", seq,
              frame->hash, m_witness->hash),
          k_restore_hint);
  }
  m_before_last = m_state;
  m_state.seq = seq;
  m_state.hash = std::string(frame->hash);
  ++m_state.records_in_segment;
  ++m_report.records;
  m_last_text.assign(line.text);
  m_last_offset = line.offset;
  m_last_line = line.number;
}

void ChainChecker::finish() {
  m_report.head_seq = m_state.seq;
  m_report.head_hash = m_state.hash;
  if (failed())
    return;
  if (m_witness && !m_witness_seen)
    return fail(
        0,
        fmt::format(
            "the ledger ends at seq {}, before the witnessed head seq {} (records were truncated)",
            m_state.seq, m_witness->seq),
        k_restore_hint);
  if (m_key) {
    if (m_report.checkpoints == 0)
      return fail(0, "no signed checkpoint in the ledger",
                  "set [ledger] signing_key so each append is signed");
    if (m_state.seq > m_last_checkpoint_seq)
      return fail(
          0,
          fmt::format("records seq {}..{} are not covered by a signed checkpoint (appended without "
                      "the key, "
                      "or forged)",
                      m_last_checkpoint_seq + 1, m_state.seq),
          "check who wrote them: every append with [ledger] signing_key ends in a checkpoint");
  }
}

} // namespace custody::ledger
