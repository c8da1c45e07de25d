#!/usr/bin/env bash
# Every benchmark on this machine, one after the other, then ONE table: min / median / max over RUNS runs.
# Each part is one of the bench scripts (they start their own PostgreSQL, SMTP sink and app on free loopback ports
# and stop them on exit); this script builds once, runs them, keeps their logs and reads their RESULT lines.
#
#   bench/all.sh                      # RUNS=3, about 20 minutes on the 2-core machine
#   RUNS=1 DURATION=10 SKIP_10M=1 bench/all.sh      # a quick check
#   INTERLEAVE=1 bench/all.sh        # rounds of intake, riding, letters, start-up: the spread includes the host's drift
#
# Knobs (environment): RUNS=3; DURATION=15 (seconds of each measured intake, lookup, locate and ceiling run);
# CONNECTIONS=64 (intake); RATE=1000 (signatures/s offered at a fixed schedule; 0 skips); PRELOAD_ROWS=10000000;
# SKIP_10M=1, SKIP_INTAKE=1, SKIP_RIDING=1, SKIP_LETTERS=1, SKIP_STARTUP=1; LETTERS=5000 (per drain run);
# REBUILD=0 (reuse target/quarkus-app). Logs: target/bench-all/<time>/.
# Intake runs with the rate limits ON, every signer from its own address through the trusted loopback proxy
# (X-Forwarded-For), so every limit is counted and none is reached; proof of work is off (its cost is the signer's).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-3}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-64}
RATE=${RATE:-1000}
PRELOAD_ROWS=${PRELOAD_ROWS:-10000000}
LETTERS=${LETTERS:-5000}
# BENCH_OUT=<an earlier run's folder> with every SKIP_*=1 and REBUILD=0 prints that run's table again.
OUT=${BENCH_OUT:-"$ROOT/target/bench-all/$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$OUT"
started=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "${REBUILD:-1}" = 1 ]; then
  echo "== building"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || { echo "build failed"; exit 1; }
fi
export REBUILD=0 SKIP_BUILD=1 RUNS

host_probe() { # $1 = when: the host's speed, to tell its changes from the app's. SHA-256 of 16 KB blocks for 3 s
  # on one core (1,730-1,800 MB/s over 2026-11-23) and zeroes written to a 256 MB buffer 100 times (memory bandwidth:
  # 18.5-20.4 GB/s then, 13.4-18.5 on a busier host). Both stayed within 4 % while the intake's CPU per signature
  # moved 398-734 µs, the most on the kernel's side (wrk's CPU per request nearly doubled), so two probes of the
  # kernel follow (when perf is installed): perf bench sched messaging (160 tasks passing 100-byte messages over Unix
  # sockets on both cores, ms for 1,000 rounds, median of three) and sched pipe (a round trip between two processes
  # through pipes, µs: a wake-up across cores). A fall between two parts means the host got slower (a neighbour, a
  # frequency change) even where no steal time shows; a steady probe does not prove the host steady.
  local kb gb sched pipe
  kb=$(openssl speed -seconds 3 -bytes 16384 sha256 2>/dev/null | sed -nE 's/^sha256 +([0-9.]+)k$/\1/p')
  gb=$(dd if=/dev/zero of=/dev/null bs=256M count=100 2>&1 | sed -nE 's/.*, ([0-9.]+) GB\/s$/\1/p')
  if command -v perf >/dev/null; then
    sched=$(for _ in 1 2 3; do perf bench sched messaging -g 4 -l 1000 2>/dev/null; done \
      | sed -nE 's/.*Total time: ([0-9.]+) .*/\1/p' | sort -g | sed -n 2p)  # the median of three: each ±10 %
    pipe=$(perf bench sched pipe -l 50000 2>/dev/null | sed -nE 's/^ *([0-9.]+) usecs\/op.*/\1/p')
  fi
  [ -n "$kb" ] && echo "RESULT host_probe when=$1 sha256_mb_s=$(awk -v k="$kb" 'BEGIN {printf "%.0f", k / 1000}')" \
    "memory_gb_s=${gb:-0} sched_ms=$(awk -v s="${sched:-0}" 'BEGIN {printf "%.0f", s * 1000}')" \
    "pipe_us=${pipe:-0}" | tee -a "$OUT/host-probe.log" | sed 's/^/   /'
  return 0
}

