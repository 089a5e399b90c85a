#pragma once
// Tolerant reads of ledger record fields. Records grow as issues land (commits, findings,
// bypasses) and old records lack the newer fields: a missing or odd-typed field reads as empty,
// never as an error.
#include "util/json.hpp"

#include <string>

namespace custody::report {

// A string field; numbers and booleans are rendered, anything else is "".
std::string text(const util::Json& record, const char* key);
bool flag(const util::Json& record, const char* key);
// An array field, or an empty array.
const util::Json& list(const util::Json& record, const char* key);
// "name version" for an ai_tool given as a string or as {name, version}.
std::string tool_text(const util::Json& value);
// Reviewers given as strings or {name, email} objects, joined with "; ".
std::string people_text(const util::Json& value);
// True for the records that carry a decision (decision, commit-msg, config-error records).
bool is_decision(const util::Json& record);

} // namespace custody::report
