# custody_warnings: the warning set for our code (never applied to third-party code).
# Candidates not yet on: -Wconversion -Wsign-conversion -Wold-style-cast (too noisy around C APIs).
add_library(custody_warnings INTERFACE)
target_compile_options(custody_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wcast-align -Wextra-semi -Wunused -Wimplicit-fallthrough
  $<$<CXX_COMPILER_ID:GNU>:-Wlogical-op>)
if(CUSTODY_WARNINGS_AS_ERRORS)
  target_compile_options(custody_warnings INTERFACE -Werror)
endif()
