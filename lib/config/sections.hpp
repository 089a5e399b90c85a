#pragma once
// The configuration's top-level sections. Each check family owns one or more: a function that
// reads its keys from one layer's root table (so later layers override earlier ones key by key)
// into the family's own typed section (Config::edit<T>()), calling finish() on the tables it
// reads so unknown keys are reported. The list lives above every family, in
// lib/families/sections.cpp: config/ includes no feature folder, and a new family is a new folder
// plus one line there.
#include "config/config.hpp"

#include <span>

namespace custody::config {

struct Section {
  const char* name; // the top-level key, e.g. "secrets"
  // Reads one layer's [name] table, or (for an array of tables, [[name]]) every entry of it.
  void (*apply)(TableReader& table, Config& config) = nullptr;
  void (*apply_array)(std::vector<TableReader>& tables, Config& config) = nullptr;
  // Reads the family's keys from one ruleset's `rules` table into that ruleset's own sections
  // (the caller reports the keys no family read).
  void (*apply_rules)(TableReader& rules, Sections& ruleset_rules) = nullptr;
};

// Every family's section, in reading order (defined in lib/families/sections.cpp).
std::span<const Section> family_sections();

} // namespace custody::config
