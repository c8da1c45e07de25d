#!/usr/bin/env bash
# Start-up and memory benchmark (issue: deploy and scale out, "fast and small"), on this machine:
#   1. packages the app and starts a Debian PostgreSQL on loopback; one first start migrates the database;
#   2. starts the packaged app RUNS more times against the migrated database and times each start, from launching
#      java to the first 200 of /q/health/ready (on the HTTP port or the management port, whichever answers), with
#      and without an AppCDS archive (made here as docker/Dockerfile.jvm makes it), alternately;
#   3. runs full signature intake (bench/signatures.lua) for LOAD seconds under the container JVM settings, with the
#      container's memory limit emulated by -XX:MaxRAM, and prints the RSS (and its peak) at the end, with the
#      intake rate. With COMPARE=1 it first runs the same load with the old settings (-Xmx1g) to compare the rates.
# Usage: bench/startup.sh            RUNS=5 LOAD=60 LIMIT=512m COMPARE=0 REBUILD=1 JAVA_OPTS=...(container settings)
# Targets: ready <= 1.5 s (median of 5) on a migrated database; RSS <= 300 MB after 60 s of intake load.
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-5}
LOAD=${LOAD:-60}
LIMIT=${LIMIT:-512m}
# The JVM options of docker/Dockerfile.jvm: heap and code sized from the container's memory limit.
# The archive is left out here: the start-ups below are measured without and with it.
CONTAINER_OPTS=$(sed -nE 's/^ENV JAVA_OPTS="(.*)"$/\1/p' "$ROOT/docker/Dockerfile.jvm" \
  | sed -E 's/-XX:SharedArchiveFile=[^ ]+ ?//; s/-Xshare:auto ?//')
# and its malloc arenas (glibc), which count in the RSS
MALLOC_ARENA_MAX=$(sed -nE 's/^ENV MALLOC_ARENA_MAX=([0-9]+)$/\1/p' "$ROOT/docker/Dockerfile.jvm")
export MALLOC_ARENA_MAX
need
package_app
# A copy, so a build running meanwhile cannot change the app under measurement.
cp -r "$ROOT/target/quarkus-app" "$WORK/app"
(cd "$WORK/app" && sh "$ROOT/docker/appcds.sh" > "$WORK/appcds.log" 2>&1) \
  || echo "no AppCDS archive (see appcds.log); those starts run without one"
start_postgres
start_smtp_sink

now_ms() { date +%s%3N; }

# Starts the app with the given JVM options; sets APP_PID, APP_PORT, READY_MS (launch to first ready answer) and
# CPU_MS (the CPU time the process used until then: on a machine shared with other work, wall time is noisy, this less).
launch() {
  APP_PORT=$(free_port)
  local mgmt_port t0 t1 url
  mgmt_port=$(free_port)
  t0=$(now_ms)
  DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" DB_USER=postgres DB_PASSWORD=unused \
  APP_SECRET=bench-secret-bench-secret-bench-secret-0123 \
  SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT" QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_MANAGEMENT_PORT="$mgmt_port" \
  PUBLIC_BASE_URL="http://127.0.0.1:$APP_PORT" MP_EMAIL_FROM=letters@bench.example.ca \
  MAIL_FROM="Constituent <campaigns@bench.example.ca>" DB_ACQUISITION_TIMEOUT=${DB_ACQUISITION_TIMEOUT:-3S} \
    sh -c "cd '$WORK/app' && exec java $1 -jar quarkus-run.jar" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  PIDS+=($APP_PID)
  READY_MS=""
  for _ in $(seq 1 3000); do
    for url in "http://127.0.0.1:$mgmt_port/q/health/ready" "http://127.0.0.1:$APP_PORT/q/health/ready"; do
      if curl -fs -o /dev/null --max-time 1 "$url" 2>/dev/null; then
        t1=$(now_ms)
        READY_MS=$((t1 - t0))
        CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$APP_PID/stat")
        return 0
      fi
    done
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.01
  done
  echo "not ready after 60 s"; cat "$WORK/app.log"; exit 1
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
}

stats() { # min/median/max of the numbers on stdin
  sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms", a[1], a[int((NR+1)/2)], a[NR]}'
}

measure_start() { # $1 = JVM options, $2 = label: one start, its figures appended to $WORK/<label>-*.txt
  launch "$1"
  local started
  started=$(sed -nE 's/.*started in ([0-9.]+)s.*/\1/p' "$WORK/app.log" | head -1)
  echo "$2: ready after ${READY_MS} ms, ${CPU_MS} ms of CPU (Quarkus: started in ${started}s; load" \
    "$(cut -d' ' -f1 /proc/loadavg))"
  echo "$READY_MS" >> "$WORK/$2-ready.txt"
  echo "$CPU_MS" >> "$WORK/$2-cpu.txt"
  stop_app
}

JAVA_RUN="$CONTAINER_OPTS -XX:MaxRAM=$LIMIT"
echo "== Container JVM options: $JAVA_RUN (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)"
launch "$JAVA_RUN"
echo "first start (migrates an empty database): ${READY_MS} ms"
stop_app

echo "== $RUNS starts on the migrated database, each without and with the AppCDS archive"
CDS="-XX:SharedArchiveFile=app-cds.jsa -Xshare:auto"
for i in $(seq 1 "$RUNS"); do
  measure_start "$JAVA_RUN" plain
  [ -f "$WORK/app/app-cds.jsa" ] && measure_start "$JAVA_RUN $CDS" appcds
done
for label in plain appcds; do
  [ -f "$WORK/$label-ready.txt" ] || continue
  echo "RESULT ready ($label): $(stats < "$WORK/$label-ready.txt") over $RUNS starts (target: median <= 1500 ms)"
  echo "RESULT CPU to ready ($label): $(stats < "$WORK/$label-cpu.txt")"
done

intake() { # $1 = JVM options, $2 = label
  # As bench/signatures.sh: one client address per signer through a trusted proxy; limits counted, none reached.
  launch "$1 -Dconstituent.abuse.trusted-proxies=127.0.0.1/32 \
    -Dconstituent.abuse.limits.free-mail-domains=bench.example.ca \
    -Dconstituent.abuse.limits.confirmation-mails-per-hour=1000000000"
  warm_up 10 "$ROOT/bench/signatures.lua"
  local out result rss hwm
  out=$(wrk -t2 -c64 -d"${LOAD}s" --timeout 10s -s "$ROOT/bench/signatures.lua" "http://127.0.0.1:$APP_PORT")
  result=$(echo "$out" | grep '^RESULT')
  rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$APP_PID/status")
  hwm=$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$APP_PID/status")
  echo "RESULT $2: RSS ${rss} MB after ${LOAD} s of intake (peak ${hwm} MB), $(echo "$result" | sed -E \
    's/.*accepted=([0-9]+).*rps=([0-9.]+).*p99_ms=([0-9.]+).*/\2 signatures\/s, p99 \3 ms/')"
  stop_app
}

[ "$LOAD" = 0 ] && exit 0
if [ "${COMPARE:-0}" = 1 ]; then
  echo "== Intake with the old settings (-Xmx1g, no container limit)"
  MALLOC_ARENA_MAX= intake "-Xmx1g" "old settings"   # glibc's default arenas, as before
fi
echo "== Intake with the container settings (limit $LIMIT)"
intake "$JAVA_RUN $CDS" "container settings"
echo "(target: RSS <= 300 MB; $(nproc) cores shared with other work, load average $(cut -d' ' -f1-3 /proc/loadavg))"
