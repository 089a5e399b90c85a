#include "ledger/json_check.hpp"

#include <gtest/gtest.h>

#include <string>

using custody::ledger::is_json_object;

TEST(JsonCheckTest, AcceptsObjectsOfEveryValueKind) {
  EXPECT_TRUE(is_json_object("{}"));
  EXPECT_TRUE(is_json_object(
      R"({"a":1,"b":-2.5e+3,"c":"x\"\\\u00e9","d":[true,false,null,[],{}],"e":{"f":[1,[2]]}})"));
  EXPECT_TRUE(is_json_object(" { \"a\" : [ 1 , 2 ] } "));
}

TEST(JsonCheckTest, RejectsAnythingElse) {
  for (const char* bad : {"",
                          "[]",
                          "1",
                          "\"s\"",
                          "{",
                          "{\"a\"}",
                          "{\"a\":}",
                          "{\"a\":1,}",
                          "{\"a\":1}x",
                          "{\"a\":01}",
                          "{\"a\":1.}",
                          "{\"a\":tru}",
                          "{\"a\":\"\\x\"}",
                          "{\"a\":\"\\u12\"}",
                          "{\"a\":[1,]}",
                          "{\"a\":[1}",
                          "{\"a\":{]}",
                          "{a:1}",
                          "{\"a\":\"tab\there\"}",
                          "{\"a\":1}{}"})
    EXPECT_FALSE(is_json_object(bad)) << bad;
}

TEST(JsonCheckTest, BoundsNestingWithoutRecursion) {
  std::string deep = "{\"a\":" + std::string(64, '[') + std::string(64, ']') + "}";
  EXPECT_FALSE(is_json_object(deep)); // 65 levels with the object
  std::string ok = "{\"a\":" + std::string(63, '[') + std::string(63, ']') + "}";
  EXPECT_TRUE(is_json_object(ok));
  std::string wide = "{\"a\":[";
  for (int i = 0; i < 200000; ++i)
    wide += "1,";
  wide += "1]}";
  EXPECT_TRUE(is_json_object(wide));
}
