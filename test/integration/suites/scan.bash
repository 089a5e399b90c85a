# `custody scan`: history scanning for audits. A secret buried deep in history and later removed
# is found by --all; ranges scan only what they introduce; json and sarif parse and carry their
# fields; a clean repository exits 0; the full secret appears in no output.

SECRET=sk_live_9fQ2xLm7RtV4kZp8WcN3bJ6hYs1D
GH_TOKEN_DECOY='token: ${GITHUB_TOKEN}'

probe() { command -v jq >/dev/null || { echo "jq is not installed"; return 1; }; }

# scan ARGS...: runs custody scan, keeping stdout in $SCAN_OUT, stderr in $SCAN_ERR, status in $SCAN_RC.
scan() {
  set +e
  SCAN_OUT=$("$CUSTODY_BIN" scan "$@" 2>scan.err)
  SCAN_RC=$?
  SCAN_ERR=$(cat scan.err)
  set -e
  printf '%s\n' "$SCAN_OUT" | sed 's/^/  out> /' | head -60
  printf '%s\n' "$SCAN_ERR" | sed 's/^/  err> /'
}

expect_scan_rc() { [[ $SCAN_RC -eq $1 ]] || fail "custody scan exited $SCAN_RC, expected $1"; }
expect_secret_in_no_output() {
  ! grep -qF "$SECRET" <<<"$SCAN_OUT$SCAN_ERR" || fail "the full secret is in the output"
}

# A repository whose 3rd of 40 commits adds the secret and whose 10th removes it.
make_history() {
  git init -q repo; cd repo
  for i in $(seq 1 40); do
    mkdir -p src/mod$((i % 5))
    printf 'def f%d():\n    return %d\n' "$i" "$i" >"src/mod$((i % 5))/f$i.py"
    if ((i == 3)); then mkdir -p config; printf 'STRIPE_KEY=%s\n' "$SECRET" >config/prod.env; fi
    if ((i == 10)); then git rm -q config/prod.env; fi
    printf '%s\n' "$GH_TOKEN_DECOY" >ci.yml
    git add -A; git commit -qm "commit $i"
  done
  cd ..
}

test_all_finds_a_removed_secret_deep_in_history() {
  make_history
  scan --repo repo --all
  expect_scan_rc 1
  grep -q '^config/prod.env:1:12: stripe-secret-key-live: ' <<<"$SCAN_OUT" || fail "no text finding"
  [[ $(grep -c . <<<"$SCAN_OUT") -eq 1 ]] || fail "expected exactly one finding line"
  grep -qF "sk_l… (fingerprint" <<<"$SCAN_OUT" || fail "no redacted form (prefix, no length)"
  commit=$(git -C repo rev-list --reverse HEAD | sed -n 3p)
  grep -qF "commit ${commit:0:12}" <<<"$SCAN_OUT" || fail "not attributed to the commit that added it"
  expect_secret_in_no_output
}

test_all_from_the_working_directory_and_other_refs() {
  git init -q repo; cd repo
  commit_file README "hello"
  git checkout -qb stash-branch; commit_file old/creds.txt "STRIPE_KEY=$SECRET"
  git checkout -q main; git tag -a v1 -m v1 stash-branch; git branch -qD stash-branch
  scan --all
  expect_scan_rc 1
  grep -q '^old/creds.txt:1:' <<<"$SCAN_OUT" || fail "secret reachable only from a tag not found"
  scan # HEAD's history: main does not hold it
  expect_scan_rc 0
  git checkout -q --detach main; commit_file detached.env "# detached
STRIPE_KEY=$SECRET"
  scan --all # a detached HEAD's commits count, as in git log --all
  grep -q '^detached.env:2:' <<<"$SCAN_OUT" || fail "detached HEAD's history not scanned"
  expect_secret_in_no_output
}

test_json_has_the_fields() {
  make_history
  scan --repo repo --all --format json
  expect_scan_rc 1
  jq -e 'type == "array" and length == 1' <<<"$SCAN_OUT" >/dev/null || fail "not an array of one finding"
  jq -e '.[0] | .rule == "stripe-secret-key-live" and .path == "config/prod.env" and .line == 1
         and (.commit | test("^[0-9a-f]{40}$")) and (.fingerprint | startswith("stripe-secret-key-live:"))
         and .redacted == "sk_l…" and .tier == "block"' <<<"$SCAN_OUT" >/dev/null || fail "fields missing or wrong"
  expect_secret_in_no_output
}

