// scan_blobs(): see blob_scan.hpp. Work is handed out by an atomic counter, so a huge blob on one
// thread does not hold up the others.
#include "secrets/blob_scan.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace custody::secrets {

std::string_view blob_status_name(BlobStatus s) {
  switch (s) {
  case BlobStatus::scanned:
    return "scanned";
  case BlobStatus::binary:
    return "binary";
  case BlobStatus::oversize:
    return "oversize";
  case BlobStatus::unreadable:
    return "unreadable";
  case BlobStatus::not_scanned:
    return "not-scanned";
  case BlobStatus::regex_limit:
    return "regex-limit";
  }
  return "unknown";
}

std::optional<UnscannedRefusal> refusal_for(const ScannedBlob& blob, const SecretsConfig& config) {
  const bool skip_refused =
      (blob.status == BlobStatus::binary && config.binary == OnSkip::reject) ||
      (blob.status == BlobStatus::oversize && config.oversize == OnSkip::reject);
  if (skip_refused)
    return UnscannedRefusal{
        fmt::format("secrets.{}_blob", blob_status_name(blob.status)),
        fmt::format("{} blob ({} bytes) cannot be scanned for secrets and this server refuses "
                    "such blobs",
                    blob_status_name(blob.status), blob.size),
        "remove the file from the commits (git rm --cached, then rewrite them), or store it "
        "outside the repository (Git LFS, an artifact store)"};
  if (blob.status == BlobStatus::regex_limit && config.on_regex_limit == OnTimeout::reject)
    return UnscannedRefusal{
        "secrets.regex_limit",
        fmt::format("blob ({} bytes) not fully scanned for secrets: rule {} hit the regex "
                    "engine's match limit on it",
                    blob.size, fmt::join(blob.limited_rules, ", ")),
        "shorten the long line or run of repeated text in that file; if the file is genuine, an "
        "administrator can set [secrets].on_regex_limit = \"accept\" (recorded in the ledger)"};
  return std::nullopt;
}

std::optional<UnscannedRefusal> refusal_for(const ArchiveSkip& skip, std::string_view path,
                                            const SecretsConfig& config) {
  const bool size_limit =
      skip.reason == ArchiveSkipReason::too_deep || skip.reason == ArchiveSkipReason::too_big;
  if ((size_limit ? config.oversize : config.binary) != OnSkip::reject)
    return std::nullopt;
  const std::string what = skip.inner_path.empty()
                               ? fmt::format("archive {}", path)
                               : fmt::format("archive member {}!{}", path, skip.inner_path);
  return UnscannedRefusal{
      fmt::format("secrets.{}", archive_skip_name(skip.reason)),
      fmt::format("{} cannot be scanned for secrets ({}) and this server refuses such archives",
                  what, archive_skip_name(skip.reason)),
      size_limit ? "push the archive's contents instead of the archive, or ask an administrator "
                   "to raise [secrets].archive_max_depth / archive_max_bytes"
      : skip.reason == ArchiveSkipReason::binary
          ? "store binary files outside the repository (Git LFS, an artifact store)"
          : "push the archive unencrypted and readable, or its contents instead"};
}

ScannedBlob scan_one_blob(const Engine& engine, const NewBlob& where, Result<git::Repo::Blob> blob,
                          Deadline deadline) {
  ScannedBlob out;
  if (!blob) {
    out.status = BlobStatus::unreadable;
    return out;
  }
  out.size = blob->size;
  // By name first: keystores are binary, and a key is a secret whatever its size.
  if (auto f = engine.secret_file_finding(
          where.path, blob->content ? *blob->content : std::string_view{}, where.id, where.commit))
    out.findings.push_back(std::move(*f));
  if (!blob->content) {
    out.status = BlobStatus::oversize;
    return out;
  }
  const std::string& content = *blob->content;
  if (engine.options().archive_max_depth > 0 && looks_like_archive(content)) {
    ArchiveScan a = scan_archive(engine, content, where.path, where.commit, deadline);
    std::move(a.findings.begin(), a.findings.end(), std::back_inserter(out.findings));
    out.limited_rules = std::move(a.limited_rules);
    out.archive_skips = std::move(a.skips);
    if (a.timed_out)
      out.status = BlobStatus::not_scanned;
    else
      out.status = out.limited_rules.empty() ? BlobStatus::scanned : BlobStatus::regex_limit;
    return out;
  }
  if (is_binary(content)) {
    out.status = BlobStatus::binary;
    return out;
  }
  ScanResult r = engine.scan(content, where.path, where.commit, deadline);
  std::move(r.findings.begin(), r.findings.end(), std::back_inserter(out.findings));
  out.limited_rules = std::move(r.limited_rules);
  if (r.timed_out)
    out.status = BlobStatus::not_scanned;
  else
    out.status = out.limited_rules.empty() ? BlobStatus::scanned : BlobStatus::regex_limit;
  return out;
}

BlobScanReport scan_blobs(const git::Repo& repo, const Engine& engine,
                          const std::vector<NewBlob>& blobs, uint64_t max_blob_bytes,
                          Deadline deadline, unsigned threads) {
  BlobScanReport report;
  report.blobs.resize(blobs.size());
  if (threads == 0)
    threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, blobs.size())));
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> bytes{0};
  std::atomic<bool> timed_out{false};
  std::mutex read_mutex;
  auto work = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= blobs.size())
        return;
      ScannedBlob& out = report.blobs[i];
      if (timed_out.load() ||
          (deadline != Deadline::max() && std::chrono::steady_clock::now() > deadline)) {
        timed_out = true;
        continue;
      }
      Result<git::Repo::Blob> blob = [&] {
        std::lock_guard lock(read_mutex);
        return repo.read_blob(blobs[i].id, max_blob_bytes);
      }();
      out = scan_one_blob(engine, blobs[i], std::move(blob), deadline);
      if (out.status == BlobStatus::not_scanned)
        timed_out = true;
      if (out.status == BlobStatus::scanned || out.status == BlobStatus::regex_limit)
        bytes += out.size;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(work);
  work();
  for (auto& t : pool)
    t.join();
  report.bytes_scanned = bytes.load();
  report.timed_out = timed_out.load();
  return report;
}

} // namespace custody::secrets
