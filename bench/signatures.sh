#!/usr/bin/env bash
# Signature intake benchmark. On this machine, app + PostgreSQL + load generators together:
#   1. starts a real PostgreSQL (Debian package, fsync on), an SMTP sink and the packaged app; with PRELOAD=n first
#      loads n signatures (and their mails) as a restore would (lib.sh preload_signatures);
#   2. RUNS times: drives POST /api/campaigns/end-ice-complicity/signatures with unique emails for DURATION seconds
#      (wrk, CONNECTIONS connections), counts the rows actually stored and checks every 202 has its row; offers RATE
#      signatures/s at a fixed schedule (bench/ConstantRate.java, latency from the intended send time); then, with the
#      app paused (SIGSTOP), runs pgbench on the same server with one signature's work per transaction (insert +
#      dedup + queue the mail) and prints the ratio.
# Each measured phase (closed loop, constant rate) waits first until the confirmation mails queued by the phase
# before it have left (at most DRAIN_WAIT_MAX=300 s): otherwise it pays for its predecessor's mails, and the runs
# of one bench get slower one after the other. Its own mails drain while it runs, as in production.
# Rate limits stay on: every signer comes from its own address through the trusted loopback proxy (X-Forwarded-For),
# so each limit is counted for every signature and none is reached. Proof of work is off (its cost is the signer's).
# Usage: bench/signatures.sh [DURATION=60] [CONNECTIONS=64]
#        env RUNS=1 RATE=1000 (0: no constant-rate run; a list such as "50 200 400" runs each in turn, the mail
#        queue drained before each) RATE_SECONDS=DURATION PRELOAD=0 PGBENCH_SECONDS=20
#        PLAIN_INSERT=1 (0: skip the plain-INSERT pgbench) WARMUP=15 REBUILD=1 APP_OPTS=(extra -D options)
#        EMPTY_FIRST=1 (with PRELOAD: RUNS runs on the empty table first, then the load, then RUNS runs)
# Each run also prints, per signature accepted: the CPU time of the app, PostgreSQL and wrk (µs), PostgreSQL's WAL
# bytes, full-page images and blocks read from outside its shared_buffers, and the share of the host's CPU stolen by
# the hypervisor meanwhile (RESULT per_signature; lib.sh measure_start/measure_end).
source "$(dirname "$0")/lib.sh"
DURATION=${1:-${DURATION:-60}}
CONNECTIONS=${2:-${CONNECTIONS:-64}}
RUNS=${RUNS:-1}
RATE=${RATE:-1000}
RATE_SECONDS=${RATE_SECONDS:-$DURATION}
PRELOAD=${PRELOAD:-0}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-20}
need
package_app
[ "${PG_STATEMENTS:-0}" = 1 ] && pg_stat_statements_on  # PG_STATEMENTS=1: the top statements after each phase
start_postgres
[ "${PG_STATEMENTS:-0}" = 1 ] && "${PSQL[@]}" -c "create extension if not exists pg_stat_statements"
start_smtp_sink
# shellcheck disable=SC2086
start_app "${INTAKE_OPTS[@]}" ${APP_OPTS:-}
LUA="$ROOT/bench/signatures.lua"
echo "Rate limits on: one client address per signer through the trusted loopback proxy (X-Forwarded-For);" \
  "proof of work off"

campaign=$("${PSQL[@]}" -c "select id from campaign where slug='end-ice-complicity'")
cat > "$WORK/intake.sql" <<SQL
WITH c AS (SELECT id, status FROM campaign WHERE slug = 'end-ice-complicity'),
ins AS (
  INSERT INTO signature (id, campaign_id, first_name, last_name, email, canonical_email, postal_code, province,
                         fed_code, language, consent_updates, personal_note, ip_hash)
  SELECT gen_random_uuid(), c.id, 'Bench', 'Signer', e.email, e.email, 'K1A 0A6', 'ON', NULL, 'fr', false, NULL,
         'abcdefghijklmnopqrstuv'
  FROM c, (SELECT md5(random()::text || clock_timestamp()::text) || '@pgbench.example.ca' AS email) e
  WHERE c.status = 'open'
  ON CONFLICT (campaign_id, canonical_email) DO NOTHING RETURNING id, state),
