# Issue 10, "Secrets: no silent ways out", through real pushes: secrets in commit messages, tag
# messages and file names are refused and never reach the ledger or the pusher in full (trailer
# values included); an agent's inline marker is never honoured, in a file or a message;
# fingerprints are keyed per installation and bypass by fingerprint still works; a crafted
# regex-limit prefix refuses the push with a reason. Every test that pushes a secret greps the
# ledger and the output for it.

SECRET=sk_live_9fQ2xLm7RtV4kZp8WcN3bJ6hYs1D
SECOND=sk_live_7hQ3yLn8SuW5aZq9XdP4cK7jZt2E

# expect_nowhere SECRET...: not in the push output, not in the server's ledger.
expect_nowhere() {
  local s
  for s in "$@"; do
    expect_output_lacks "$s"
    if grep -F -- "$s" "$(ledger ../server.git)" >/dev/null; then fail "ledger holds $s"; fi
  done
}

# push_as_agent ARGS...: git push as the account claude-agent (an agent by the default patterns).
push_as_agent() {
  set +e
  PUSH_OUT=$(env -u CUSTODY_PUSHER REMOTE_USER=claude-agent git push "$@" 2>&1)
  PUSH_RC=$?
  set -e
  printf '%s\n' "$PUSH_OUT" | sed 's/^/  push> /'
}

main_before() { git --git-dir=../server.git rev-parse refs/heads/main; }

test_secret_in_commit_subject_and_trailer_refused_and_redacted() {
  make_server; make_client
  cd client; before=$(main_before)
  git commit -q --allow-empty --no-verify \
    -m "deploy with $SECRET" -m "AI-Generated: $SECOND"$'\n'"Reviewed-By: $SECOND <a@b.c>"
  expect_push_rejected origin main
  expect_ref_at ../server.git refs/heads/main "$before"
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_output_contains "(commit message)"
  [[ $(ledger_field ../server.git 1 '[.findings[] | select(.path == "(commit message)")] | length') == 3 ]] ||
    fail "message findings not recorded: $(tail -n 1 "$(ledger ../server.git)")"
  # The trailer check quotes the subject and records trailer values: both redacted.
  expect_output_contains '"deploy with sk_l…"'
  [[ $(ledger_field ../server.git 1 '.commits[0].ai_tool') == "sk_l…" ]]
  [[ $(ledger_field ../server.git 1 '.commits[0].reviewers[0].name') == "sk_l…" ]]
  expect_nowhere "$SECRET" "$SECOND"
}

test_secret_in_annotated_tag_message_refused() {
  make_server; make_client
  cd client; git tag -a v1.0 -m "release notes; temporary key $SECRET"
  expect_push_rejected origin v1.0
  expect_ref_absent ../server.git refs/tags/v1.0
  expect_output_contains "(tag message)"
  [[ $(ledger_field ../server.git 1 '.findings[0].path') == "(tag message)" ]]
  expect_nowhere "$SECRET"
  # A tag of a tag: the inner message is scanned too.
  git tag -d v1.0 >/dev/null; git tag -a inner -m "key $SECOND"; git tag -a outer -m clean inner
  expect_push_rejected origin outer
  expect_ref_absent ../server.git refs/tags/outer
  expect_nowhere "$SECOND"
}

test_secret_in_file_name_refused_even_for_an_old_blob() {
  make_server; make_client
  cd client; commit_file notes.txt "nothing secret"
  expect_push_accepted origin main
  before=$(main_before)
  # The blob is already on the server: only the new name carries the secret.
  git mv notes.txt "$SECRET.txt"; git commit -qm "rename"
  expect_push_rejected origin main
  expect_ref_at ../server.git refs/heads/main "$before"
  expect_output_contains "secrets.stripe-secret-key-live"
  expect_output_contains "sk_l….txt"
  [[ $(ledger_field ../server.git 1 '.findings[0].path') == "sk_l….txt" ]]
  expect_nowhere "$SECRET"
}