test_sarif_is_2_1_0_with_locations_and_fingerprints() {
  make_history
  scan --repo repo --all --format sarif
  expect_scan_rc 1
  jq -e '.version == "2.1.0" and (."$schema" | test("sarif")) and (.runs | length == 1)' <<<"$SCAN_OUT" >/dev/null ||
    fail "not SARIF 2.1.0"
  jq -e '.runs[0].tool.driver.name == "custody" and (.runs[0].tool.driver.rules[0].id == "stripe-secret-key-live")' \
    <<<"$SCAN_OUT" >/dev/null || fail "no driver/rules"
  jq -e '.runs[0].results[0] | .ruleId == "stripe-secret-key-live" and .ruleIndex == 0
         and .locations[0].physicalLocation.artifactLocation.uri == "config/prod.env"
         and .locations[0].physicalLocation.region.startLine == 1
         and (.partialFingerprints | to_entries[0].value | startswith("stripe-secret-key-live:"))
         and (.message.text | length > 0)' <<<"$SCAN_OUT" >/dev/null || fail "result fields missing"
  expect_secret_in_no_output
}

test_ranges_scan_what_they_introduce() {
  make_history
  third=$(git -C repo rev-list --reverse HEAD | sed -n 3p)
  scan --repo repo "$third..HEAD" # the secret came in before the range
  expect_scan_rc 0
  scan --repo repo "$third~1..$third"
  expect_scan_rc 1
  grep -q '^config/prod.env:1:' <<<"$SCAN_OUT" || fail "range missed the secret"
  scan --repo repo "$third" # a single revision: its whole history
  expect_scan_rc 1
  scan --repo repo HEAD~5 --format json
  expect_scan_rc 1
  expect_secret_in_no_output
}

test_clean_repository_exits_0() {
  git init -q repo; cd repo
  commit_file docs/aws.md 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE
password = "changeme"
token: ${API_TOKEN}
id = "123e4567-e89b-12d3-a456-426614174000"'
  printf '\0\0\0STRIPE_KEY=%s' "$SECRET" >blob.bin
  git add blob.bin; git commit -qm binary
  cd ..
  for f in text json sarif; do
    scan --repo repo --all --format "$f"
    expect_scan_rc 0
  done
  jq -e '.runs[0].results == []' <<<"$SCAN_OUT" >/dev/null || fail "sarif results not empty"
  scan --repo repo --all --format json
  [[ $(jq length <<<"$SCAN_OUT") -eq 0 ]] || fail "json not empty"
  grep -q '1 binary' <<<"$SCAN_ERR" || fail "binary blob not counted as skipped"
}

test_errors_exit_2_and_usage_129() {
  git init -q repo; cd repo; commit_file a "a"; cd ..
  scan --repo repo no-such-rev
  expect_scan_rc 2
  grep -qF 'unknown revision "no-such-rev"' <<<"$SCAN_ERR" || fail "no error message"
  scan --repo does-not-exist --all
  expect_scan_rc 2
  scan --repo repo --format xml
  expect_scan_rc 129
  scan --repo repo --all HEAD
  expect_scan_rc 129
  scan --help
  expect_scan_rc 0
  grep -q 'usage: custody scan' <<<"$SCAN_OUT" || fail "no help"
}

test_baseline_out_then_baseline_accepts_todays_findings_only() {
  make_history
  scan --repo repo --all --baseline-out baseline.txt
  expect_scan_rc 1
  [[ $(stat -c %a baseline.txt) == 600 ]] || fail "baseline not 0600"
  grep -q '^stripe-secret-key-live:[0-9a-f]\{20\}  config/prod.env  [0-9a-f]\{40\}$' baseline.txt ||
    fail "baseline line: $(cat baseline.txt)"
  ! grep -qF "$SECRET" baseline.txt || fail "the secret is in the baseline"
  scan --repo repo --all --baseline baseline.txt
  expect_scan_rc 0
  # A new secret after the baseline is still found.
  (cd repo && commit_file new.env "STRIPE_KEY=sk_live_7hQ3yLn8SuW5aZq9XdP4cK7jZt2E")
  scan --repo repo --all --baseline baseline.txt
  expect_scan_rc 1
  grep -q '^new.env:1:' <<<"$SCAN_OUT" || fail "new secret hidden by the baseline"
  # The same baseline, as [secrets].baseline (relative to the config file).
  cp baseline.txt repo/.git/secrets-baseline.txt
  printf '[secrets]\nbaseline = "secrets-baseline.txt"\n' >repo/.git/custody.toml
  scan --repo repo --all
  expect_scan_rc 1
  [[ $(grep -c . <<<"$SCAN_OUT") -eq 1 ]] || fail "baseline from the config not applied"
}

