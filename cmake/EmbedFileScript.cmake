# Writes IN as a byte array so any content (quotes, backslashes, long files) embeds safely.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace custody::embedded {\nstatic const unsigned char k_${SYMBOL}_bytes[] = {${bytes} 0};\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL}(reinterpret_cast<const char*>(k_${SYMBOL}_bytes), ${size});\n}\n")
