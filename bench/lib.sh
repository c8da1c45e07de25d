#!/usr/bin/env bash
# Shared by the bench scripts: a throwaway PostgreSQL, the packaged app, an SMTP sink, and cleanup.
# Everything listens on loopback and is stopped on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/constituent-bench.XXXXXX)
chmod 755 "$WORK"
PIDS=()
AFTER_POSTGRES=()  # commands run once PostgreSQL has stopped (e.g. unmounting its volume)

cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  if [ -n "${PGDATA_DIR:-}" ] && [ -d "$PGDATA_DIR" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
  fi
  for command in "${AFTER_POSTGRES[@]:-}"; do [ -n "$command" ] && eval "$command" || true; done
  if [ "${KEEP_LOGS:-0}" = 1 ]; then  # KEEP_LOGS=1 keeps the run's logs in target/bench-logs/
    mkdir -p "$ROOT/target/bench-logs" && cp "$WORK"/*.log "$WORK"/*.out "$ROOT/target/bench-logs/" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() {
  # Debian packages the benches use: wrk (load), postgresql (server and pgbench).
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
  PGPORT=$(free_port)
  PGDATA_DIR="$WORK/pgdata"
  mkdir -p "$PGDATA_DIR" && chown postgres "$PGDATA_DIR"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 >/dev/null
  cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$WORK'
max_connections = 200
shared_buffers = 1GB
track_wal_io_timing = on
${PG_EXTRA_CONF:-}
CONF
  chmod 777 "$WORK"
  postgres_up
  PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qAt)
  echo "PostgreSQL $("${PSQL[@]}" -c 'show server_version') on port $PGPORT (fsync on, synchronous_commit on)"
}

postgres_up() {   # (re)starts the server start_postgres created, on the same port
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/postgres.log" -w start >/dev/null
}

postgres_down() { # fast shutdown: sessions are ended (57P01), committed work is kept
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
}

package_app() {
  if [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || [ "${REBUILD:-1}" = 1 ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

start_smtp_sink() {
  # bench/SmtpSink.java: accepts every mail on loopback and logs its Message-ID (to count deliveries).
  # Started again after smtp_sink_down, it listens on the same port and appends to the same log.
  SMTP_PORT=${SMTP_PORT:-$(free_port)}
  java "$ROOT/bench/SmtpSink.java" "$SMTP_PORT" "$WORK/sink.log" >> "$WORK/sink.out" 2>&1 &
  SINK_PID=$!
  PIDS+=($SINK_PID)
  for _ in $(seq 1 150); do (echo > /dev/tcp/127.0.0.1/"$SMTP_PORT") 2>/dev/null && break; sleep 0.2; done
  echo "SMTP sink on port $SMTP_PORT"
}

smtp_sink_down() {
  kill "$SINK_PID" && wait "$SINK_PID" 2>/dev/null || true
}

start_app() {
  launch_app "$@"
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.5
  done
  echo "App on port $APP_PORT (pid $APP_PID)"
}

# Signers come through a trusted loopback proxy (each with its own X-Forwarded-For address); bench.example.ca stands
# for a large free-mail domain; the hourly mail budget is out of reach. Every limit is still counted for every
# signature, none is reached. Pass to start_app/launch_app.
INTAKE_OPTS=(-Dconstituent.abuse.trusted-proxies=127.0.0.1/32
  -Dconstituent.abuse.limits.free-mail-domains=bench.example.ca
  -Dconstituent.abuse.limits.confirmation-mails-per-hour=1000000000)

launch_app() { # starts the packaged app in the background without waiting for it to be ready
  APP_PORT=$(free_port)
  # The packaged app serves /q/health on its management port (9000 by default, maybe taken): a free one here.
  MGMT_PORT=$(free_port)
  QUARKUS_MANAGEMENT_PORT="$MGMT_PORT" DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" DB_USER=postgres DB_PASSWORD=unused \
  APP_SECRET=bench-secret-bench-secret-bench-secret-0123 \
  SMTP_HOST=127.0.0.1 SMTP_PORT="${SMTP_PORT:-1}" QUARKUS_HTTP_PORT="$APP_PORT" \
  PUBLIC_BASE_URL="http://127.0.0.1:$APP_PORT" MP_EMAIL_FROM=letters@bench.example.ca \
  MAIL_FROM="Constituent <campaigns@bench.example.ca>" \
    java ${JAVA_OPTS:--Xmx1g} "$@" -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  PIDS+=($APP_PID)
}

source "$ROOT/bench/jit.sh"  # warm_until_jit_settles

warm_up() { # $1 = minimum seconds, $2 = the wrk script: intake load until the JIT has settled
  ROUND=${ROUND:-10} warm_until_jit_settles "$APP_PID" "${1:-10}" \
    wrk -t2 -c32 -d"${ROUND:-10}s" -s "$2" "http://127.0.0.1:$APP_PORT"
}

queue_letters() { # $1 = how many, $2 = tag: confirmed signatures with a queued letter each, to one of 343 inboxes
  "${PSQL[@]}" <<SQL
INSERT INTO signature (id, campaign_id, state, first_name, last_name, email, canonical_email, postal_code, province,
                       fed_code, language, confirmed_at)
SELECT gen_random_uuid(), c.id, 'confirmed', 'Bench', 'Signer $2 ' || g, 'b$2-' || g || '@bench.example.ca',
       'b$2-' || g || '@bench.example.ca', 'K1A 0A6', 'ON', '35079', 'en', now()
FROM campaign c, generate_series(1, $1) g WHERE c.slug = 'end-ice-complicity';
INSERT INTO mp_email (signature_id, campaign_id, fed_code, language, to_name, to_email, from_name, reply_to,
                      subject, body)
SELECT s.id, s.campaign_id, '35079', 'en', 'An MP', 'mp' || (abs(hashtext(s.email)) % 343) || '@parl.example.ca',
       s.first_name || ' ' || s.last_name || ' via End ICE Complicity', s.email, 'End Canada''s complicity with ICE',
       repeat('I am writing to you as your constituent about ICE. ', 40)
FROM signature s WHERE s.email LIKE 'b$2-%@bench.example.ca';
SQL
}

letters_sent() { "${PSQL[@]}" -c "select count(*) from mp_email where status = 'sent'"; }

sink_letter_ids() { # the mp_email id of every letter the sink received, one line per delivery
  sed -nE 's/.*mp-email-([0-9]+)@.*/\1/p' "$WORK/sink.log"
}

