#include "hook/update.hpp"

#include "hook/push_pipeline.hpp"

namespace custody::hook {

int update_main(int argc, char** argv, Io& io) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto update = refs::parse_update_args(args);
  Result<std::vector<refs::RefUpdate>> parsed =
      update ? Result<std::vector<refs::RefUpdate>>(std::vector<refs::RefUpdate>{*update})
             : Result<std::vector<refs::RefUpdate>>(update.error());
  return run_push_hook(HookKind::update, parsed, io);
}

} // namespace custody::hook
