# The HTML report opens in a real browser (headless Chromium): it renders, its script runs
# without console errors, and its figures are the JSON report's.

probe() {
  command -v chromium >/dev/null || { echo "chromium is not installed (install/deps.sh installs it)"; return 1; }
}

browser_dom() { # FILE: the DOM after scripts ran; console messages go to $PWD/console.log
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$(mktemp -d)" --enable-logging=stderr --v=0 \
    --window-size=1400,900 --virtual-time-budget=2000 "${@:2}" --dump-dom "file://$1" 2>console.log
}

figure() { # ID: the number shown in <dd id="fig-ID">
  grep -o "id=\"fig-$1\">[^<]*<" dom.html | sed 's/.*>\(.*\)</\1/'
}

test_html_report_renders_and_matches_json() {
  make_server; make_client
  cd client
  for i in 1 2 3; do commit_file "f$i.txt" "$i"; git push -q origin main; done
  git checkout -q -b topic; commit_file t.txt t; git push -q origin topic
  git checkout -q main; git reset -q --hard HEAD~2; push --force origin main   # rejected: force push
  push origin --delete main                              # rejected: deletion
  cd ..
  "$CUSTODY_BIN" log report --repo server.git --format html >report.html
  "$CUSTODY_BIN" log report --repo server.git --format json >report.json
  browser_dom "$PWD/report.html" >dom.html
  grep -q 'data-ready="yes"' dom.html || fail "the report's script did not run"
  grep -q 'data-overflow="no"' dom.html || fail "the report overflows 1400 px horizontally"
  grep -q 'id="control-CC8.1"' dom.html || fail "no summary for CC8.1"
  [[ $(grep -o '<article class="card' dom.html | wc -l) == 7 ]] || fail "expected one card per decision"
  ! grep -iE 'Uncaught|console\(|SyntaxError|ReferenceError|TypeError' console.log || fail "console errors"
  for pair in pushes:pushes decisions:decisions accepted:accepted rejected:rejected bypasses:bypasses \
      agent-decisions:agent_decisions protected-commits:protected_commits ai-protected:ai_commits_protected; do
    id=${pair%%:*} key=${pair#*:}
    want=$(jq -r ".summary.totals.$key" report.json)
    got=$(figure "$id")
    [[ $got == "$want" ]] || fail "figure $id shows '$got', the JSON report says '$want'"
  done
  [[ $(figure decisions) == 7 ]] || fail "expected 7 decisions"
  [[ $(figure rejected) == 2 ]] || fail "expected 2 rejections"
  rows=$(grep -o '<span id="row-count">[0-9]*' dom.html | grep -o '[0-9]*$')
  [[ $rows == "$(jq '.rows | length' report.json)" ]] || fail "row count $rows differs from the JSON report"
  grep -q '<g class="bar" data-period="[0-9-]*" data-accepted="5" data-rejected="2">' dom.html || fail "chart bar"
  chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$(mktemp -d)" \
    --print-to-pdf="$PWD/report.pdf" --no-pdf-header-footer "file://$PWD/report.html" 2>/dev/null
  head -c 5 report.pdf | grep >/dev/null '%PDF-' || fail "the report does not print to PDF"
  grep -aq 'MediaBox \[0 0 59[45]' report.pdf || fail "the printed report is not A4"
}