intake_load() { # $1 seconds, $2 client threads, $3 log file: bench/IntakeLoad.java against the app, in the background
  java "$ROOT/bench/IntakeLoad.java" "http://127.0.0.1:$APP_PORT" "$1" "$2" "$3" "run$$" "${CLIENT_TIMEOUT:-10}" \
    > "$WORK/load.out" 2>&1 &
  LOAD_PID=$!
  PIDS+=($LOAD_PID)
}

stop_intake_load() { # asks the client to stop and waits for the answers in flight, so every 202 is logged
  touch "$1.stop"
  wait "$LOAD_PID" 2>/dev/null || true
}

now_ms() { date +%s%3N; }

report_intake() { # $1 load log, $2 epoch ms the fault ended (or 0): counts answers and checks every 202's row
  local log=$1 back=$2
  awk '$2 == 202 {print $5}' "$log" > "$WORK/accepted.txt"
  "${PSQL[@]}" -c "create table if not exists bench_accepted (email text primary key)" -c "truncate bench_accepted"
  "${PSQL[@]}" -c "\copy bench_accepted from '$WORK/accepted.txt'"
  local lost
  lost=$("${PSQL[@]}" -c "select count(*) from bench_accepted a where not exists
                          (select 1 from signature s where s.email = a.email)")
  awk -v back="$back" -v lost="$lost" -v timeout="${CLIENT_TIMEOUT:-10}" '
    { n++; s[$2]++ }
    $2 == 503 { if ($4 != 1) bad++; if ($3 > max503) max503 = $3 }
    $2 == 202 && back > 0 && $1 >= back && !first { first = $1 }
    END {
      printf "RESULT requests=%d accepted_202=%d lost_202_without_row=%d answered_503=%d malformed_503=%d\n",
        n, s[202], lost, s[503], bad + 0
      printf "RESULT slowest_503_ms=%d client_timeouts_%ds=%d no_connection=%d", max503, timeout, s["timeout"] + 0,
        s["error"] + 0
      for (k in s) if (k != 202 && k != 503 && k != "timeout" && k != "error") other = other " " k "=" s[k]
      printf " other_statuses=[%s]\n", other
      if (back > 0) printf "RESULT recovery_s=%s (first 202 after the fault ended)\n",
        first ? sprintf("%.1f", (first - back) / 1000) : "never"
    }' "$log"
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0; }  # a process' CPU ticks

pg_ticks() { # CPU ticks of PostgreSQL: the postmaster (with its reaped children) and every live child
  local master total pid
  master=$(head -1 "$PGDATA_DIR/postmaster.pid")
  total=$(ticks "$master")
  for pid in $(ps -o pid= --ppid "$master"); do total=$((total + $(ticks "$pid"))); done
  echo "$total"
}

host_ticks() { # the machine's CPU ticks: "total steal" (/proc/stat), steal being time the hypervisor gave elsewhere
  awk '/^cpu / {t = 0; for (i = 2; i <= 9; i++) t += $i; print t, $9}' /proc/stat
}

pg_counters() { # PostgreSQL's cumulative counters: WAL bytes, full-page images, blocks read and hit, checkpoints,
  # buffers written, WAL flushes to disk and their time (ms, track_wal_io_timing), transactions committed
  "${PSQL[@]}" -F ' ' -c "select w.wal_bytes, w.wal_fpi, d.blks_read, d.blks_hit,
      b.checkpoints_timed + b.checkpoints_req, b.buffers_checkpoint + b.buffers_backend + b.buffers_clean,
      w.wal_sync, round(w.wal_sync_time::numeric, 3), d.xact_commit
    from pg_stat_wal w, pg_stat_bgwriter b, pg_stat_database d where d.datname = current_database()"
}

measure_start() { # before a measured run: CPU ticks of the app, PostgreSQL and the host, and PostgreSQL's counters
  M0=("$(ticks "$APP_PID")" "$(pg_ticks)" $(host_ticks) $(pg_counters))
}

measure_end() { # $1 = signatures stored since measure_start, $2 = the load generator's CPU seconds ("user sys"):
  # prints "key=value ..." per signature: CPU of the app, PostgreSQL, the load generator and all three (µs), WAL
  # bytes, full-page images, blocks read from outside shared_buffers; then checkpoints, buffers written, the share
  # of the host's CPU stolen by the hypervisor during the run, signatures per WAL flush (PostgreSQL's group commit:
  # the app's batches and its other transactions share the flushes), the mean flush in ms (the disk's fsync) and
  # signatures per committed transaction (every transaction on the database, the mail sender's too)
  local m1 hz
  m1=("$(ticks "$APP_PID")" "$(pg_ticks)" $(host_ticks) $(pg_counters))
  hz=$(getconf CLK_TCK)
  awk -v n="$1" -v hz="$hz" -v w="$2" -v a="${M0[*]}" -v b="${m1[*]}" 'BEGIN {
    split(a, x, " "); split(b, y, " "); split(w, t, " ");
    for (i in y) d[i] = y[i] - x[i]; if (n < 1) n = 1;
    app = d[1] / hz * 1e6 / n; pg = d[2] / hz * 1e6 / n; gen = (t[1] + t[2]) * 1e6 / n;
    printf "cpu_us=%.0f app_us=%.0f pg_us=%.0f loadgen_us=%.0f wal_bytes=%.0f fpi=%.3f blks_read=%.3f", \
      app + pg + gen, app, pg, gen, d[5] / n, d[6] / n, d[7] / n;
    printf " hit_pct=%.2f checkpoints=%d buffers_written=%d steal_pct=%.1f", \
      (d[7] + d[8] > 0 ? 100 * d[8] / (d[7] + d[8]) : 100), d[9], d[10], (d[3] > 0 ? 100 * d[4] / d[3] : 0);
    printf " per_flush=%.1f flush_ms=%.3f per_commit=%.1f", (d[11] > 0 ? n / d[11] : 0), \
      (d[11] > 0 ? d[12] / d[11] : 0), (d[13] > 0 ? n / d[13] : 0) }'
}