test_gitleaksignore_both_forms() {
  make_history
  commit=$(git -C repo rev-list --reverse HEAD | sed -n 3p)
  printf '%s:config/prod.env:stripe-secret-key-live:1\n' "$commit" >repo/.gitleaksignore
  scan --repo repo --all
  expect_scan_rc 0
  grep -qF "1 in .gitleaksignore" <<<"$SCAN_ERR" || fail "ignored finding not counted"
  printf 'config/prod.env:stripe-secret-key-live:1\n' >other-ignore
  rm repo/.gitleaksignore
  scan --repo repo --all --gitleaks-ignore-path other-ignore
  expect_scan_rc 0
  printf 'config/prod.env:stripe-secret-key-live:2\n' >other-ignore
  scan --repo repo --all --gitleaks-ignore-path other-ignore
  expect_scan_rc 1
}

test_fingerprints_keyed_per_installation() {
  make_history
  scan --repo repo --all --format json
  fp1=$(jq -r '.[0].fingerprint' <<<"$SCAN_OUT")
  [[ $(stat -c %a repo/.git/custody/fingerprint.key) == 600 ]] || fail "key not 0600"
  plain=$(printf '%s' "$SECRET" | sha256sum | cut -c1-20)
  [[ $fp1 != "stripe-secret-key-live:$plain" ]] || fail "fingerprint is the unkeyed hash"
  scan --repo repo --all --format json
  [[ $(jq -r '.[0].fingerprint' <<<"$SCAN_OUT") == "$fp1" ]] || fail "fingerprint not stable"
  rm repo/.git/custody/fingerprint.key
  scan --repo repo --all --format json
  [[ $(jq -r '.[0].fingerprint' <<<"$SCAN_OUT") != "$fp1" ]] || fail "a new key gave the same fingerprint"
}

test_all_streams_and_finds_encoded_indented_and_secret_files() {
  git init -q repo; cd repo
  printf 'data:\n  token: %s\n' "$(printf 'STRIPE_KEY=%s' "$SECRET" | base64 -w0)" >secret.yaml
  ssh-keygen -q -t ed25519 -N '' -f id_ed25519 >/dev/null
  { printf 'tls.key: |\n'; sed 's/^/  /' id_ed25519; } >tls.yaml
  git add -A; git commit -qm keys; cd ..
  scan --repo repo --all --format json
  expect_scan_rc 1
  jq -e 'any(.[]; .path == "secret.yaml" and .decoded == "base64" and .line == 2)' <<<"$SCAN_OUT" >/dev/null ||
    fail "base64-encoded secret not found at its encoded location"
  jq -e 'any(.[]; .path == "id_ed25519" and .rule == "secret-file")' <<<"$SCAN_OUT" >/dev/null ||
    fail "private key file not reported by name"
  jq -e 'any(.[]; .path == "tls.yaml" and .decoded == "indented")' <<<"$SCAN_OUT" >/dev/null ||
    fail "indented private key not found"
  expect_secret_in_no_output
}

test_all_reports_secrets_inside_nested_archives_and_unscanned_members() {
  git init -q repo; cd repo
  python3 -c 'import io, tarfile, zipfile, sys
inner = io.BytesIO()
with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z: z.writestr("creds.env", "x=1\nSTRIPE_KEY=" + sys.argv[1] + "\n")
with tarfile.open("bundle.tar.gz", "w:gz") as t:
    info = tarfile.TarInfo("lib/inner.zip"); info.size = len(inner.getvalue())
    t.addfile(info, io.BytesIO(inner.getvalue()))
with zipfile.ZipFile("locked.zip", "w") as z: z.writestr("a.txt", "hello")
data = bytearray(open("locked.zip", "rb").read()); data[6] |= 1  # the encryption flag
open("locked.zip", "wb").write(bytes(data))' "$SECRET"
  git add -A; git commit -qm archives
  scan --all --format json
  expect_scan_rc 1
  [[ $(jq -r '.[0].path' <<<"$SCAN_OUT") == "bundle.tar.gz!lib/inner.zip!creds.env" ]] || fail "member path"
  [[ $(jq -r '.[0].line' <<<"$SCAN_OUT") == 2 ]] || fail "member line"
  grep -qF "locked.zip!a.txt not scanned (archive-encrypted" <<<"$SCAN_ERR" || fail "encrypted member not reported"
  grep -qF "; 1 archive member(s) not scanned" <<<"$SCAN_ERR" || fail "summary lacks the unscanned member"
  expect_secret_in_no_output
}
