#include "util/line_counter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using custody::util::count_newlines;
using custody::util::line_start;
using custody::util::LineCounter;
using custody::util::TextPosition;

namespace {

// Reference: a count from the start of the text, as the engine once did per finding.
TextPosition naive_at(std::string_view text, size_t offset) {
  TextPosition p;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

} // namespace

TEST(LineCounter, CountsNewlinesAtEveryAlignmentAndLength) {
  // Lengths around the word size and the 255-word flush, newlines at odd places, high bytes
  // that must not count (0x8a has the newline's low bits).
  for (size_t n : {0u, 1u, 7u, 8u, 9u, 63u, 2039u, 2040u, 2041u, 5000u}) {
    std::string text(n, 'x');
    for (size_t i = 0; i < n; ++i)
      text[i] = i % 13 == 0 ? '\n' : i % 5 == 0 ? '\x8a' : i % 7 == 0 ? '\x0b' : 'x';
    for (size_t skip : {0u, 1u, 3u}) {
      std::string_view view = std::string_view(text).substr(std::min(skip, n));
      EXPECT_EQ(count_newlines(view),
                static_cast<size_t>(std::count(view.begin(), view.end(), '\n')))
          << n << " " << skip;
    }
  }
  EXPECT_EQ(count_newlines(std::string(3000, '\n')), 3000u);
}

TEST(LineCounter, PositionsInIncreasingOrderMatchACountFromTheStart) {
  std::string text = "first\n\nthird line\r\n  fourth\nlast";
  LineCounter lines(text);
  for (size_t offset = 0; offset <= text.size(); ++offset)
    EXPECT_EQ(lines.at(offset), naive_at(text, offset)) << offset;
}

TEST(LineCounter, RepeatedAndEarlierOffsetsAndPastTheEnd) {
  std::string text = "a\nbb\nccc\n";
  LineCounter lines(text);
  EXPECT_EQ(lines.at(7), (TextPosition{3, 3}));
  EXPECT_EQ(lines.at(7), (TextPosition{3, 3})); // same offset twice: no double count
  EXPECT_EQ(lines.at(2), (TextPosition{2, 1})); // earlier: restarts
  EXPECT_EQ(lines.at(0), (TextPosition{1, 1}));
  EXPECT_EQ(lines.at(100), (TextPosition{4, 1})); // clamped to the end
  EXPECT_EQ(LineCounter("").at(0), (TextPosition{1, 1}));
}

TEST(LineCounter, LongTextWithSparseOffsets) {
  std::string text;
  for (int i = 0; i < 20000; ++i)
    text += i % 3 ? "int x = 1;\n" : "// a longer comment line of some length\n";
  LineCounter lines(text);
  for (size_t offset = 0; offset < text.size(); offset += 4099)
    EXPECT_EQ(lines.at(offset), naive_at(text, offset)) << offset;
}

TEST(LineCounter, LineStartMatchesAByteAtATimeSearch) {
  std::string text;
  for (int i = 0; i < 300; ++i)
    text += std::string(static_cast<size_t>(i % 23), 'a' + static_cast<char>(i % 26)) +
            (i % 5 ? "\n" : "\x8a\x0a");
  for (size_t pos = 0; pos <= text.size(); ++pos)
    for (size_t back : {0u, 1u, 7u, 8u, 9u, 40u, 5000u}) {
      size_t floor = pos > back ? pos - back : 0;
      size_t expected = pos;
      while (expected > floor && text[expected - 1] != '\n')
        --expected;
      ASSERT_EQ(line_start(text, pos, floor), expected) << pos << " " << floor;
    }
  EXPECT_EQ(line_start("", 0), 0u);
  EXPECT_EQ(line_start("no newline at all here", 22), 0u);
  EXPECT_EQ(line_start("ab\ncd", 5), 3u);
  EXPECT_EQ(line_start("ab\ncd", 3), 3u);
  EXPECT_EQ(line_start("ab\ncd", 2), 0u);
}