pg_stat_statements_on() { # before start_postgres: the server loads pg_stat_statements (bench/profile-intake.sh)
  # EXTRA_PRELOAD_LIBRARIES (e.g. auto_explain) are loaded too; PG_EXTRA_CONF set before is kept (their settings)
  PG_EXTRA_CONF="shared_preload_libraries = 'pg_stat_statements${EXTRA_PRELOAD_LIBRARIES:+,$EXTRA_PRELOAD_LIBRARIES}'
pg_stat_statements.track = all
pg_stat_statements.track_planning = on
${PG_EXTRA_CONF:-}"
}

preload_signatures() { # $1 = how many: a campaign's worth of signatures and their mails, loaded as a restore would
  # The app must have migrated the database. Like pg_restore, the rows go in first and the keys, indexes and foreign
  # keys are built after them (sorted builds instead of N random index insertions), with the triggers off: a restore
  # brings the count tables' rows as data, so the counts and the hourly timeline are filled here from the rows, as
  # the roll-up would have. Ridings, provinces and FSAs follow the shipped FSA table; dates spread over 120 days,
  # most of them in the campaign's last weeks; in the last 29 days 70 % confirmed, 27 % pending, 3 % held, before
  # them all confirmed (retention deletes older unconfirmed ones); client-address hashes only in the last 7 days.
  # Emails start with random letters, as the bench's do, so new signatures go all over the unique email index.
  local started; started=$(now_ms)
  "${PSQL[@]}" -v n="$1" <<'SQL'
\set ON_ERROR_STOP on
SET session_replication_role = replica;   -- no triggers (and no foreign-key checks) while the rows go in
SET maintenance_work_mem = '1GB';
CREATE TEMP TABLE saved AS
  SELECT 3 AS step, format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,
                           pg_get_constraintdef(oid)) AS create_ddl,
         format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop_ddl
  FROM pg_constraint WHERE contype = 'f' AND (conrelid IN ('signature'::regclass, 'confirmation_mail'::regclass)
                                              OR confrelid IN ('signature'::regclass, 'confirmation_mail'::regclass))
  UNION ALL
  SELECT 2, pg_get_indexdef(i.indexrelid), format('DROP INDEX %s', i.indexrelid::regclass)
  FROM pg_index i WHERE i.indrelid IN ('signature'::regclass, 'confirmation_mail'::regclass)
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
  UNION ALL
  SELECT 1, format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)),
         format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname)
  FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid IN ('signature'::regclass, 'confirmation_mail'::regclass);