part() { # $1 = log name, rest = command: runs one bench script, its output kept in $OUT/$1.log
  local name=$1; shift
  host_probe "before-$name"
  ran_part=1
  echo "== $name: $* ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
  if ! (cd "$ROOT" && "$@") > "$OUT/$name.log" 2>&1; then
    echo "   FAILED, see $OUT/$name.log"
  fi
  grep '^RESULT' "$OUT/$name.log" | sed 's/^/   /'
}

# INTERLEAVE=1: RUNS rounds of intake, riding, letters and start-up, each script run once a round (its own
# PostgreSQL and app, warmed up anew), instead of each script running its RUNS runs back to back. The min-max of
# each figure then spans the whole bench, so it includes how the host drifts over half an hour (medians 5-37 % apart
# between back-to-back all.sh runs on 2026-11-23, while one part's runs agreed within a few %). The 10M part still
# runs once, at the end: its load alone takes 6-8 minutes.
rounds=1; per_part=$RUNS
[ "${INTERLEAVE:-0}" = 1 ] && { rounds=$RUNS; per_part=1; }
for round in $(seq 1 "$rounds"); do
  suffix=""; [ "$rounds" -gt 1 ] && suffix="-r$round"
  if [ -z "${SKIP_INTAKE:-}" ]; then
    part "intake$suffix" env RUNS="$per_part" RATE="$RATE" PLAIN_INSERT=0 bench/signatures.sh "$DURATION" "$CONNECTIONS"
  fi
  if [ -z "${SKIP_RIDING:-}" ]; then
    part "riding$suffix" env RUNS="$per_part" DURATION="${DURATION}s" WARMUP=10s OUT="$OUT/riding$suffix" \
      bench/riding-lookup.sh
  fi
  if [ -z "${SKIP_LETTERS:-}" ]; then
    part "letters$suffix" env RUNS="$per_part" CRASH=0 RENDER_SECONDS=5 bench/letters.sh "$LETTERS"
  fi
  if [ -z "${SKIP_STARTUP:-}" ]; then   # RUNS starts each plain and with AppCDS, then 60 s of intake for the RSS
    part "startup$suffix" env RUNS="$per_part" LOAD=60 bench/startup.sh
  fi
done

# Last: loading ten million rows takes the longest, and every other figure is in by then.
if [ -z "${SKIP_10M:-}" ]; then
  part intake-10m env PRELOAD="$PRELOAD_ROWS" EMPTY_FIRST=1 RATE=0 PGBENCH_SECONDS=0 \
    bench/signatures.sh "$DURATION" "$CONNECTIONS"
fi

[ -n "${ran_part:-}" ] && host_probe end

