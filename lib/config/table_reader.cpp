#include "config/table_reader.hpp"

#include "util/strings.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <sstream>

namespace custody::config {

namespace {

const toml::table& as_table(const void* p) {
  return *static_cast<const toml::table*>(p);
}
const toml::node* as_node(const void* p) {
  return static_cast<const toml::node*>(p);
}

std::string type_name(const toml::node& n) {
  switch (n.type()) {
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a float";
  case toml::node_type::boolean:
    return "a boolean";
  default:
    return "a date/time";
  }
}

} // namespace

TableReader::TableReader(const void* table, std::string dotted, std::string file,
                         Diagnostics& diags, Origins* origins)
    : m_table(table), m_dotted(std::move(dotted)), m_file(std::move(file)), m_diags(&diags),
      m_origins(origins) {}

std::string TableReader::qualified(std::string_view key) const {
  return m_dotted.empty() ? std::string(key) : fmt::format("{}.{}", m_dotted, key);
}

bool TableReader::has(std::string_view key) const {
  return as_table(m_table).get(key) != nullptr;
}

const void* TableReader::node(std::string_view key) {
  m_known.emplace(key);
  return as_table(m_table).get(key);
}

void TableReader::record_origin(std::string_view key, const void* n) {
  if (!m_origins)
    return;
  std::ostringstream value;
  const toml::node* node = as_node(n);
  if (node->is_array_of_tables())
    value << "[" << node->as_array()->size() << " tables]";
  else
    node->visit([&](const auto& v) { value << toml::toml_formatter(v, toml::format_flags::none); });
  (*m_origins)[qualified(key)] =
      Setting{value.str(), fmt::format("{}:{}", m_file, node->source().begin.line)};
}

void TableReader::error(std::string_view key, const std::string& message) {
  const toml::node* n = as_table(m_table).get(key);
  const auto& src = n ? n->source() : as_table(m_table).source();
  m_diags->push_back(
      {m_file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column), message});
}

std::optional<bool> TableReader::boolean(std::string_view key) {
  auto n = as_node(node(key));
  if (!n)
    return std::nullopt;
  if (!n->is_boolean()) {
    error(key, fmt::format("{} must be a boolean (true or false), not {}", qualified(key),
                           type_name(*n)));
    return std::nullopt;
  }
  record_origin(key, n);
  return n->as_boolean()->get();
}

std::optional<int64_t> TableReader::integer(std::string_view key, int64_t min, int64_t max) {
  auto n = as_node(node(key));
  if (!n)
    return std::nullopt;
  if (!n->is_integer()) {
    error(key, fmt::format("{} must be an integer, not {}", qualified(key), type_name(*n)));
    return std::nullopt;
  }
  int64_t v = n->as_integer()->get();
  if (v < min || v > max) {
    error(key, fmt::format("{} must be between {} and {}, not {}", qualified(key), min, max, v));
    return std::nullopt;
  }
  record_origin(key, n);
  return v;
}

std::optional<double> TableReader::number(std::string_view key, double min, double max) {
  auto n = as_node(node(key));
  if (!n)
    return std::nullopt;
  double v = 0;
  if (n->is_integer()) {
    v = static_cast<double>(n->as_integer()->get());
  } else if (n->is_floating_point()) {
    v = n->as_floating_point()->get();
  } else {
    error(key, fmt::format("{} must be a number, not {}", qualified(key), type_name(*n)));
    return std::nullopt;
  }
  if (!(v >= min && v <= max)) {
    error(key, fmt::format("{} must be between {} and {}, not {}", qualified(key), min, max, v));
    return std::nullopt;
  }
  record_origin(key, n);
  return v;
}

int TableReader::line() const {
  return static_cast<int>(as_table(m_table).source().begin.line);
}

std::optional<std::string> TableReader::string(std::string_view key) {
  auto n = as_node(node(key));
  if (!n)
    return std::nullopt;
  if (!n->is_string()) {
    error(key, fmt::format("{} must be a string, not {}", qualified(key), type_name(*n)));
    return std::nullopt;
  }
  record_origin(key, n);
  return n->as_string()->get();
}