SELECT drop_ddl FROM saved ORDER BY step DESC \gexec
CREATE TEMP TABLE place AS
  SELECT row_number() OVER (ORDER BY f.fsa, f.fed_code) - 1 AS k, f.fsa, f.fed_code, r.province
  FROM fsa_riding f JOIN riding r USING (fed_code);
INSERT INTO signature (id, campaign_id, state, first_name, last_name, email, canonical_email, postal_code, province,
                       fed_code, language, consent_updates, ip_hash, created_at, confirmed_at, held_reason)
SELECT gen_random_uuid(), c.id, s.state, 'Loaded', 'Signer ' || g,
       left(md5(g::text), 8) || '.l' || g || '@load.example.ca', left(md5(g::text), 8) || '.l' || g || '@load.example.ca',
       p.fsa || ' ' || (g % 10) || chr(65 + (g / 10) % 26) || ((g / 260) % 10), p.province, p.fed_code,
       CASE WHEN p.province = 'QC' OR g % 9 = 0 THEN 'fr' ELSE 'en' END, g % 3 = 0,
       CASE WHEN t.at > now() - interval '7 days' THEN md5(g::text) END, t.at,
       CASE WHEN s.state = 'confirmed' THEN t.at + interval '10 minutes' END,
       CASE WHEN s.state = 'held' THEN 'ip-burst' END
FROM campaign c, generate_series(1, :n) g
CROSS JOIN LATERAL (SELECT now() - interval '120 days' * (1 - sqrt((g * 0.6180339887) % 1)) AS at) t
CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 70 OR t.at < now() - interval '29 days' THEN 'confirmed'
                                WHEN g % 100 < 97 THEN 'pending' ELSE 'held' END AS state) s
JOIN place p ON p.k = (hashint4(g) & 2147483647) % (SELECT count(*) FROM place)
WHERE c.slug = 'end-ice-complicity';
INSERT INTO confirmation_mail (signature_id, status, attempts, created_at, next_attempt_at, sent_at, mailbox)
SELECT id, 'sent', 1, created_at, created_at, created_at, left(md5(canonical_email), 22)
FROM signature WHERE state <> 'held' AND email LIKE '%@load.example.ca';
SELECT create_ddl FROM saved ORDER BY step \gexec
SET session_replication_role = origin;
INSERT INTO signature_count (campaign_id, state, province, fed_code, n)
SELECT campaign_id, state, province, coalesce(fed_code, 'unknown'), count(*) FROM signature
WHERE email LIKE '%@load.example.ca' GROUP BY 1, 2, 3, 4
ON CONFLICT (campaign_id, state, province, fed_code) DO UPDATE SET n = signature_count.n + excluded.n;
INSERT INTO signature_hourly (campaign_id, hour, signed, confirmed)
SELECT campaign_id, hour, sum(signed), sum(confirmed) FROM (
  SELECT campaign_id, date_trunc('hour', created_at, 'UTC') AS hour, 1 AS signed, 0 AS confirmed FROM signature
  WHERE email LIKE '%@load.example.ca'
  UNION ALL
  SELECT campaign_id, date_trunc('hour', confirmed_at, 'UTC'), 0, 1 FROM signature
  WHERE confirmed_at IS NOT NULL AND email LIKE '%@load.example.ca') s
GROUP BY 1, 2
ON CONFLICT (campaign_id, hour) DO UPDATE SET signed = signature_hourly.signed + excluded.signed,
  confirmed = signature_hourly.confirmed + excluded.confirmed;
SQL
  "${PSQL[@]}" -c "VACUUM (ANALYZE) signature" -c "VACUUM (ANALYZE) confirmation_mail" \
    -c "CHECKPOINT"
  "${PSQL[@]}" -F ' ' -c "select 'RESULT index_mb ' || string_agg(format('%s=%s', c.relname,
      pg_relation_size(c.oid) / 1048576), ' ' order by c.relname) from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid in ('signature'::regclass, 'confirmation_mail'::regclass)"
  echo "RESULT preload rows=$1 seconds=$(( ($(now_ms) - started) / 1000 )) table_mb=$("${PSQL[@]}" -c \
    "select pg_total_relation_size('signature') / 1048576") load=$(load_average | tr ' ' /)"
}