# ---- the table -----------------------------------------------------------------------------------------------
logs() { # $1 = log name: its log, or with INTERLEAVE=1 the logs of every round, in order
  local f; for f in "$OUT/$1.log" "$OUT/$1"-r*.log; do [ -f "$f" ] && echo "$f"; done; return 0
}
field() { # $1 = log, $2 = line pattern, $3 = key: the value of key=... on each matching RESULT line
  local files; files=$(logs "$1"); [ -n "$files" ] || return 0
  # shellcheck disable=SC2086
  cat $files | grep -E "^RESULT $2" | sed -nE "s/.* $3=([0-9.]+).*/\1/p"
}
riding() { # $1 = endpoint: its requests/s on each run (riding-lookup.sh's summary, once a run)
  local f; for f in "$OUT/riding/summary.txt" "$OUT"/riding-r*/summary.txt; do
    [ -f "$f" ] && sed -nE "s/^RESULT $1: ([0-9.]+) requests\/s.*/\1/p" "$f"
  done; return 0
}
ratios() { paste -d' ' <(echo "$1") <(echo "$2") | awk 'NF == 2 && $2 > 0 {printf "%.2f\n", $1 / $2}'; }
row() { # $1 = label, $2 = values (one a line), $3 = unit/format, $4 = target
  local stats
  stats=$(echo "$2" | awk 'NF' | sort -g | awk -v f="$3" '{a[NR] = $1}
    END { if (NR == 0) { printf "| — | — | — | 0"; exit }
          printf "| " f " | " f " | " f " | %d", a[1], a[int((NR + 1) / 2)], a[NR], NR }')
  printf "| %s %s | %s |\n" "$1" "$stats" "$4"
}

sig=$(field intake "intake run" signatures_per_s)
pgb=$(field intake "pgbench run" one_signature_per_tx_tps)
sig10=$(field intake-10m "intake run=.* table=preloaded" signatures_per_s)
sig0=$(field intake-10m "intake run=.* table=empty" signatures_per_s)  # the same app and server, before the load
cost() { field "$1" "per_signature run=[0-9]+ table=$2" "$3"; }  # $1 = log, $2 = table, $3 = key
lookup=$(riding lookup); locate=$(riding locate); health=$(riding health)
{
  echo "Machine: $(nproc) cores ($(sed -nE 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/ {print $2}') GB RAM," \
    "$(uname -sr); load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "RUNS=$RUNS, intake/lookup runs of ${DURATION} s, $CONNECTIONS intake connections; app, PostgreSQL" \
    "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1 | grep -oE '[0-9]+/bin' | cut -d/ -f1) (fsync on)" \
    "and the load generators share the machine; $(( ($(date +%s) - started) / 60 )) min in all; logs in $OUT"
  echo "Intake: rate limits ON (one client address per signer via X-Forwarded-For through the trusted loopback" \
    "proxy), proof of work off"
  echo
  echo "| measure | min | median | max | runs | target |"
  echo "|---|---|---|---|---|---|"
  row "intake, signatures/s ($CONNECTIONS conn., empty table)" "$sig" "%.0f" "≥ 15,000"
  row "intake p50, ms" "$(field intake "intake run" p50_ms)" "%.1f" ""
  row "intake p99, ms" "$(field intake "intake run" p99_ms)" "%.1f" "≤ 50"
  row "pgbench, one signature per transaction, tps (same run)" "$pgb" "%.0f" ""
  row "intake / pgbench" "$(ratios "$sig" "$pgb")" "%.2f" "≥ 1.7"
  row "constant $RATE/s offered: p50, ms (from intended send time)" "$(field intake constant_rate p50_ms)" "%.1f" ""
  row "constant $RATE/s offered: p99, ms" "$(field intake constant_rate p99_ms)" "%.1f" "≤ 20"
  row "constant $RATE/s offered: max, ms" "$(field intake constant_rate max_ms)" "%.1f" ""
  row "CPU per signature, µs: app + PostgreSQL + wrk" "$(cost intake empty cpu_us)" "%.0f" "133 for 15,000/s"
  row "— of which the app, µs" "$(cost intake empty app_us)" "%.0f" ""
  row "— of which PostgreSQL, µs" "$(cost intake empty pg_us)" "%.0f" ""
  row "— of which wrk, µs" "$(cost intake empty loadgen_us)" "%.0f" ""
  row "host CPU stolen by the hypervisor during intake runs, %" "$(cost intake empty steal_pct)" "%.1f" ""
  row "signatures per WAL flush (group commit) during intake runs" "$(cost intake empty per_flush)" "%.1f" ""
  row "mean WAL flush (fsync) during intake runs, ms" "$(cost intake empty flush_ms)" "%.2f" ""
  row "10M part: intake on the empty table first, signatures/s" "$sig0" "%.0f" ""
  row "10M part: intake with $PRELOAD_ROWS stored, signatures/s" "$sig10" "%.0f" "≥ 0.8 × empty"
  row "10M part: intake with $PRELOAD_ROWS stored, p99 ms" "$(field intake-10m "intake run=.* table=preloaded" p99_ms)" "%.1f" ""
  row "10M / empty (run by run, same app and server)" "$(ratios "$sig10" "$sig0")" "%.2f" "≥ 0.80"
  for pair in "cpu_us|CPU µs per signature, app + PostgreSQL + wrk|%.0f" "pg_us|PostgreSQL's CPU µs per signature|%.0f" \
      "wal_bytes|WAL bytes per signature|%.0f" "fpi|full-page images in the WAL per signature|%.2f" \
      "blks_read|blocks read from outside shared_buffers per signature|%.2f" "checkpoints|checkpoints per run|%.0f" \
      "mails_sent|confirmation mails sent during the run per signature taken|%.2f" \
      "steal_pct|host CPU stolen by the hypervisor, %|%.1f"; do
    IFS='|' read -r key label format <<< "$pair"
    row "10M part: $label, empty" "$(cost intake-10m empty "$key")" "$format" ""
    row "10M part: $label, $PRELOAD_ROWS stored" "$(cost intake-10m preloaded "$key")" "$format" ""
  done
  row "loading $PRELOAD_ROWS signatures + mails, s" "$(field intake-10m preload seconds)" "%.0f" ""
  row "host speed probe, one core, SHA-256 MB/s (before each part and at the end)" \
    "$(field host-probe host_probe sha256_mb_s)" "%.0f" ""
  row "host speed probe, one core, memory written GB/s (same times)" \
    "$(field host-probe host_probe memory_gb_s)" "%.1f" ""
  row "host kernel probe: perf bench sched messaging, ms (same times)" \
    "$(field host-probe host_probe sched_ms | awk '$1 > 0')" "%.0f" ""
  row "host kernel probe: pipe round trip across cores, µs (same times)" \
    "$(field host-probe host_probe pipe_us | awk '$1 > 0')" "%.1f" ""
  row "riding lookups/s" "$lookup" "%.0f" ""
  row "riding locates/s" "$locate" "%.0f" ""
  row "HTTP ceiling: /q/health/live requests/s (management port)" "$health" "%.0f" ""
  row "lookups / ceiling (same run)" "$(ratios "$lookup" "$health")" "%.2f" "≥ 0.9"
  row "locates / ceiling (same run)" "$(ratios "$locate" "$health")" "%.2f" ""
  row "letters rendered/s (2 threads)" "$(field letters "letters=.*letters_per_s" letters_per_s)" "%.0f" ""
  row "mails drained/s (outbox → SMTP sink)" "$(field letters "letters=.*mails_per_s" mails_per_s)" "%.0f" "≥ 800"
  if [ -f "$OUT/startup.log" ]; then   # one invocation of startup.sh: its own min / median / max
    for label in plain appcds; do
      line=$(grep -E "^RESULT ready \($label\)" "$OUT/startup.log" 2>/dev/null | head -1)
      [ -n "$line" ] && printf "| start-up to ready, ms (%s, migrated database) | %s | %s | %s | %s | ≤ 1,500 (median) |\n" \
        "$label" $(echo "$line" | sed -E 's/.*min ([0-9]+) ms, median ([0-9]+) ms, max ([0-9]+) ms over ([0-9]+).*/\1 \2 \3 \4/')
    done
    rss=$(sed -nE 's/^RESULT container settings: RSS ([0-9]+) MB.*peak ([0-9]+) MB.*/\1 (peak \2)/p' "$OUT/startup.log" 2>/dev/null)
    [ -n "$rss" ] && echo "| RSS after 60 s of intake, MB (container settings) | $rss | | | 1 | ≤ 300 |"
  else                                 # INTERLEAVE=1: one start of each kind and one RSS a round
    for label in plain appcds; do
      row "start-up to ready, ms ($label, migrated database)" "$(cat $(logs startup) /dev/null \
        | sed -nE "s/^RESULT ready \\($label\\): .*median ([0-9]+) ms.*/\\1/p")" "%.0f" "≤ 1,500 (median)"
    done
    row "RSS after 60 s of intake, MB (container settings)" "$(cat $(logs startup) /dev/null \
      | sed -nE 's/^RESULT container settings: RSS ([0-9]+) MB.*/\1/p')" "%.0f" "≤ 300"
  fi
} | tee "$OUT/table.md"
echo "(every figure: min / median / max over the runs; each RESULT line in the logs carries its load average)"
probe_line='^RESULT host_probe when=([^ ]+) sha256_mb_s=([0-9]+) memory_gb_s=([0-9.]+)'
probe_line+='( sched_ms=([0-9]+) pipe_us=([0-9.]+))?.*'
[ -f "$OUT/host-probe.log" ] && echo "host probes (when: SHA-256 MB/s, memory GB/s, messaging ms, pipe µs):" \
  "$(sed -nE "s/$probe_line/\\1: \\2 \\3 \\5 \\6/p" "$OUT/host-probe.log" | paste -sd, | sed 's/,/, /g')"
