# Secret scanning in pre-receive: rejected pushes (plain, new branch, merge-only), clean history
# accepted, decoys accepted, bypass by humans only, skipped blobs logged, hostile regexes bounded,
# and the full secret never printed nor logged.

SECRET=sk_live_9fQ2xLm7RtV4kZp8WcN3bJ6hYs1D

expect_secret_nowhere() { # the full secret is neither in the push output nor in the ledger
  expect_output_lacks "$SECRET"
  ! grep -qF "$SECRET" "$(ledger ../server.git)" || fail "ledger contains the secret"
}

test_secret_rejected_with_location_and_ways_out() {
  make_server; make_client
  cd client; commit_file config/prod.env "STRIPE_KEY=$SECRET"
  expect_push_rejected origin main
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_output_contains "config/prod.env:1"
  expect_output_contains "sk_l…, fingerprint"
  expect_output_lacks "(36 chars)"
  expect_output_contains "git push -o custody.bypass=stripe-secret-key-live:"
  expect_output_contains "custody:allow"
  expect_output_contains "rewrite the commit"
  expect_secret_nowhere
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]]
  [[ $(ledger_field ../server.git 1 '.evidence.findings[0].rule // .findings[0].rule') == stripe-secret-key-live ]] || \
    fail "finding not in the ledger: $(tail -n 1 "$(ledger ../server.git)")"
}

test_secret_on_new_branch_rejected_then_accepted_after_rewrite() {
  make_server; make_client
  cd client; git checkout -qb feature
  commit_file app.py "stripe.api_key = '$SECRET'"
  expect_push_rejected origin feature
  expect_ref_absent ../server.git refs/heads/feature
  git reset -q --hard HEAD~1
  commit_file app.py "stripe.api_key = os.environ['STRIPE_KEY']"
  expect_push_accepted origin feature
  expect_secret_nowhere
}

test_secret_only_in_merge_commit_rejected() {
  make_server; make_client
  cd client
  git checkout -qb side; commit_file side.txt side; git checkout -q main; commit_file main.txt main
  git merge -q --no-commit side 2>/dev/null || true
  printf 'STRIPE_KEY=%s\n' "$SECRET" >merge-only.env; git add merge-only.env
  git commit -qm "Merge side"
  expect_push_rejected origin main
  expect_output_contains "merge-only.env:1"
  expect_secret_nowhere
}

test_decoys_accepted() {
  make_server; make_client
  cd client
  commit_file docs/aws.md 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE
password = "changeme"
token: ${API_TOKEN}
api_key = "<your-key>"
id = "123e4567-e89b-12d3-a456-426614174000"
commit = "da39a3ee5e6b4b0d3255bfef95601890afd80709"
"integrity": "sha512-q1G7ux/0H/TdzzSCeTqMiK8I4NVr1eA0uI8Qw5Ii8ZA3U1N9OqYmQ5J0dGZqHbb5xJW8JZ3s6uUxjR1m4lC2Q=="'
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 .decision) == accepted ]]
}

test_bypass_by_human_accepted_and_logged() {
  make_server; make_client
  git --git-dir=server.git config receive.advertisePushOptions true
  cd client; commit_file tests/fixture.env "STRIPE_KEY=$SECRET"
  expect_push_rejected origin main
  fp=$(grep -o 'custody.bypass=stripe-secret-key-live:[0-9a-f]*' <<<"$PUSH_OUT" | head -n1 | cut -d= -f2)
  [[ -n $fp ]] || fail "no fingerprint in the output"
  expect_push_accepted -o "custody.bypass=$fp" -o custody.reason=used-in-tests origin main
  [[ $(ledger_field ../server.git 1 .decision) == accepted ]]
  line=$(tail -n 1 "$(ledger ../server.git)")
  grep -qF "\"fingerprint\":\"$fp\"" <<<"$line" || fail "bypass not logged: $line"
  grep -qF '"reason":"used-in-tests"' <<<"$line" || fail "reason not logged"
  grep -qF '"by":"alice"' <<<"$line" || fail "who not logged"
  expect_secret_nowhere
}

test_bypass_by_agent_rejected() {
  make_server; make_client
  git --git-dir=server.git config receive.advertisePushOptions true
  cd client; commit_file agent.env "STRIPE_KEY=$SECRET"
  expect_push_rejected origin main
  fp=$(grep -o 'custody.bypass=stripe-secret-key-live:[0-9a-f]*' <<<"$PUSH_OUT" | head -n1 | cut -d= -f2)
  set +e
  PUSH_OUT=$(env -u CUSTODY_PUSHER REMOTE_USER=claude-agent git push -o "custody.bypass=$fp" -o custody.reason=false-positive origin main 2>&1)
  PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
  [[ $PUSH_RC -ne 0 ]] || fail "agent bypass accepted"
  expect_output_contains "agents may not bypass"
  expect_secret_nowhere
}

