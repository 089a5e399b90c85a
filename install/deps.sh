#!/usr/bin/env bash
# Installs everything custody needs to build, test and benchmark on Debian 12.
# Idempotent: packages already present are left alone; safe to run on every CI start.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # libraries (see docs/ARCHITECTURE.md for why each is here), linked statically, so also the
  # static archives of what Debian built libgit2 with (cmake/Dependencies.cmake)
  libgit2-dev libfmt-dev libtomlplusplus-dev libpcre2-dev nlohmann-json3-dev libssl-dev
  libmbedtls-dev libssh2-1-dev libhttp-parser-dev zlib1g-dev
  # libarchive (archives in secret scanning) and the static archives its zip reader needs
  libarchive-dev nettle-dev liblzma-dev libbz2-dev libzstd-dev libxml2-dev
  # tests, fuzzing, formatting
  googletest libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev clang-format
  # integration transports and tools used by tests and benchmarks
  bc jq lighttpd apache2-utils openssl openssh-server openssh-client hyperfine python3 util-linux
  # shipping ledgers off the box (test/integration/suites/estate.bash, docs/estate.md)
  rsyslog rsyslog-relp
  # OpenPGP keys, signed commits, merges and pushes in the signature suites
  gpg gpg-agent
  # headless browser for the HTML report test (test/integration/suites/report_html.bash)
  chromium
  # packaging (cpack -G DEB, dpkg-shlibdeps) and its test
  dpkg-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "install/deps.sh: missing packages: ${missing[*]}" >&2
    echo "hint: run as root (or with sudo) to install them" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "install/deps.sh: all ${#packages[@]} packages present"
