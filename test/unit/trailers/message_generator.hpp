#pragma once
// Generates adversarial commit messages for the differential test against git: paragraph
// shapes around every rule in docs/trailers.md (dividers, scissors, CRLF, comments,
// continuation lines, "Key name:", URLs, the 25% boundary, Signed-off-by, cherry-pick lines,
// empty values, NUL, invalid UTF-8) plus raw noise over the bytes the rules care about.
// Deterministic for a seed (no <random> distributions, whose output varies by library).
#include <cstdint>
#include <string>
#include <vector>

namespace custody::test {

class MessageGenerator {
public:
  explicit MessageGenerator(uint64_t seed) : m_state(seed * 0x9E3779B97F4A7C15ull + 1) {}

  std::string next() {
    switch (pick(8)) {
    case 0:
      return noise();
    case 1:
      return boundary_25();
    default:
      return structured();
    }
  }

private:
  uint64_t m_state;

  uint64_t rand() { // splitmix64
    uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t pick(size_t n) { return static_cast<size_t>(rand() % n); }
  bool chance(size_t percent) { return pick(100) < percent; }
  template <typename T> const T& one_of(const std::vector<T>& v) { return v[pick(v.size())]; }

  std::string key() {
    static const std::vector<std::string> keys = {"Reviewed-By",
                                                  "Reviewed-by",
                                                  "Approved-By",
                                                  "AI-Generated",
                                                  "Review-Date",
                                                  "Co-authored-by",
                                                  "Signed-off-by",
                                                  "Fixes",
                                                  "Key name",
                                                  "Key_x",
                                                  "Cl\xc3\xa9",
                                                  "https",
                                                  "12",
                                                  "-",
                                                  "---",
                                                  "Key\v",
                                                  "Key  \t",
                                                  "",
                                                  " Key",
                                                  "\tKey",
                                                  "Bug #42",
                                                  "Key ",
                                                  "K",
                                                  "a-b-c",
                                                  "X-\xff"};
    return one_of(keys);
  }
  std::string value() {
    static const std::vector<std::string> values = {" Jane Doe <jane@example.com>",
                                                    " claude/opus-4/2025",
                                                    "",
                                                    " ",
                                                    " a:b",
                                                    "//example.com/x",
                                                    " value\r",
                                                    "\tvalue\t",
                                                    " 2025-01-02",
                                                    "value",
                                                    " \xff\xfe bad utf8",
                                                    " trailing  ",
                                                    ":",
                                                    " #x"};
    return one_of(values);
  }
  std::string line() {
    switch (pick(22)) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
      return key() + ":" + value();
    case 5:
      return chance(70) ? "Signed-off-by: A U Thor <a@x>"
                        : one_of(std::vector<std::string>{"Signed-off-by:A", "signed-off-by: a",
                                                          "Signed-off-by: ", "Signed-off-by:  x"});
    case 6:
      return "(cherry picked from commit 0123456789abcdef)";
    case 7:
      return one_of(
          std::vector<std::string>{" continued", "\tcontinued", "\rcontinued", "  ", "\t"});
    case 8:
    case 9:
      return one_of(std::vector<std::string>{"Some prose here.", "prose", "Key value", "x",
                                             "12:30 meeting", "https://example.com"});
    case 10:
      return one_of(std::vector<std::string>{"# comment", "#", "#Key: v", "; semicolon"});
    case 11:
    case 12:
      return one_of(std::vector<std::string>{"", "", " ", "\r", "\t ", "\v"});
    case 13:
      return one_of(
          std::vector<std::string>{"---", "--- ", "---\t", "----", "---x", "--- a/file", "---\r"});
    case 14:
      return one_of(
          std::vector<std::string>{"# ------------------------ >8 ------------------------",
                                   "; ------------------------ >8 ------------------------",
                                   "# ------------------------ >8 ------------------------\r"});
    case 15:
      return "Conflicts:";
    case 16:
      return "\tpath/to/file.c";
    case 17:
      return std::string("Key: with\0nul", 13);
    case 18:
      return "\xc3\x28 invalid: utf8";
    case 19:
      return key() + ":" + value() + "\n " + (chance(50) ? "folded" : "") +
             (chance(30) ? "\r" : "");
    default:
      return key() + ":" + value();
    }
  }

  std::string paragraph(size_t max_lines) {
    std::string p;
    size_t n = 1 + pick(max_lines);
    for (size_t i = 0; i < n; ++i)
      p += line() + "\n";
    return p;
  }

  std::string finish(std::string m) {
    if (chance(15)) // CRLF everywhere
      for (size_t i = 0; i < m.size(); ++i)
        if (m[i] == '\n' && (i == 0 || m[i - 1] != '\r'))
          m.insert(i++, 1, '\r');
    if (chance(20) && !m.empty() && m.back() == '\n')
      m.pop_back();
    if (chance(10))
      m += one_of(std::vector<std::string>{"\n", "\n\n", "# trailing comment\n", " \n", "\r\n"});
    return m;
  }

  std::string structured() {
    std::string m;
    static const std::vector<std::string> titles = {
        "Subject line\n", "\n", "# comment\nSubject\n", "Fix: the parser\n", "Key: value\n", ""};
    m += one_of(titles);
    size_t paragraphs = pick(4);
    for (size_t i = 0; i < paragraphs; ++i) {
      m += one_of(std::vector<std::string>{"\n", "\n", " \n", "\r\n", "\n\n"});
      m += paragraph(i + 1 == paragraphs ? 8 : 3);
    }
    return finish(m);
  }

  // Trailers and prose lines around trailers*3 == prose, with and without a recognised line.
  std::string boundary_25() {
    size_t trailers = 1 + pick(3);
    size_t prose = trailers * 3 + pick(3) - 1;
    bool recognised = chance(70);
    std::vector<std::string> lines;
    for (size_t i = 0; i < trailers; ++i)
      lines.push_back(i == 0 && recognised ? "Signed-off-by: A <a@x>"
                                           : "Key" + std::to_string(i) + ": v");
    for (size_t i = 0; i < prose; ++i)
      lines.push_back(chance(20) ? " indented" : "prose line");
    for (size_t i = lines.size(); i > 1; --i)
      std::swap(lines[i - 1], lines[pick(i)]);
    std::string m = "Subject\n\nBody.\n\n";
    for (const auto& l : lines)
      m += l + "\n";
    return finish(m);
  }

  std::string noise() {
    static const std::string alphabet = "aK-: \n\n\n\t\r#-S(\xff";
    size_t n = pick(120);
    std::string m;
    for (size_t i = 0; i < n; ++i)
      m += alphabet[pick(alphabet.size())];
    return m;
  }
};

} // namespace custody::test