test_binary_and_oversize_skipped_and_logged() {
  make_server; make_client
  printf '[secrets]\nmax_blob_bytes = 1000\n' >server.git/custody.toml
  cd client
  printf '\177ELF\000\000%s\n' "STRIPE_KEY=$SECRET" >blob.bin
  head -c 5000 /dev/zero | tr '\0' 'a' >big.txt
  git add blob.bin big.txt; git commit -qm "binary and big"
  expect_push_accepted origin main
  line=$(tail -n 1 "$(ledger ../server.git)")
  grep -qF '"reason":"binary"' <<<"$line" || fail "binary skip not logged: $line"
  grep -qF '"reason":"oversize"' <<<"$line" || fail "oversize skip not logged: $line"
}

# write_zip ZIP MEMBER TEXT: a zip (a jar is one) holding MEMBER with TEXT.
write_zip() {
  python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z: z.writestr(sys.argv[2], sys.argv[3])' "$@"
}

test_secret_inside_jar_refused_with_member_path() {
  make_server; make_client
  cd client; commit_file README "app"
  expect_push_accepted origin main
  before=$(git --git-dir=../server.git rev-parse refs/heads/main)
  write_zip app.jar BOOT-INF/classes/application.properties $'server.port=8080\nstripe.key='"$SECRET"
  git add app.jar; git commit -qm "add the build"
  expect_push_rejected origin main
  expect_ref_at ../server.git refs/heads/main "$before"
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_output_contains "app.jar!BOOT-INF/classes/application.properties:2"
  [[ $(ledger_field ../server.git 1 '.findings[0].path') == "app.jar!BOOT-INF/classes/application.properties" ]] ||
    fail "member path not in the ledger: $(tail -n 1 "$(ledger ../server.git)")"
  expect_secret_nowhere
}

test_archive_nested_too_deep_recorded_or_refused() {
  make_server; make_client
  printf '[secrets]\narchive_max_depth = 1\n' >server.git/custody.toml
  cd client
  write_zip inner.zip creds.env "STRIPE_KEY=$SECRET"
  python3 -c 'import tarfile
with tarfile.open("bundle.tar.gz", "w:gz") as t: t.add("inner.zip", "lib/inner.zip")'
  rm inner.zip; git add bundle.tar.gz; git commit -qm bundle
  expect_push_accepted origin main
  line=$(tail -n 1 "$(ledger ../server.git)")
  grep -qF '"path":"bundle.tar.gz!lib/inner.zip","reason":"archive-too-deep"' <<<"$line" ||
    fail "too-deep member not logged: $line"
  # The same nesting in a new blob, with oversize = "reject": refused.
  printf '[secrets]\narchive_max_depth = 1\noversize = "reject"\n' >../server.git/custody.toml
  write_zip inner.zip creds2.env "STRIPE_KEY=$SECRET"
  python3 -c 'import tarfile
with tarfile.open("bundle.tar.gz", "w:gz") as t: t.add("inner.zip", "lib/inner.zip")'
  rm inner.zip; git add bundle.tar.gz; git commit -qm "bundle again"
  expect_push_rejected origin main
  expect_output_contains "secrets.archive-too-deep"
  expect_output_contains "archive member bundle.tar.gz!lib/inner.zip cannot be scanned for secrets (archive-too-deep) and this server refuses such archives"
}

test_binary_member_of_a_jar_refused_where_binary_blobs_are() {
  make_server; make_client
  printf '[secrets]\nbinary = "reject"\n' >server.git/custody.toml
  cd client
  python3 -c 'import zipfile
with zipfile.ZipFile("app.jar", "w") as z:
    z.writestr("com/acme/App.class", b"\xca\xfe\xba\xbe\x00\x00\x00\x34")
    z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")'
  git add app.jar; git commit -qm jar
  expect_push_rejected origin main
  expect_output_contains "secrets.archive-binary"
  expect_output_contains "archive member app.jar!com/acme/App.class cannot be scanned for secrets (archive-binary) and this server refuses such archives"
}

test_oversize_can_reject() {
  make_server; make_client
  printf '[secrets]\nmax_blob_bytes = 1000\noversize = "reject"\n' >server.git/custody.toml
  cd client; head -c 5000 /dev/zero | tr '\0' 'a' >big.txt; git add big.txt; git commit -qm big
  expect_push_rejected origin main
  expect_output_contains "secrets.oversize_blob"
}

