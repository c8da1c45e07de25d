#!/usr/bin/env bash
# Fault: PostgreSQL's disk full during sustained intake (issue 8).
#   1. starts PostgreSQL, an SMTP sink and the packaged app; moves the signature and confirmation_mail tables and
#      their indexes to a tablespace on a tmpfs of SIZE (WAL stays on the main disk, so PostgreSQL itself keeps
#      running and refuses writes with SQL state 53100 "could not extend file");
#   2. bench/IntakeLoad.java posts unique signatures with THREADS clients until intake has answered 503 for FULL
#      seconds (or SECONDS pass), then the tmpfs is grown (space returns) and intake goes on for AFTER seconds;
#   3. prints: 202 answers without a row (must be 0), 503 answers and whether each was problem+json with Retry-After,
#      the slowest 503, client timeouts and the time from space returning to the next 202.
# Usage: bench/faults-disk-full.sh [SIZE=3M] [FULL=10] [AFTER=10] [THREADS=16] [SECONDS=120]   (REBUILD=0 reuses target/)
source "$(dirname "$0")/lib.sh"
SIZE=${1:-3M}
FULL=${2:-10}
AFTER=${3:-10}
THREADS=${4:-16}
LIMIT=${5:-120}
need
package_app
start_postgres
start_smtp_sink
start_app "${INTAKE_OPTS[@]}"
app_pid=$APP_PID

SMALL="$WORK/small-disk"
mkdir -p "$SMALL"
mount -t tmpfs -o size="$SIZE",mode=0700 tmpfs "$SMALL"
AFTER_POSTGRES+=("umount '$SMALL'")
chown postgres "$SMALL"
"${PSQL[@]}" <<SQL
CREATE TABLESPACE small_disk LOCATION '$SMALL';
ALTER TABLE signature SET TABLESPACE small_disk;
ALTER TABLE confirmation_mail SET TABLESPACE small_disk;
DO \$\$ DECLARE i record; BEGIN
  FOR i IN SELECT indexname FROM pg_indexes WHERE tablename IN ('signature', 'confirmation_mail') LOOP
    EXECUTE format('ALTER INDEX %I SET TABLESPACE small_disk', i.indexname);
  END LOOP;
END \$\$;
SQL
echo "signature and confirmation_mail moved to a ${SIZE} tmpfs ($(df -h --output=used "$SMALL" | tail -1 | xargs) used)"

intake_load "$LIMIT" "$THREADS" "$WORK/load.log"
full_since=""
started=$(date +%s)
while kill -0 "$LOAD_PID" 2>/dev/null && [ $(( $(date +%s) - started )) -lt "$LIMIT" ]; do
  if [ -z "$full_since" ] && awk '$2 == 503 {found = 1; exit} END {exit !found}' "$WORK/load.log" 2>/dev/null; then
    full_since=$(date +%s)
    echo "Disk full: intake answers 503 ($(df -h --output=used,size "$SMALL" | tail -1 | xargs) used)"
  fi
  [ -n "$full_since" ] && [ $(( $(date +%s) - full_since )) -ge "$FULL" ] && break
  sleep 0.5
done
[ -n "$full_since" ] || echo "the disk never filled within ${LIMIT}s: use a smaller SIZE"
mount -o remount,size=1G "$SMALL"
back=$(now_ms)
echo "Space returned (tmpfs grown to 1G); intake goes on for ${AFTER}s"
sleep "$AFTER"
stop_intake_load "$WORK/load.log"
sleep 2
kill -0 "$app_pid" && echo "RESULT app_restarted=no (same process $app_pid throughout)" \
  || echo "RESULT app_restarted=yes (the app died)"
report_intake "$WORK/load.log" "$back"
"${PSQL[@]}" -c "select 'RESULT rows_stored=' || count(*) from signature where email like 'f-%'"
