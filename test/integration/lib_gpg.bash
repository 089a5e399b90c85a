# OpenPGP helpers for the signature suites: keys made by the real gpg in a private GnuPG home per
# test. Source from a suite with: source "$here/lib_gpg.bash" ($here is the runner's directory).

# gpg_home: a fresh GNUPGHOME on a short path (gpg-agent's socket must fit in sun_path); its agent
# is stopped and the home removed when the test's shell exits.
gpg_home() {
  GNUPGHOME=$(mktemp -d "${TMPDIR:-/tmp}/cgpg.XXXXXX")
  export GNUPGHOME
  trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$GNUPGHOME"' EXIT
}

# gpg_key NAME EMAIL [EXPIRE]: an ed25519 signing key without passphrase (EXPIRE as gpg takes it,
# e.g. seconds=3; default never). Prints its fingerprint.
gpg_key() {
  gpg --batch --passphrase '' --quick-gen-key "$1 <$2>" ed25519 sign "${3:-never}" 2>/dev/null
  gpg --with-colons --list-keys "<$2>" | awk -F: '/^fpr/ {print $10; exit}'
}

# gpg_revoke FPR: revokes the key with the revocation certificate gpg stored when making it.
gpg_revoke() {
  sed 's/^:-----/-----/' "$GNUPGHOME/openpgp-revocs.d/$1.rev" | gpg --batch --import 2>/dev/null
}

# gpg_export FILE FPR...: the public keys, armored, as an administrator exports them.
gpg_export() {
  local file=$1; shift
  gpg --export --armor "$@" >"$file"
}

# gpg_sign_as FPR git-args...: runs git with that OpenPGP key as the signing key.
gpg_sign_as() {
  local fpr=$1; shift
  git -c gpg.format=openpgp -c user.signingkey="$fpr" "$@"
}
