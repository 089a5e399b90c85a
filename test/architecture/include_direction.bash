#!/usr/bin/env bash
# The dependency direction of docs/ARCHITECTURE.md, checked on every #include under lib/:
#  - only hook/, cli/ and mirror/ include hook/ (the check contract lives in policy/);
#  - config/ includes no feature folder (only config/ and util/): families register their
#    sections in families/sections.cpp;
#  - git/ and refs/ do not include each other both ways (refs/ builds on git/).
# Usage: include_direction.bash SOURCE_DIR. Prints every offending line; exit 1 if any.
set -euo pipefail
lib=${1:?usage: include_direction.bash SOURCE_DIR}/lib
cd "$lib"
status=0

# includes FOLDER: "file:line:folder" for every quoted #include in FOLDER's files.
includes() {
  [[ -d $1 ]] || return 0
  grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[a-z_]+/' "$1" |
    sed -E 's|^([^:]+:[0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]+"([a-z_]+)/.*|\1:\2|'
}

offend() {
  echo "include direction: $1: $2" >&2
  status=1
}

for dir in */; do
  dir=${dir%/}
  case $dir in hook | cli | mirror) continue ;; esac
  while IFS=: read -r file line target; do
    [[ $target == hook ]] && offend "$file:$line" "only hook/, cli/ and mirror/ may include hook/"
  done < <(includes "$dir")
done

while IFS=: read -r file line target; do
  case $target in config | util) ;; *) offend "$file:$line" "config/ includes $target/ (only config/ and util/)" ;; esac
done < <(includes config)

git_to_refs=$(includes git | awk -F: '$3 == "refs"' || true)
refs_to_git=$(includes refs | awk -F: '$3 == "git"' || true)
if [[ -n $git_to_refs && -n $refs_to_git ]]; then
  while IFS=: read -r file line _; do
    offend "$file:$line" "git/ includes refs/, and refs/ includes git/: one direction only"
  done <<<"$git_to_refs"
fi

exit $status
