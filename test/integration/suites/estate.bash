# Shipping ledgers off the box with real rsyslog (docs/estate.md): a sender (imfile + omrelp with
# a disk-assisted queue, as `custody install --rsyslog` writes it) and a collector (imrelp,
# mmjsonparse, per-node per-repository files) on 127.0.0.1; 32 concurrent pushes over 8
# repositories while the collector is killed with SIGKILL and restarted; then the collected copy
# holds every record exactly once and verifies, and a deleted server ledger is detected.

probe() {
  command -v rsyslogd >/dev/null || { echo "rsyslogd not installed (install/deps.sh)"; return 1; }
  [[ -e /usr/lib/x86_64-linux-gnu/rsyslog/omrelp.so || -n $(find /usr/lib -name omrelp.so 2>/dev/null | head -1) ]] ||
    { echo "rsyslog-relp not installed"; return 1; }
}

start_collector() {
  rsyslogd -n -f "$PWD/collector.conf" -i "$PWD/collector.pid" >>collector.out 2>&1 &
  echo $! >collector.pid.bg
  wait_for_port "$COLLECTOR_PORT" 15
}

write_collector_conf() {
  mkdir -p collector.work received
  cat >collector.conf <<CONF
global(workDirectory="$PWD/collector.work" maxMessageSize="1m")
module(load="imrelp")
module(load="mmjsonparse")
template(name="custody_file" type="string"
         string="$PWD/received/%\$!node:::secpath-replace%/%\$!repo_id:::secpath-replace%.jsonl")
template(name="custody_unparsed" type="string" string="$PWD/received/unparsed/%HOSTNAME%.log")
template(name="custody_record" type="string" string="%msg%\n")
input(type="imrelp" address="127.0.0.1" port="$COLLECTOR_PORT" ruleset="custody_collect")
ruleset(name="custody_collect") {
  action(type="mmjsonparse" cookie="")
  if \$parsesuccess == "OK" and \$!node != "" then
    action(type="omfile" dynaFile="custody_file" template="custody_record" flushOnTXEnd="on")
  else
    action(type="omfile" dynaFile="custody_unparsed" template="custody_record")
  stop
}
CONF
}

# setup_estate N: N repositories with custody under repos/group (node "node-a"), each with a
# client that made its first push; the sender's configuration from `custody install --rsyslog`
# and the collector's. Neither rsyslogd runs yet.
setup_estate() {
  COLLECTOR_PORT=$(free_port)
  trap 'stop_pidfile "$PWD/sender.pid.bg"; stop_pidfile "$PWD/collector.pid.bg"' EXIT # also on failure
  printf '[ledger]\nnode = "node-a"\nrepository_root = "%s/repos"\n' "$PWD" >custody.toml
  export CUSTODY_CONFIG=$PWD/custody.toml
  mkdir -p repos sender.work sender.d
  for r in $(seq 1 "$1"); do
    make_server "repos/group/app$r.git"
    make_client "repos/group/app$r.git" "client$r"
  done
  "$CUSTODY_BIN" install --rsyslog "127.0.0.1:$COLLECTOR_PORT" --rsyslog-conf "$PWD/sender.d/custody.conf" \
    --ledger-glob "$PWD/repos/group/*/custody/ledger*.jsonl"
  grep -F 'queue.saveOnShutdown="on"' sender.d/custody.conf >/dev/null || fail "no disk-assisted queue"
  printf 'global(workDirectory="%s/sender.work")\ninclude(file="%s/sender.d/custody.conf")\n' "$PWD" "$PWD" >sender.conf
  write_collector_conf
}

start_sender() {
  rsyslogd -n -f "$PWD/sender.conf" -i "$PWD/sender.pid" >>sender.out 2>&1 &
  echo $! >sender.pid.bg
}

# import_until N: imports what the collector received until the copy holds N records (30 s).
import_until() {
  for _ in $(seq 1 300); do
    "$CUSTODY_BIN" log import --from received --out collected >import.out
    [[ $(collected_records | wc -l) -ge $1 ]] && return 0
    sleep 0.1
  done
}