test_catastrophic_user_regex_is_bounded_and_refused() {
  make_server; make_client
  cat >server.git/evil-rules.toml <<'TOML'
[[rule]]
id = "evil"
regex = '(a+)+$'
keywords = ["aaaa"]
TOML
  printf '[secrets]\nrules = ["builtin", "evil-rules.toml"]\n' >server.git/custody.toml
  cd client
  { head -c 20000 /dev/zero | tr '\0' 'a'; echo b; } >evil.txt
  git add evil.txt; git commit -qm evil
  start=$SECONDS
  expect_push_rejected origin main
  (( SECONDS - start < 20 )) || fail "push took $((SECONDS - start)) s"
  expect_output_contains "secrets.regex_limit"
  expect_output_contains "rule evil hit the regex engine's match limit"
  printf '[secrets]\nrules = ["builtin", "evil-rules.toml"]\non_regex_limit = "accept"\n' >../server.git/custody.toml
  expect_push_accepted origin main
  grep -qF '"reason":"regex-limit"' <<<"$(tail -n 1 "$(ledger ../server.git)")" || fail "limit not recorded"
}

# Issue 10: crafted text in front of `password = "..."` used to push the builtin rule past the
# regex limit and the push through unscanned.
test_crafted_prefix_before_password_is_refused_not_accepted() {
  make_server; make_client
  cd client
  { for _ in $(seq 1 1000); do printf 'pwd_'; done; printf ' password = "S3cr3tV4lu3xyzQ"\n'; } >app.ini
  git add app.ini; git commit -qm app
  expect_push_rejected origin main
  expect_output_contains "secrets.regex_limit"
  expect_output_contains "generic-password"
}

test_inline_marker_recorded_for_humans_refused_for_agents() {
  make_server; make_client
  cd client; commit_file tests/fixture.env "STRIPE_KEY=$SECRET # custody:allow"
  expect_push_accepted origin main
  line=$(tail -n 1 "$(ledger ../server.git)")
  grep -qF '"silenced_by_marker":[{' <<<"$line" || fail "marker bypass not recorded: $line"
  grep -qF '"rule":"stripe-secret-key-live"' <<<"$line" || fail "rule not recorded"
  grep -qF '"by":"alice"' <<<"$line" || fail "pusher not recorded"
  grep -qF '"path":"tests/fixture.env"' <<<"$line" || fail "path not recorded"
  commit_file tests/agent.env "STRIPE_KEY=sk_live_7hQ3yLn8SuW5aZq9XdP4cK7jZt2E # gitleaks:allow"
  set +e
  PUSH_OUT=$(env -u CUSTODY_PUSHER REMOTE_USER=claude-agent git push origin main 2>&1)
  PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
  [[ $PUSH_RC -ne 0 ]] || fail "an agent's marker was honoured"
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_output_lacks "custody:allow"
  grep -qF '"marker_refused":[{' <<<"$(tail -n 1 "$(ledger ../server.git)")" || fail "refused marker not recorded"
  expect_secret_nowhere
}

test_inline_markers_off_server_side() {
  make_server; make_client
  printf '[secrets]\ninline_allow = false\n' >server.git/custody.toml
  cd client; commit_file fixture.env "STRIPE_KEY=$SECRET # custody:allow"
  expect_push_rejected origin main
  expect_output_lacks "mark the line"
}

test_secret_file_by_name_refused_public_certificate_accepted() {
  make_server; make_client
  cd client
  openssl req -x509 -newkey rsa:2048 -nodes -keyout /dev/null -subj /CN=test -days 1 -out ca.pem 2>/dev/null
  git add ca.pem; git commit -qm "public CA certificate"
  expect_push_accepted origin main
  mkdir -p deploy; printf 'not even key-shaped\n' >deploy/id_ed25519
  git add deploy/id_ed25519; git commit -qm "deploy key"
  expect_push_rejected origin main
  expect_output_contains "secrets.secret-file"
  expect_output_contains "deploy/id_ed25519"
}

test_warn_tier_warns_records_and_accepts() {
  make_server; make_client
  printf '[secrets]\ntiers = { stripe-secret-key-live = "warn" }\n' >server.git/custody.toml
  cd client; commit_file config/prod.env "STRIPE_KEY=$SECRET"
  expect_push_accepted origin main
  expect_output_contains "custody: warning: possible secret (stripe-secret-key-live)"
  expect_output_contains "config/prod.env:1"
  grep -qF '"tier":"warn"' <<<"$(tail -n 1 "$(ledger ../server.git)")" || fail "warning not recorded"
  expect_secret_nowhere
}

test_update_hook_alone_warns_that_rejected_objects_stay() {
  make_server server.git --hook update; make_client
  cd client; commit_file config/prod.env "STRIPE_KEY=$SECRET"
  expect_push_rejected origin main
  expect_output_contains "remote: custody: warning: secret scanning runs in the update hook"
  expect_output_contains "Install custody's pre-receive hook"
  expect_secret_nowhere
}
