#!/usr/bin/env bash
# Signature intake benchmark (issue: foundation). On this machine, app + PostgreSQL + load generator together:
#   1. starts a real PostgreSQL (Debian package, fsync on), an SMTP sink and the packaged app;
#   2. drives POST /api/campaigns/end-ice-complicity/signatures with unique emails for DURATION seconds (wrk);
#   3. counts the rows actually stored and checks every 202 has its row;
#   4. runs pgbench on the same server with the statement intake runs (insert + dedup + queue the mail),
#      and with a plain single-row INSERT, and prints the ratios.
# Usage: bench/signatures.sh [DURATION=60] [CONNECTIONS=64]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-60}
CONNECTIONS=${2:-64}
need
package_app
start_postgres
start_smtp_sink
start_app "${INTAKE_OPTS[@]}"
LUA="$ROOT/bench/signatures.lua"

warm_up 15 "$LUA"
sleep 2
before=$("${PSQL[@]}" -c "select count(*) from signature")
mails_before=$("${PSQL[@]}" -c "select count(*) from confirmation_mail where status = 'sent'")
echo "Driving intake for ${DURATION}s with $CONNECTIONS connections..."
out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$LUA" "http://127.0.0.1:$APP_PORT")
echo "$out" | grep -E "Latency|Requests/sec|Non-2xx|Socket errors" || true
result=$(echo "$out" | grep '^RESULT')
mails_after=$("${PSQL[@]}" -c "select count(*) from confirmation_mail where status = 'sent'")
sleep 2
after=$("${PSQL[@]}" -c "select count(*) from signature")
stored=$((after - before))
accepted=$(echo "$result" | sed -E 's/.*accepted=([0-9]+).*/\1/')
rps=$(echo "$result" | sed -E 's/.*rps=([0-9.]+).*/\1/')
seconds=$(echo "$result" | sed -E 's/.*seconds=([0-9.]+).*/\1/')
sig_rate=$(awk -v a="$accepted" -v s="$seconds" 'BEGIN{printf "%.0f", a/s}')
echo "$result"
echo "signatures/s (202s)   : $sig_rate"
echo "p50 / p99 latency (ms): $(echo "$result" | sed -E 's/.*p50_ms=([0-9.]+) p99_ms=([0-9.]+).*/\1 \/ \2/')"
echo "202 answers           : $accepted"
echo "confirmation mails sent meanwhile: $((mails_after - mails_before)) (the queue drains behind intake)"
echo "rows stored           : $stored (also counts requests still in flight when wrk stopped: at most $CONNECTIONS)"
if [ "$stored" -lt "$accepted" ] || [ $((stored - accepted)) -gt "$CONNECTIONS" ]; then
  echo "MISMATCH: every 202 must have its row"
else
  echo "every 202 has its row : yes"
fi

kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
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
PGB=("$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -c 24 -j 2 -T 20 postgres)
pg_same=$("${PGB[@]}" -f "$WORK/intake.sql" 2>&1 | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
pg_raw=$("${PGB[@]}" -f "$WORK/insert.sql" 2>&1 | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
echo "pgbench, intake statement (insert + dedup + mail queue), 24 clients: ${pg_same} tx/s"
echo "pgbench, plain single-row INSERT into signature, 24 clients    : ${pg_raw} tx/s"
awk -v s="$sig_rate" -v a="$pg_same" -v b="$pg_raw" 'BEGIN{
  printf "ratio app / pgbench (same statement): %.2f\n", s/a;
  printf "ratio app / pgbench (plain INSERT)  : %.2f\n", s/b }'
echo "targets: >= 3000 signatures/s and >= 0.5 x pgbench, every 202 stored"