mail AS (INSERT INTO confirmation_mail (signature_id) SELECT id FROM ins WHERE state = 'pending' RETURNING id)
SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM mail);
SQL
cat > "$WORK/insert.sql" <<SQL
INSERT INTO signature (id, campaign_id, first_name, last_name, email, canonical_email, postal_code, province,
                       language, consent_updates, ip_hash)
VALUES (gen_random_uuid(), $campaign, 'Bench', 'Signer', md5(random()::text || clock_timestamp()::text),
        md5(random()::text || clock_timestamp()::text), 'K1A 0A6', 'ON', 'fr', false, 'abcdefghijklmnopqrstuv');
SQL
PGB=("$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -c 24 -j 2 -T "$PGBENCH_SECONDS" postgres)

intake_run() { # $1 = run number: wrk at full speed, every 202 checked against the rows stored
  local before mails_before out result mails_after after stored accepted seconds sig_rate load wrk_cpu costs
  before=$("${PSQL[@]}" -c "select count(*) from signature")
  mails_before=$("${PSQL[@]}" -c "select count(*) from confirmation_mail where status = 'sent'")
  echo "== run $1: intake for ${DURATION}s with $CONNECTIONS connections ($before signatures stored)"
  measure_start
  TIMEFORMAT='%U %S'
  wrk_cpu=$( { time wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$LUA" \
    "http://127.0.0.1:$APP_PORT" > "$WORK/wrk.out"; } 2>&1 )
  out=$(cat "$WORK/wrk.out")
  load=$(load_average | tr ' ' /)
  echo "$out" | grep -E "Latency|Requests/sec|Non-2xx|Socket errors" || true
  result=$(echo "$out" | grep '^RESULT')
  accepted=$(echo "$result" | sed -E 's/.*accepted=([0-9]+).*/\1/')
  costs=$(measure_end "$accepted" "$wrk_cpu")  # right away: the mails still draining after wrk are not counted
  mails_after=$("${PSQL[@]}" -c "select count(*) from confirmation_mail where status = 'sent'")
  sleep 2
  after=$("${PSQL[@]}" -c "select count(*) from signature")
  stored=$((after - before))
  seconds=$(echo "$result" | sed -E 's/.*seconds=([0-9.]+).*/\1/')
  sig_rate=$(awk -v a="$accepted" -v s="$seconds" 'BEGIN{printf "%.0f", a/s}')
  echo "$result"
  echo "confirmation mails sent meanwhile: $((mails_after - mails_before)) (the queue drains behind intake)"
  echo "rows stored: $stored for $accepted answers 202 (also counts requests in flight when wrk stopped)"
  local ok=yes
  if [ "$stored" -lt "$accepted" ] || [ $((stored - accepted)) -gt "$CONNECTIONS" ]; then
    ok=no; echo "MISMATCH: every 202 must have its row"
  fi
  echo "RESULT intake run=$1 signatures_per_s=$sig_rate p50_ms=$(echo "$result" | sed -E 's/.*p50_ms=([0-9.]+).*/\1/')" \
    "p99_ms=$(echo "$result" | sed -E 's/.*p99_ms=([0-9.]+).*/\1/') stored_before=$before every_202_stored=$ok" \
    "table=$TABLE load=$load"
  echo "RESULT per_signature run=$1 table=$TABLE $costs mails_sent=$(awk -v m=$((mails_after - mails_before)) \
    -v n="$accepted" 'BEGIN {printf "%.2f", (n > 0 ? m / n : 0)}')"
}

mail_queue_drained() { # each measured phase starts with no confirmation mail left over from the one before it
  local queued started=$SECONDS
  while :; do
    queued=$("${PSQL[@]}" -c "select count(*) from confirmation_mail where status in ('queued', 'sending')")
    [ "$queued" -eq 0 ] && break
    [ $((SECONDS - started)) -ge "${DRAIN_WAIT_MAX:-300}" ] && { echo "still $queued mails queued"; break; }
    sleep 2
  done
  echo "mail queue drained in $((SECONDS - started)) s"
}

statements() { # with PG_STATEMENTS=1: the statements that took PostgreSQL's time since the last call
  [ "${PG_STATEMENTS:-0}" = 1 ] || return 0
  "${PSQL[@]}" -F ' | ' -c "select round(total_exec_time::numeric) as ms, calls, rows,
      round(mean_exec_time::numeric, 2) as mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
    from pg_stat_statements order by total_exec_time desc limit 6" | sed 's/^/statement: /'
  "${PSQL[@]}" -c "select pg_stat_statements_reset()" >/dev/null
}

runs() { # RUNS measured runs on the table as it is
  local run rate pg_same pg_raw load
  [ "${PG_STATEMENTS:-0}" = 1 ] && "${PSQL[@]}" -c "select pg_stat_statements_reset()" >/dev/null
  for run in $(seq 1 "$RUNS"); do
    mail_queue_drained
    intake_run "$run"
    for rate in $RATE; do
      [ "$rate" -gt 0 ] || continue
      mail_queue_drained
      echo "== run $run: $rate signatures/s offered for ${RATE_SECONDS}s at a fixed schedule (+5 s warm-up)"
      echo "$(java "$ROOT/bench/ConstantRate.java" "http://127.0.0.1:$APP_PORT" "$RATE_SECONDS" "$rate" 5 \
        | grep '^RESULT') run=$run load=$(load_average | tr ' ' /)"
    done
    [ "$PGBENCH_SECONDS" -gt 0 ] || continue
    kill -STOP "$APP_PID"   # the app is paused, its CPU left to PostgreSQL, its JIT state kept for the next run
    pg_same=$("${PGB[@]}" -f "$WORK/intake.sql" 2>&1 | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
    load=$(load_average | tr ' ' /)
    pg_raw=""
    if [ "${PLAIN_INSERT:-1}" = 1 ]; then
      pg_raw=$("${PGB[@]}" -f "$WORK/insert.sql" 2>&1 | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
    fi
    kill -CONT "$APP_PID"
    echo "RESULT pgbench run=$run one_signature_per_tx_tps=${pg_same:-0} plain_insert_tps=${pg_raw:-skipped}" \
      "clients=24 load=$load"
  done
}

TABLE=empty
if [ "$PRELOAD" -gt 0 ] && [ "${EMPTY_FIRST:-0}" = 1 ]; then
  # The same app, server and warm JIT measure the table empty, then with PRELOAD rows: minutes apart, not the
  # half hour between bench/all.sh's first and last parts, on a host whose speed moves from one half hour to the next.
  warm_up "${WARMUP:-15}" "$LUA"; sleep 2
  runs; statements
  echo "Loading $PRELOAD signatures..."
  preload_signatures "$PRELOAD"
  TABLE=preloaded
  wrk -t2 -c32 -d10s -s "$LUA" "http://127.0.0.1:$APP_PORT" >/dev/null  # the new indexes' hot pages read in once
  runs; statements
else
  if [ "$PRELOAD" -gt 0 ]; then
    echo "Loading $PRELOAD signatures..."
    preload_signatures "$PRELOAD"
    TABLE=preloaded
  fi
  warm_up "${WARMUP:-15}" "$LUA"; sleep 2
  runs; statements
fi
echo "targets: >= 15000 signatures/s and >= 1.7 x pgbench (one signature per transaction), p99 <= 50 ms at 64" \
  "connections; p99 <= 20 ms at 1000/s offered; every 202 stored"
