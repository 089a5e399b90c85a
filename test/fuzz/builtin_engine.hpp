#pragma once
// The secret engine with the builtin rules, built once per fuzzer process from `config`.
#include "secrets/rule_set.hpp"

#include <cstdlib>

namespace custody::fuzz {

inline const secrets::Engine& builtin_engine(const secrets::SecretsConfig& config = {}) {
  static const secrets::Engine engine = [&] {
    auto loaded = secrets::load_engine(config);
    if (!loaded)
      std::abort();
    return std::move(loaded.value().engine);
  }();
  return engine;
}

} // namespace custody::fuzz
