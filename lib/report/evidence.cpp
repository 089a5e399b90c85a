// write_evidence: per ledger, verify the chain, then one scan of its decisions in the period
// feeding the summaries, the CSV/JSON decision lists and the per-control samples; then the
// policy, index.html, the MANIFEST and the archive. Memory grows with repositories × months and
// the sample size, not with the number of records.
#include "report/evidence.hpp"

#include "config/digest.hpp"
#include "ledger/signer.hpp"
#include "ledger/verify.hpp"
#include "report/evidence_model.hpp"
#include "report/manifest.hpp"
#include "report/prng.hpp"
#include "report/reconstruct.hpp"
#include "report/scan_decisions.hpp"
#include "report/tar_gz.hpp"
#include "report/writer.hpp"
#include "util/file.hpp"
#include "util/sha256.hpp"
#include "util/time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <queue>
#include <set>

namespace custody::report {

namespace fs = std::filesystem;

namespace {

// The controls a decision is evidence for, and which decisions each sample draws from.
struct ControlDef {
  const char* control;
  const char* population_rule;
  bool (*member)(const DecisionView&);
};

bool secret_related(const DecisionView& d) {
  if (d.secrets_scanned || !d.findings.empty() || !d.bypasses.empty())
    return true;
  for (const auto& v : d.violations)
    for (const auto& r : v.rules)
      if (r.rfind("secrets.", 0) == 0)
        return true;
  return false;
}

constexpr ControlDef k_controls[] = {
    {"CC8.1", "every decision on a protected ref (accepted or refused)",
     [](const DecisionView& d) { return d.is_protected; }},
    {"CC6.1", "every decision (each names the authenticated pusher)",
     [](const DecisionView&) { return true; }},
    {"CC6.6",
     "every decision whose push was scanned for secrets, had a finding or a bypass, or was "
     "refused for a secret",
     secret_related},
};

// key(record) = SplitMix64 output number h for the seed, h = the record's hash's first 16 hex
// digits read as a number: anyone can recompute it from the record alone.
uint64_t sample_key(uint64_t seed, std::string_view hash) {
  uint64_t h = 0;
  for (size_t i = 0; i < 16 && i < hash.size(); ++i) {
    char c = hash[i];
    h = (h << 4) | static_cast<uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return splitmix64_nth(seed, h);
}

struct ByKey {
  bool operator()(const SampledDecision& a, const SampledDecision& b) const {
    return a.key < b.key;
  }
};
using SampleHeap = std::priority_queue<SampledDecision, std::vector<SampledDecision>, ByKey>;

class BundleFiles {
public:
  explicit BundleFiles(fs::path dir) : m_dir(std::move(dir)) {}
  Status write(const std::string& rel, std::string_view content) {
    fs::create_directories((m_dir / rel).parent_path());
    return util::write_file_atomic(m_dir / rel, content);
  }
  fs::path path(const std::string& rel) const { return m_dir / rel; }

private:
  fs::path m_dir;
};

// The public half of a ledger's signing key, written into the bundle so verify can use it (and the
// auditor can re-run it); "" and `why` set when it cannot be had.
std::string public_key_for(const fs::path& signing_key, BundleFiles& files, std::string& why) {
  auto key = ledger::Ed25519Key::load_private(signing_key);
  std::optional<std::string> pem;
  std::string id;
  if (key) {
    if (auto p = key->public_pem())
      pem = *p;
    id = key->key_id();
  } else {
    // The hook's key may be readable only by the hook's user; its .pub beside it usually is not.
    fs::path pub = signing_key.parent_path() / "ledger-signing.pub";
    if (auto k = ledger::Ed25519Key::load_public(pub); k) {
      pem = util::read_file(pub).value();
      id = k->key_id();
    } else {
      why = fmt::format("not checked: {}", key.error().message);
      return "";
    }
  }
  std::string rel = "keys/ledger-" + id + ".pub";
  if (!fs::exists(files.path(rel)))
    if (auto w = files.write(rel, *pem); !w) {
      why = "not checked: " + w.error().message;
      return "";
    }
  return files.path(rel).string();
}

LedgerStatus verify_ledger(const LedgerSource& source, const EvidenceOptions& options,
                           BundleFiles& files) {
  LedgerStatus s;
  s.repository = source.repository;
  s.ledger = source.ledger.string();
  std::error_code ec;
  if (!fs::exists(source.ledger, ec)) {
    s.present = false;
    s.ok = true;
    s.signatures = "no ledger";
    return s;
  }
  ledger::VerifyOptions v;
  v.path = source.ledger;
  std::string key_path, why;
  if (!source.signing_key.empty())
    key_path = public_key_for(source.signing_key, files, why);
  else if (options.public_key)
    key_path = options.public_key->string();
  if (!key_path.empty())
    v.public_key = key_path;
  auto report = ledger::verify(v);
  if (!report) {
    s.ok = false;
    s.problem = report.error().message;
    s.signatures = "not checked";
    return s;
  }
  s.records = report->records;
  s.segments = report->segments;
  s.checkpoints = report->checkpoints;
  s.signatures_checked = report->signatures_checked;
  s.head_seq = report->head_seq;
  s.head_hash = report->head_hash;
  s.warnings = report->warning_count;
  s.ok = !report->error;
  if (report->error)
    s.problem = ledger::format_finding(*report->error);
  if (!key_path.empty())
    s.signatures = fmt::format("{} checkpoint signatures valid ({})", report->signatures_checked,
                               fs::path(key_path).filename().string());
  else
    s.signatures = why.empty() ? "no signing key configured" : why;
  return s;
}

Status write_json(BundleFiles& files, const std::string& rel, const util::Json& value) {
  return files.write(rel, value.dump(2) + "\n");
}

// Copies each configuration layer that applies to some repository into policy/, once.
std::vector<PolicyLayer> collect_layers(const std::vector<LedgerSource>& sources,
                                        BundleFiles& files,
                                        std::map<std::string, std::string>& by_source) {
  std::vector<PolicyLayer> layers;
  for (const auto& s : sources)
    for (const auto& name : s.config_layers) {
      if (by_source.count(name))
        continue;
      std::string text;
      if (name == config::embedded_default_name())
        text = std::string(config::embedded_default_text());
      else if (auto read = util::read_file(name))
        text = *read;
      else
        text = "# unreadable now: " + read.error().message + "\n";
      std::string rel =
          fmt::format("policy/layer-{:02}-{}.toml", layers.size() + 1,
                      name == config::embedded_default_name() ? std::string("embedded-default")
                                                              : fs::path(name).stem().string());
      (void)files.write(rel, text);
      by_source[name] = rel;
      layers.push_back({name, rel, util::sha256_hex(text)});
    }
  return layers;
}

} // namespace

util::Json LedgerStatus::to_json() const {
  return {{"repository", repository},
          {"ledger", ledger},
          {"present", present},
          {"ok", ok},
          {"records", records},
          {"segments", segments},
          {"checkpoints", checkpoints},
          {"signatures", signatures},
          {"signatures_checked", signatures_checked},
          {"head", {{"seq", head_seq}, {"hash", head_hash}}},
          {"torn_tail_warnings", warnings},
          {"problem", problem.empty() ? util::Json() : util::Json(problem)}};
}

Result<EvidenceResult> write_evidence(const EvidenceOptions& options) {
  std::error_code ec;
  if (fs::exists(options.out, ec) && !fs::is_empty(options.out, ec))
    return make_error(ErrorCode::invalid_input,
                      fmt::format("--out {} exists and is not empty", options.out.string()),
                      "name a new folder: a bundle is never mixed with other files");
  fs::create_directories(options.out, ec);
  if (ec)
    return make_error(ErrorCode::io_failure,
                      fmt::format("cannot create {}: {}", options.out.string(), ec.message()));
  BundleFiles files(options.out);
  EvidenceModel model;
  model.generated = util::now_utc();
  model.from = options.from;
  model.to = options.to;
  model.scope = options.scope;
  model.seed = options.seed;
  model.seed_text = options.seed_text;
  model.sample_size = options.sample_size;
  model.method = fmt::format(
      "For each control, the decisions in its population (below) are given a key: the SplitMix64 "
      "output number h for seed {}, where h is the first 16 hex digits of the record's hash read "
      "as a number (custody's report/prng.hpp; Steele, Lea and Flood 2014). The {} decisions with "
      "the smallest keys form the sample. The choice of a record depends only on the seed and the "
      "record itself, so the sample can be recomputed from decisions.csv, and a record left out "
      "provably had a larger key. The seed was given as \"{}\" (a number is used as is, other text "
      "as the first 8 bytes of its SHA-256).",
      options.seed, options.sample_size, options.seed_text);

  std::ofstream csv(files.path("decisions.csv"), std::ios::binary);
  std::ofstream json(files.path("decisions.json"), std::ios::binary);
  auto csv_writer = make_csv_writer(csv);
  auto json_writer = make_json_writer(json);
  ReportMeta meta{options.scope, model.generated, options.filter.to_json(), Period::month};
  csv_writer->begin(meta);
  json_writer->begin(meta);

  std::vector<SampleHeap> heaps(std::size(k_controls));
  std::vector<uint64_t> populations(std::size(k_controls), 0);
  EvidenceResult result;
  std::set<std::string> repositories;
  for (const auto& source : options.ledgers) {
    LedgerStatus status = verify_ledger(source, options, files);
    repositories.insert(source.repository);
    RepositoryEvidence& repo = model.repositories[source.repository];
    repo.config_digest_now = source.config_digest;
    repo.config_error = source.config_error;
    repo.layers = source.config_layers;
    ++result.ledgers;
    if (!status.ok)
      ++result.damaged;
    bool present = status.present;
    model.ledgers.push_back(std::move(status));
    if (!present)
      continue;
    std::string dir = source.ledger.parent_path().string();
    std::string file;
    Status scanned = scan_decisions(
        source.ledger, options.filter,
        [&](const DecisionView& found, const ledger::RecordRef& ref) {
          DecisionView d = found;
          d.repo = source.repository;
          file = dir + "/" + std::string(ref.file);
          ledger::RecordRef where = ref;
          where.file = file;
          model.estate.add(d, ref.seq);
          repo.summary.add(d, ref.seq);
          csv_writer->decision(d, where);
          json_writer->decision(d, where);
          if (!d.config_digest.empty()) {
            model.records_carry_digest = true;
            if (repo.digests.empty() || repo.digests.back().digest != d.config_digest)
              repo.digests.push_back({d.config_digest, d.time, d.time, 0});
            repo.digests.back().last_time = d.time;
            ++repo.digests.back().decisions;
          }
          uint64_t key = sample_key(options.seed, ref.hash);
          for (size_t c = 0; c < std::size(k_controls); ++c) {
            if (!k_controls[c].member(d))
              continue;
            ++populations[c];
            auto& heap = heaps[c];
            if (heap.size() < options.sample_size || key < heap.top().key) {
              heap.push({key, source.repository, file, ref.line, ref.seq, std::string(ref.hash),
                         std::string(ref.prev), std::string(ref.text)});
              if (heap.size() > options.sample_size)
                heap.pop();
            }
          }
        },
        [&](const OutcomeView& found) {
          OutcomeView o = found;
          o.repo = source.repository;
          model.estate.add_outcome(o);
          repo.summary.add_outcome(o);
        });
    if (!scanned) {
      // Unreadable after verify read it: say so in the bundle rather than drop the ledger.
      model.ledgers.back().ok = false;
      model.ledgers.back().problem = scanned.error().message;
      ++result.damaged;
    }
  }
  model.estate.finish();
  for (auto& [name, repo] : model.repositories)
    repo.summary.finish();
  csv_writer->end(model.estate);
  json_writer->end(model.estate);
  csv.close();
  json.close();
  if (!csv || !json)
    return make_error(ErrorCode::io_failure, "cannot write decisions.csv / decisions.json");

  // Samples.
  util::Json samples_index = util::Json::array();
  for (size_t c = 0; c < std::size(k_controls); ++c) {
    ControlSample sample{k_controls[c].control, k_controls[c].population_rule, populations[c], {}};
    for (auto& heap = heaps[c]; !heap.empty(); heap.pop())
      sample.items.push_back(heap.top());
    std::sort(sample.items.begin(), sample.items.end(),
              [](const SampledDecision& a, const SampledDecision& b) {
                return std::tie(a.repository, a.file, a.seq) <
                       std::tie(b.repository, b.file, b.seq);
              });
    util::Json items = util::Json::array();
    for (const auto& s : sample.items) {
      util::Json record;
      try {
        record = util::Json::parse(s.text);
      } catch (const util::Json::exception&) {
        record = s.text;
      }
      items.push_back({{"repository", s.repository},
                       {"file", s.file},
                       {"line", s.line},
                       {"seq", s.seq},
                       {"hash", s.hash},
                       {"prev", s.prev},
                       {"key", fmt::format("{:016x}", s.key)},
                       {"record", record}});
    }
    std::string rel = fmt::format("samples/{}.json", sample.control);
    CUSTODY_TRY(write_json(files, rel,
                           {{"control", sample.control},
                            {"population", sample.population_rule},
                            {"population_size", sample.population},
                            {"n", options.sample_size},
                            {"seed", options.seed_text},
                            {"seed_value", options.seed},
                            {"method", model.method},
                            {"items", items}}));
    samples_index.push_back({{"control", sample.control},
                             {"file", rel},
                             {"population_size", sample.population},
                             {"sampled", sample.items.size()}});
    model.samples.push_back(std::move(sample));
  }
  CUSTODY_TRY(files.write(
      "samples/METHOD.txt",
      fmt::format("Seed: {} (value {})\nSample size per control: {}\n\n{}\n\n"
                  "Populations:\n",
                  options.seed_text, options.seed, options.sample_size, model.method) +
          [&] {
            std::string out;
            for (const auto& c : k_controls)
              out += fmt::format("  {}: {}\n", c.control, c.population_rule);
            return out;
          }()));

  // Ledger integrity.
  util::Json verify = util::Json::array();
  for (const auto& l : model.ledgers)
    verify.push_back(l.to_json());
  CUSTODY_TRY(
      write_json(files, "verify.json",
                 {{"ok", result.damaged == 0}, {"damaged", result.damaged}, {"ledgers", verify}}));

  // Policy in force.
  std::map<std::string, std::string> layer_files;
  model.layers = collect_layers(options.ledgers, files, layer_files);
  util::Json policy_repos = util::Json::array();
  for (const auto& [name, repo] : model.repositories) {
    util::Json layers = util::Json::array();
    for (const auto& l : repo.layers)
      layers.push_back({{"source", l}, {"file", layer_files[l]}});
    util::Json changes = util::Json::array();
    for (const auto& d : repo.digests)
      changes.push_back({{"config_digest", d.digest},
                         {"first_decision", d.first_time},
                         {"last_decision", d.last_time},
                         {"decisions", d.decisions}});
    policy_repos.push_back({{"repository", name},
                            {"layers_now", layers},
                            {"config_digest_now", repo.config_digest_now},
                            {"config_error", repo.config_error},
                            {"config_in_records", changes}});
  }
  util::Json layers_json = util::Json::array();
  for (const auto& l : model.layers)
    layers_json.push_back({{"source", l.source}, {"file", l.file}, {"sha256", l.sha256}});
  CUSTODY_TRY(write_json(
      files, "policy/policy.json",
      {{"note", model.records_carry_digest
                    ? "config_in_records lists each configuration digest the period's decisions "
                      "were made under, in order: a new entry is a configuration change"
                    : "the period's records carry no config_digest (recorded from custody's next "
                      "release on): only the configuration as found now is shown"},
       {"layers", layers_json},
       {"repositories", policy_repos}}));

  // Per repository and month.
  util::Json repos_json = util::Json::array();
  for (const auto& [name, repo] : model.repositories)
    repos_json.push_back({{"repository", name}, {"summary", repo.summary.to_json()}});

  if (options.reconstruct) {
    model.reconstruction = reconstruct_history(options.ledgers, options.filter);
    CUSTODY_TRY(write_json(files, "reconstruction.json", model.reconstruction));
  }

  util::Json summary = {{"bundle",
                         {{"generated", model.generated},
                          {"from", options.from},
                          {"to", options.to},
                          {"scope", options.scope},
                          {"repositories", repositories.size()},
                          {"ledgers", result.ledgers},
                          {"damaged_ledgers", result.damaged},
                          {"seed", options.seed_text},
                          {"samples", samples_index}}},
                        {"estate", model.estate.to_json()},
                        {"repositories", repos_json}};
  CUSTODY_TRY(write_json(files, "summary.json", summary));
  CUSTODY_TRY(files.write("index.html", evidence_index_html(model)));

  CUSTODY_TRY(write_manifest(options.out, options.manifest_key));
  fs::path archive = options.out;
  archive += ".tar.gz";
  CUSTODY_TRY(write_tar_gz(options.out, archive, util::parse_iso8601(model.generated).value_or(0)));
  result.dir = options.out;
  result.archive = archive;
  result.totals = model.estate.totals();
  result.repositories = repositories.size();
  return result;
}

} // namespace custody::report
