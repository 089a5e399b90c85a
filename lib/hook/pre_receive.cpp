#include "hook/pre_receive.hpp"

#include "hook/push_pipeline.hpp"

#include <istream>
#include <iterator>

namespace custody::hook {

int pre_receive_main(Io& io) {
  std::string input((std::istreambuf_iterator<char>(io.in)), std::istreambuf_iterator<char>());
  return run_push_hook(HookKind::pre_receive, refs::parse_ref_update_lines(input), io);
}

} // namespace custody::hook