test_agent_marker_in_file_or_message_not_honoured_and_recorded() {
  make_server; make_client
  cd client; before=$(main_before)
  commit_file tests/fixture.env "STRIPE_KEY=$SECRET # gitleaks:allow"
  git commit -q --allow-empty -m "rotate $SECOND custody:allow"
  push_as_agent origin main
  [[ $PUSH_RC -ne 0 ]] || fail "an agent's marker was honoured"
  expect_ref_at ../server.git refs/heads/main "$before"
  expect_output_lacks "custody:allow"
  expect_output_lacks "gitleaks:allow"
  expect_output_lacks "mark the line"
  [[ $(ledger_field ../server.git 1 '.marker_refused | length') == 2 ]] ||
    fail "refused markers not recorded: $(tail -n 1 "$(ledger ../server.git)")"
  [[ $(ledger_field ../server.git 1 '[.marker_refused[].path] | sort | join(",")') == "(commit message),tests/fixture.env" ]]
  expect_nowhere "$SECRET" "$SECOND"
  # The same content from a human is accepted, and every silenced finding is on record.
  expect_push_accepted origin main
  [[ $(ledger_field ../server.git 1 '.silenced_by_marker | length') == 2 ]]
  [[ $(ledger_field ../server.git 1 '.silenced_by_marker[0].by') == alice ]]
  [[ $(ledger_field ../server.git 1 '.silenced_by_marker[0].fingerprint') == stripe-secret-key-live:* ]]
  [[ $(ledger_field ../server.git 1 '.silenced_by_marker[0].commit') =~ ^[0-9a-f]{40}$ ]]
  expect_nowhere "$SECRET" "$SECOND"
}

test_markers_off_refuses_a_human_and_never_suggests_one() {
  make_server; make_client
  printf '[secrets]\ninline_allow = false\n' >server.git/custody.toml
  cd client; before=$(main_before)
  commit_file fixture.env "STRIPE_KEY=$SECRET # custody:allow"
  expect_push_rejected origin main
  expect_ref_at ../server.git refs/heads/main "$before"
  expect_output_lacks "mark the line"
  [[ $(ledger_field ../server.git 1 '.silenced_by_marker // [] | length') == 0 ]]
  expect_nowhere "$SECRET"
}

test_fingerprints_keyed_per_installation_short_prefix_bypass_works() {
  make_server server.git; make_server other.git
  git --git-dir=server.git config receive.advertisePushOptions true
  [[ $(stat -c %a server.git/custody/fingerprint.key 2>/dev/null || echo none) == none ]] # made on first use
  make_client; cd client
  git remote add other ../other.git
  commit_file config/prod.env "STRIPE_KEY=$SECRET"
  expect_push_rejected origin main
  fp=$(grep -o 'custody.bypass=stripe-secret-key-live:[0-9a-f]*' <<<"$PUSH_OUT" | head -n1 | cut -d= -f2)
  [[ $(stat -c %a ../server.git/custody/fingerprint.key) == 600 ]]
  key=$(cat ../server.git/custody/fingerprint.key)
  hmac=$(printf '%s' "$SECRET" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" | awk '{print $NF}')
  [[ $fp == "stripe-secret-key-live:${hmac:0:20}" ]] || fail "fingerprint $fp is not the keyed HMAC"
  plain=$(printf '%s' "$SECRET" | sha256sum | cut -c1-20)
  [[ $fp != *"$plain"* ]] || fail "fingerprint is the unkeyed SHA-256"
  [[ $(ledger_field ../server.git 1 '.findings[0].redacted') == "sk_l…" ]]
  expect_output_lacks "sk_li"
  expect_output_lacks "chars)"
  expect_nowhere "$SECRET"
  # Another installation: another key, another fingerprint for the same secret.
  push other main
  fp_other=$(grep -o 'custody.bypass=stripe-secret-key-live:[0-9a-f]*' <<<"$PUSH_OUT" | head -n1 | cut -d= -f2)
  [[ -n $fp_other && $fp_other != "$fp" ]] || fail "fingerprints not keyed per installation"
  # The keyed fingerprint still bypasses (humans only, with a reason).
  expect_push_accepted -o "custody.bypass=$fp" -o custody.reason=used-in-tests origin main
  [[ $(ledger_field ../server.git 1 '.bypasses[0].fingerprint') == "$fp" ]]
  expect_nowhere "$SECRET"
}

# Issue 10: a few KB of crafted text push the builtin generic-password rule past PCRE2's match
# limit; the blob is then not fully scanned, which refuses the push (never a silent accept).
test_crafted_regex_limit_prefix_refused_with_reason() {
  make_server; make_client
  cd client; before=$(main_before)
  { for _ in $(seq 1 1000); do printf 'pwd_'; done; printf ' password = "S3cr3tV4lu3xyzQ"\n'; } >app.ini
  git add app.ini; git commit -qm app
  expect_push_rejected origin main
  expect_ref_at ../server.git refs/heads/main "$before"
  expect_output_contains "secrets.regex_limit"
  expect_output_contains "generic-password"
  expect_output_contains "not fully scanned"
  [[ $(ledger_field ../server.git 1 .decision) == rejected ]]
  [[ $(ledger_field ../server.git 1 '.violations[0].rule') == secrets.regex_limit ]]
  [[ $(ledger_field ../server.git 1 '.secrets_limited_rules[0].rule') == generic-password ]]
  expect_nowhere "S3cr3tV4lu3xyzQ"
}
