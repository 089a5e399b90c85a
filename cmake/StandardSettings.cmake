# custody_settings: language level and sanitizer switches for our own targets only.
add_library(custody_settings INTERFACE)
target_compile_features(custody_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

set(_sanitizers "")
if(CUSTODY_ENABLE_SANITIZER_ADDRESS)
  list(APPEND _sanitizers address)
endif()
if(CUSTODY_ENABLE_SANITIZER_UNDEFINED)
  list(APPEND _sanitizers undefined)
endif()
if(_sanitizers)
  list(JOIN _sanitizers "," _san)
  target_compile_options(custody_settings INTERFACE -fsanitize=${_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(custody_settings INTERFACE -fsanitize=${_san})
endif()

# libFuzzer builds instrument the library too, so coverage guides the fuzzers into it.
if(CUSTODY_BUILD_FUZZERS)
  target_compile_options(custody_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(custody_settings INTERFACE -fsanitize=address,undefined)
endif()

# Executables carry their own copy of the C++ runtime, so a hook loads only glibc at start-up
# (see cmake/Dependencies.cmake). Not under the sanitizers, whose runtimes replace parts of it.
if(NOT _sanitizers AND NOT CUSTODY_BUILD_FUZZERS)
  target_link_options(custody_settings INTERFACE -static-libstdc++ -static-libgcc)
endif()
