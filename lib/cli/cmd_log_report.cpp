// custody log report | sample: evidence for auditors, out of the ledger.
#include "cli/args.hpp"
#include "cli/log_commands.hpp"
#include "cli/log_location.hpp"
#include "hook/exit_code.hpp"
#include "report/report.hpp"

#include <fmt/format.h>

#include <ostream>

namespace custody::cli {

namespace {

constexpr const char* k_report_help =
    R"(usage: custody log report [--ledger PATH | --repo PATH] [--from DATE] [--to DATE]
                          [--ref GLOB] [--format json|csv|html|md] [--period month|day]

One row per decision and per commit it checked: time, repo, ref, pusher (agent?), commit,
author, AI tool, reviewers, review date, decision, violated rules, bypasses, redacted findings,
and the record's chain position. Summary per period: pushes, rejections by rule, AI-assisted
commits reaching protected refs and the share with a human reviewer, bypasses.
DATE is YYYY-MM-DD (a --to date includes that day) or an RFC 3339 time. Default format: json.
The HTML form is one self-contained file: custody log report --format html > report.html
)";

constexpr const char* k_sample_help =
    R"(usage: custody log sample --n N --seed S [--ledger PATH | --repo PATH] [--from DATE]
                          [--to DATE] [--ref GLOB] [--format text|json]

A reproducible random sample of N decisions: the same ledger, filters and seed always give the
same sample. Each entry shows the evidence and its chain position (file:line, seq, hash, prev).
S is a number, or any text (hashed to a number), e.g. --seed 2026-Q1-audit.
)";

Result<report::Filter> filter_from(const ParsedArgs& args) {
  return report::Filter::make(args.value("--from"), args.value("--to"), args.value("--ref"));
}

} // namespace

int log_report(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--ledger", true},
                                  {"--repo", true},
                                  {"--from", true},
                                  {"--to", true},
                                  {"--ref", true},
                                  {"--format", true},
                                  {"--period", true}});
  if (!parsed) {
    print_log_error(io.err, "report", parsed.error());
    return hook::k_exit_usage;
  }
  if (parsed->has("--help")) {
    io.out << k_report_help;
    return hook::k_exit_ok;
  }
  report::ReportOptions options;
  auto format = report::parse_format(parsed->value("--format").value_or("json"));
  std::string period = parsed->value("--period").value_or("month");
  auto filter = filter_from(*parsed);
  if (!format || (period != "month" && period != "day") || !filter) {
    Error e = !filter ? filter.error()
              : !format
                  ? make_error(ErrorCode::invalid_input,
                               fmt::format("unknown --format '{}'", *parsed->value("--format")),
                               "use json, csv, html or md")
                  : make_error(ErrorCode::invalid_input,
                               fmt::format("unknown --period '{}'", period), "use month or day");
    print_log_error(io.err, "report", e);
    return hook::k_exit_usage;
  }
  auto location = locate_ledger(*parsed, io);
  if (!location) {
    print_log_error(io.err, "report", location.error());
    return hook::k_exit_internal_error;
  }
  options.ledger = location->path;
  options.filter = std::move(*filter);
  options.format = *format;
  options.period = period == "day" ? report::Period::day : report::Period::month;
  if (auto written = report::write_report(options, io.out); !written) {
    print_log_error(io.err, "report", written.error());
    return hook::k_exit_internal_error;
  }
  return hook::k_exit_ok;
}

int log_sample(const Args& args, hook::Io& io) {
  auto parsed = parse_args(args, {{"--ledger", true},
                                  {"--repo", true},
                                  {"--from", true},
                                  {"--to", true},
                                  {"--ref", true},
                                  {"--n", true},
                                  {"-n", true},
                                  {"--seed", true},
                                  {"--format", true}});
  if (!parsed) {
    print_log_error(io.err, "sample", parsed.error());
    return hook::k_exit_usage;
  }
  if (parsed->has("--help")) {
    io.out << k_sample_help;
    return hook::k_exit_ok;
  }
  std::string n_text = parsed->value("--n").value_or(parsed->value("-n").value_or("25"));
  std::string format = parsed->value("--format").value_or("text");
  auto seed = parsed->value("--seed");
  auto filter = filter_from(*parsed);
  std::optional<Error> usage;
  if (!seed)
    usage = make_error(ErrorCode::invalid_input,
                       "--seed is required, so that the sample can be reproduced",
                       "pick one with the auditor, e.g. --seed 2026-Q1-audit");
  else if (n_text.empty() || n_text.size() > 6 ||
           n_text.find_first_not_of("0123456789") != std::string::npos || n_text == "0")
    usage = make_error(ErrorCode::invalid_input,
                       fmt::format("--n '{}' is not a count between 1 and 999999", n_text));
  else if (format != "text" && format != "json")
    usage = make_error(ErrorCode::invalid_input, fmt::format("unknown --format '{}'", format),
                       "use text or json");
  else if (!filter)
    usage = filter.error();
  if (usage) {
    print_log_error(io.err, "sample", *usage);
    return hook::k_exit_usage;
  }
  auto location = locate_ledger(*parsed, io);
  if (!location) {
    print_log_error(io.err, "sample", location.error());
    return hook::k_exit_internal_error;
  }
  report::SampleOptions options;
  options.ledger = location->path;
  options.filter = std::move(*filter);
  options.n = std::stoul(n_text);
  options.seed_text = *seed;
  options.seed = report::parse_seed(*seed);
  options.json = format == "json";
  if (auto written = report::write_sample(options, io.out); !written) {
    print_log_error(io.err, "sample", written.error());
    return hook::k_exit_internal_error;
  }
  return hook::k_exit_ok;
}

} // namespace custody::cli
