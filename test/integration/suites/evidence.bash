# custody evidence over a synthetic estate of real repositories with real pushes: the bundle's
# figures match its JSON, the sample is reproducible from its seed, the MANIFEST verifies and a
# tampered file fails it, a tampered ledger shows in the verify section, and index.html renders
# in headless Chromium at 1400 px without console errors or horizontal overflow, and prints to
# an A4 PDF.

probe() {
  command -v chromium >/dev/null || { echo "chromium is not installed (install/deps.sh installs it)"; return 1; }
}

browser() { # FILE ARGS...: headless Chromium at 1400 px; console messages go to $PWD/console.log
  local file=$1; shift
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" --enable-logging=stderr --v=0 \
    --window-size=1400,900 --virtual-time-budget=2000 "$@" "file://$file" 2>console.log
}

figure() { # ID: the number shown in <dd id="fig-ID"> of dom.html
  grep -o "id=\"fig-$1\">[^<]*<" dom.html | head -1 | sed 's/.*>\(.*\)</\1/'
}

# An estate: two guarded repositories under repos/ with accepted and refused pushes, and one
# repository without custody.
make_estate() {
  mkdir -p repos/team
  make_server repos/team/app.git; make_server repos/lib.git
  git init -q --bare repos/unguarded.git
  make_client repos/team/app.git app; make_client repos/lib.git lib
  (cd app && for i in 1 2 3; do commit_file "f$i" "$i"; git push -q origin main; done
   git reset -q --hard HEAD~1; push --force origin main)              # refused: force push
  (cd lib && commit_file a a "feat: a

AI-Generated: claude-code
Reviewed-By: Rita Reviewer <rita@example.com>
Review-Date: 2026-01-02" && git push -q origin main; push origin --delete main)  # refused: deletion
}

test_evidence_bundle_matches_its_json_and_verifies() {
  make_estate
  "$CUSTODY_BIN" evidence --root repos --from 2026-01-01 --to 2099-12-31 --out q --seed 7 --n 3 >out.txt
  [[ -f q.tar.gz ]] || fail "no archive"
  tar -tzf q.tar.gz | grep -x >/dev/null 'q/index.html' || fail "index.html not in the archive"
  jq -e '.ok == true and (.ledgers | length) == 3' q/verify.json >/dev/null || fail "verify.json: $(cat q/verify.json)"
  jq -e '.ledgers[] | select(.repository == "unguarded.git") | .present == false' q/verify.json >/dev/null \
    || fail "the unguarded repository is not listed as having no ledger"
  "$CUSTODY_BIN" evidence verify q >verify.txt || fail "a fresh bundle does not verify"
  grep -q '^bundle OK: [0-9]* files match MANIFEST' verify.txt || fail "$(cat verify.txt)"
  (cd q && sha256sum -c --quiet MANIFEST) || fail "MANIFEST is not sha256sum-compatible"

  browser "$PWD/q/index.html" --dump-dom >dom.html
  grep -q 'data-ready="yes"' dom.html || fail "the page's script did not run"
  grep -q 'data-overflow="no"' dom.html || fail "index.html overflows 1400 px horizontally"
  ! grep -iE 'Uncaught|SyntaxError|ReferenceError|TypeError|Refused to' console.log || fail "console errors"
  for pair in decisions:decisions rejected:rejected pushes:pushes protected-commits:protected_commits \
      protected-reviewed:protected_commits_reviewed ai-protected:ai_commits_protected findings:findings \
      bypassed:bypassed_decisions; do
    id=${pair%%:*} key=${pair#*:}
    want=$(jq -r ".estate.totals.$key" q/summary.json)
    got=$(figure "$id")
    [[ $got == "$want" ]] || fail "figure $id shows '$got', summary.json says '$want'"
  done
  [[ $(figure rejected) == 2 ]] || fail "expected 2 refusals, index.html shows $(figure rejected)"
  [[ $(jq -r '.estate.totals.rejections_by_rule["refs.force_push"]' q/summary.json) == 1 ]] || fail "force push not counted"
  browser "$PWD/q/index.html" --print-to-pdf="$PWD/q.pdf" --no-pdf-header-footer >/dev/null
  head -c 5 q.pdf | grep >/dev/null '%PDF-' || fail "no PDF printed"
  grep -aq 'MediaBox \[0 0 59[45]' q.pdf || fail "the PDF is not A4"

  # The same seed gives the same sample; another seed, over the same estate, is still valid.
  "$CUSTODY_BIN" evidence --root repos --from 2026-01-01 --to 2099-12-31 --out q2 --seed 7 --n 3 >/dev/null
  for c in CC8.1 CC6.1 CC6.6; do
    diff <(jq -c '[.items[] | [.repository, .seq, .hash, .key]]' q/samples/$c.json) \
         <(jq -c '[.items[] | [.repository, .seq, .hash, .key]]' q2/samples/$c.json) || fail "sample $c differs"
  done
  grep -q 'SplitMix64' q/samples/METHOD.txt || fail "the method is not written down"

  # A tampered bundle file fails verify, naming it.
  sed -i 's/rejected/accepted/' q/decisions.csv
  if "$CUSTODY_BIN" evidence verify q 2>err.txt; then fail "a tampered bundle verified"; fi
  grep -q 'decisions.csv: SHA-256 is' err.txt || fail "verify does not name the file: $(cat err.txt)"
}

test_a_tampered_ledger_shows_in_the_bundle() {
  make_estate
  sed -i '2s/"alice"/"mallory"/' repos/lib.git/custody/ledger.jsonl
  "$CUSTODY_BIN" evidence --root repos --from 2026-01-01 --to 2099-12-31 --out t >/dev/null 2>err.txt
  grep -q 'warning: 1 ledger is damaged' err.txt || fail "no warning: $(cat err.txt)"
  jq -e '.ok == false and ([.ledgers[] | select(.ok == false) | .repository] == ["lib.git"])' t/verify.json >/dev/null \
    || fail "verify.json does not single out lib.git: $(cat t/verify.json)"
  grep -q 'lib.git</td><td><span class="bad">DAMAGED: ledger.jsonl:2' t/index.html || fail "index.html does not show the damage"
}

test_reconstruction_is_marked_as_not_enforced() {
  make_estate
  "$CUSTODY_BIN" evidence --root repos --from 2026-01-01 --to 2099-12-31 --out r --reconstruct >/dev/null
  jq -e '.reconstructed == true' r/reconstruction.json >/dev/null || fail "no reconstruction"
  jq -e '.repositories[] | select(.repository == "lib.git") | .ai_assisted == 1 and .ai_assisted_with_reviewer == 1' \
    r/reconstruction.json >/dev/null || fail "lib.git's AI-assisted reviewed commit is not reconstructed: $(cat r/reconstruction.json)"
  grep -q 'Reconstructed from history (not enforced at the time)' r/index.html || fail "not marked as reconstructed"
}
