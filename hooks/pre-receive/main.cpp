// git's pre-receive hook: decides for the whole push. All logic lives in lib/hook.
#include "hook/main_wrapper.hpp"
#include "hook/pre_receive.hpp"

int main() {
  return custody::hook::run_main_with_libgit2(
      [](custody::hook::Io& io) { return custody::hook::pre_receive_main(io); });
}
