#!/usr/bin/env bash
# Fault: the app killed with SIGKILL KILLS times while its outbox sends LETTERS letters (issue 8).
#   1. starts PostgreSQL, an SMTP sink that logs every Message-ID it accepts, and the packaged app (per-inbox limit
#      off, lease LEASE so letters a dead process left in 'sending' are retried soon);
#   2. queues LETTERS letters; each time another LETTERS/(KILLS+1) have been sent, kill -9 the app, note which
#      letters it left in 'sending' (the documented window: SMTP may have accepted them, 'sent' not yet committed),
#      and start it again;
#   3. once every letter is sent (or WAIT seconds pass), prints: letters never received (lost), duplicates, and
#      duplicates outside the window (must be 0).
# Usage: bench/faults-kill9.sh [LETTERS=10000] [KILLS=5] [WAIT=900]   (REBUILD=0 reuses target/)
source "$(dirname "$0")/lib.sh"
LETTERS=${1:-10000}
KILLS=${2:-5}
WAIT=${3:-900}
need
package_app
start_postgres
start_smtp_sink
export MP_EMAIL_PER_INBOX_PER_MINUTE=0 CONSTITUENT_OUTBOX_LEASE=${LEASE:-PT20S}
start_app
"${PSQL[@]}" -c "create table bench_window (id bigint, kill int)"

queue_letters "$LETTERS" kill
started=$(date +%s)
for k in $(seq 1 "$KILLS"); do
  target=$((LETTERS * k / (KILLS + 1)))
  while [ "$(letters_sent)" -lt "$target" ] && [ $(( $(date +%s) - started )) -lt "$WAIT" ]; do sleep 0.2; done
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  "${PSQL[@]}" -c "insert into bench_window select id, $k from mp_email where status = 'sending'"
  echo "kill -9 #$k at $(letters_sent) sent, $("${PSQL[@]}" -c "select count(*) from bench_window where kill = $k") in 'sending'"
  launch_app  # not waiting for readiness: the outbox starts sending before the app reports ready
done
while [ "$(letters_sent)" -lt "$LETTERS" ] && [ $(( $(date +%s) - started )) -lt "$WAIT" ]; do sleep 0.5; done
seconds=$(( $(date +%s) - started ))
sleep 2

sink_letter_ids > "$WORK/received.txt"
"${PSQL[@]}" -c "create table bench_received (id bigint)" -c "\copy bench_received from '$WORK/received.txt'"
"${PSQL[@]}" <<SQL
WITH counts AS (SELECT id, count(*) AS n FROM bench_received GROUP BY id),
dup AS (SELECT c.id, c.n FROM counts c WHERE c.n > 1)
SELECT 'RESULT letters=' || (SELECT count(*) FROM mp_email)
    || ' sent=' || (SELECT count(*) FROM mp_email WHERE status = 'sent')
    || ' lost=' || (SELECT count(*) FROM mp_email m WHERE NOT EXISTS (SELECT 1 FROM counts c WHERE c.id = m.id))
    || ' received=' || (SELECT count(*) FROM bench_received)
    || ' duplicates=' || (SELECT coalesce(sum(n - 1), 0) FROM dup)
    || ' duplicates_outside_window=' || (SELECT count(*) FROM dup WHERE id NOT IN (SELECT id FROM bench_window))
    || ' window=' || (SELECT count(*) FROM bench_window)
    || ' kills=$KILLS seconds=$seconds';
SQL
echo "(window: letters in 'sending' when a kill landed; each may be sent twice, with the same Message-ID)"