# The records of every server ledger, one per line, sorted.
server_records() { cat repos/group/*/custody/ledger*.jsonl | sort; }
collected_records() { cat collected/*/chain.*.jsonl 2>/dev/null | sort; }

test_32_pushes_through_rsyslog_with_the_collector_killed_arrive_exactly_once() {
  setup_estate 8
  start_collector
  start_sender

  # 32 concurrent pushes (4 branches in each of the 8 repositories); the collector is killed
  # with SIGKILL while they run, and restarted.
  for r in $(seq 1 8); do
    for b in 1 2 3 4; do
      (cd "client$r" && git branch "b$b" && git push -q origin "b$b" 2>"../push$r-$b.err") &
    done
  done
  sleep 0.3
  kill -9 "$(cat collector.pid.bg)"
  wait "$(cat collector.pid.bg)" 2>/dev/null || true
  wait_all=$(jobs -p | grep -v "$(cat sender.pid.bg)" || true)
  for p in $wait_all; do wait "$p"; done
  sleep 1
  rm -f collector.pid
  start_collector

  total=$(server_records | wc -l)
  [[ $total -eq 40 ]] || fail "expected 40 server records (8 first pushes + 32), found $total"
  import_until "$total"
  cat import.out; find received -type f | sort
  diff <(server_records) <(collected_records) || fail "the collected copy differs from the servers' ledgers"
  [[ $(collected_records | uniq -d | wc -l) -eq 0 ]] || fail "a record was collected twice"
  out=$("$CUSTODY_BIN" log verify --collected collected); echo "$out"
  grep -F "collected copy OK: 8 chains, 40 records" <<<"$out" >/dev/null || fail "collected copy does not verify"
  [[ -f received/node-a/group_app3.git.jsonl ]] || fail "no per-node per-repository file on the collector"
  # Re-importing the same stream changes nothing.
  before=$(cat collected/*/chain.*.jsonl | sha256sum)
  "$CUSTODY_BIN" log import --from received --out collected
  [[ $(cat collected/*/chain.*.jsonl | sha256sum) == "$before" ]] || fail "re-import changed the copy"

  # A ledger deleted on the server (with its head file) is caught against the collected copy.
  rm -rf repos/group/app3.git/custody repos/group/app3.git/custody-ledger.head
  set +e; out=$("$CUSTODY_BIN" log verify --repo repos/group/app3.git --collected collected 2>&1); rc=$?; set -e
  echo "$out"
  [[ $rc -eq 1 ]] || fail "deleted ledger not reported (rc=$rc)"
  grep -F "the collected copy holds its chain up to seq 5" <<<"$out" >/dev/null || fail "no collected head named"
  "$CUSTODY_BIN" log verify --collected collected | grep -F "group/app3.git chain node-a: 5 records" >/dev/null ||
    fail "collected copy lost app3's records"

  stop_pidfile sender.pid.bg
  stop_pidfile collector.pid.bg
}

# Nothing is lost on shutdown: with the collector down, the sender is stopped (SIGTERM) holding
# records in its queue, more pushes land while no sender runs, and after both restart the
# collected copy holds every record exactly once.
test_records_survive_a_sender_restart_while_the_collector_is_down() {
  setup_estate 2
  start_sender
  for b in 1 2 3; do (cd client1 && git branch "b$b" && git push -q origin "b$b" 2>/dev/null); done
  sleep 1 # imfile reads the new records into the queue, which cannot deliver
  stop_pidfile sender.pid.bg
  for b in 1 2 3; do (cd client2 && git branch "b$b" && git push -q origin "b$b" 2>/dev/null); done
  rm -f sender.pid
  start_collector
  start_sender
  total=$(server_records | wc -l)
  [[ $total -eq 8 ]] || fail "expected 8 server records (2 first pushes + 6), found $total"
  import_until "$total"
  diff <(server_records) <(collected_records) || fail "records were lost across the sender's restart"
  [[ $(collected_records | uniq -d | wc -l) -eq 0 ]] || fail "a record was collected twice"
  "$CUSTODY_BIN" log verify --collected collected | grep -F "collected copy OK: 2 chains, 8 records" >/dev/null ||
    fail "collected copy does not verify"
  stop_pidfile sender.pid.bg
  stop_pidfile collector.pid.bg
}
