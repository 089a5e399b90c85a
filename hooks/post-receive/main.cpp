// git's post-receive hook: records which refs the push actually moved. All logic lives in lib/hook.
#include "hook/main_wrapper.hpp"
#include "hook/post_receive.hpp"

int main() {
  return custody::hook::run_main_with_libgit2(
      [](custody::hook::Io& io) { return custody::hook::post_receive_main(io); });
}