std::optional<std::string> TableReader::choice(std::string_view key,
                                               const std::vector<std::string>& allowed) {
  auto v = string(key);
  if (!v)
    return std::nullopt;
  for (const auto& a : allowed)
    if (*v == a)
      return v;
  error(key, fmt::format("{} must be one of: {}; got \"{}\"", qualified(key),
                         util::join(allowed, ", "), *v));
  return std::nullopt;
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key) {
  auto n = as_node(node(key));
  if (!n)
    return std::nullopt;
  if (!n->is_array()) {
    error(key,
          fmt::format("{} must be an array of strings, not {}", qualified(key), type_name(*n)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : *n->as_array()) {
    if (!item.is_string()) {
      const auto& src = item.source();
      m_diags->push_back(
          {m_file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column),
           fmt::format("{} must contain only strings, found {}", qualified(key), type_name(item))});
      ok = false;
      continue;
    }
    out.push_back(item.as_string()->get());
  }
  if (!ok)
    return std::nullopt;
  record_origin(key, n);
  return out;
}

std::optional<std::vector<util::Glob>> TableReader::globs(std::string_view key,
                                                          util::GlobSyntax syntax) {
  auto patterns = strings(key);
  if (!patterns)
    return std::nullopt;
  std::vector<util::Glob> out;
  bool ok = true;
  const auto& items = *as_table(m_table).get(key)->as_array();
  for (size_t i = 0; i < patterns->size(); ++i) {
    auto g = util::Glob::compile((*patterns)[i], syntax);
    if (!g) {
      const auto& src = items[i].source();
      m_diags->push_back({m_file, static_cast<int>(src.begin.line),
                          static_cast<int>(src.begin.column),
                          fmt::format("{}: {}", qualified(key), g.error().message)});
      ok = false;
      continue;
    }
    out.push_back(std::move(g.value()));
  }
  if (!ok)
    return std::nullopt;
  return out;
}

std::optional<TableReader> TableReader::table(std::string_view key) {
  auto n = as_node(node(key));
  if (!n)
    return std::nullopt;
  if (!n->is_table()) {
    error(key, fmt::format("{} must be a table, not {}", qualified(key), type_name(*n)));
    return std::nullopt;
  }
  return TableReader(n->as_table(), qualified(key), m_file, *m_diags, m_origins);
}

std::optional<std::vector<TableReader>> TableReader::tables(std::string_view key) {
  auto n = as_node(node(key));
  if (!n)
    return std::nullopt;
  if (!n->is_array_of_tables() && !(n->is_array() && n->as_array()->empty())) {
    error(key, fmt::format("{} must be an array of tables ([[{}]]), not {}", qualified(key),
                           qualified(key), type_name(*n)));
    return std::nullopt;
  }
  record_origin(key, n);
  std::vector<TableReader> out;
  size_t i = 0;
  for (const auto& item : *n->as_array())
    out.emplace_back(item.as_table(), fmt::format("{}[{}]", qualified(key), i++), m_file, *m_diags,
                     m_origins);
  return out;
}

std::vector<std::string> TableReader::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : as_table(m_table))
    out.emplace_back(k.str());
  return out;
}

std::optional<std::map<std::string, std::string>> TableReader::string_map(std::string_view key) {
  auto sub = table(key);
  if (!sub)
    return std::nullopt;
  std::map<std::string, std::string> out;
  for (const auto& k : sub->keys())
    if (auto v = sub->string(k))
      out[k] = *v;
  return out;
}

void TableReader::finish(const std::vector<std::string>& also_known) {
  std::vector<std::string> known(m_known.begin(), m_known.end());
  known.insert(known.end(), also_known.begin(), also_known.end());
  for (const auto& [k, v] : as_table(m_table)) {
    std::string key(k.str());
    if (m_known.count(key) ||
        std::find(also_known.begin(), also_known.end(), key) != also_known.end())
      continue;
    std::string message = fmt::format("unknown key \"{}\"", qualified(key));
    if (auto guess = util::closest_match(key, known); !guess.empty())
      message += fmt::format("; did you mean \"{}\"?", guess);
    const auto& src = k.source();
    m_diags->push_back(
        {m_file, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column), message});
    (void)v;
  }
}

} // namespace custody::config
