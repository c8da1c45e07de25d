#!/usr/bin/env bash
# Riding lookup benchmark: postal-code lookups and map-point locates served from local data, against the packaged
# application and a real PostgreSQL, both started here on free loopback ports and stopped on exit.
#
#   bench/riding-lookup.sh                 # build, warm up, then 30 s of lookups and 30 s of locates
#   DURATION=10s CONNECTIONS=32 SKIP_BUILD=1 ENDPOINTS="locate lookup" RUNS=3 JAVA_OPTS=-XX:+UseParallelGC bench/riding-lookup.sh
#
# ENDPOINTS (default "lookup locate health") are measured in turn, RUNS times (default 1). "health" is the HTTP
# ceiling: GET /q/health/live, the cheapest answer the app has, served by the same Vert.x on the management port
# (9000 in production, a free one here), with the same wrk settings; lookups near it cost little beyond HTTP.
# (RUNS used to name the endpoints: a non-numeric RUNS still does.)
#
# Needs: java 17, PostgreSQL server binaries (apt-get install postgresql), wrk (apt-get install wrk), python3.
# Targets (issue "Riding lookup"): >= 30,000 lookups/s with p99 <= 5 ms, and >= 10,000 locates/s, on 2 cores.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
OUT=${OUT:-bench/out/riding}
if [[ "${RUNS:-1}" =~ ^[0-9]+$ ]]; then REPEAT=${RUNS:-1}; else ENDPOINTS=$RUNS; REPEAT=1; fi
ENDPOINTS=${ENDPOINTS:-lookup locate health}
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing: $1 ($2)" >&2; exit 2; }; }
need wrk "apt-get install -y wrk"
need python3 "apt-get install -y python3"
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || { echo "missing: PostgreSQL server (apt-get install -y postgresql)" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

WORK=$(mktemp -d /tmp/riding-bench.XXXXXX)
APP_PID=""
PG_USER=postgres
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }

cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
    if [ -f "$WORK/pg/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building"
    ./mvnw -B -q package -DskipTests
fi

echo "== starting PostgreSQL"
PG_PORT=$(free_port)
if [ "$(id -u)" = 0 ]; then chown "$PG_USER" "$WORK"; fi
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U bench --auth=trust -E UTF8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null

echo "== starting the application"
APP_PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" DB_USER=bench DB_PASSWORD=bench \
APP_SECRET="bench-secret-not-for-production-0123456789" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
MP_EMAIL_FROM=letters@bench.example.ca MAIL_FROM="Constituent <campaigns@bench.example.ca>" \
    java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application did not start; see $OUT/app.log" >&2; exit 1; }
    sleep 0.5
done
curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null

echo "== requests: random postal codes over every FSA, and GeoNames FSA points"
python3 - "$OUT" "${GEONAMES:-../shared/data/fsa_geonames_2024.csv}" <<'PY'
import csv, os, random, sys
out, geonames = sys.argv[1], sys.argv[2]
random.seed(42)
letters = "ABCEGHJKLMNPRSTVWXYZ"
fsas = sorted({r["fsa"] for r in csv.DictReader(open("src/main/resources/data/ridings/fsa_to_fed_2023_overlap.csv"))})
with open(f"{out}/lookup-paths.txt", "w") as f:
    for _ in range(50_000):
        code = random.choice(fsas) + "%20" + str(random.randint(0, 9)) + random.choice(letters) + str(random.randint(0, 9))
        f.write(f"/api/ridings/lookup?postalCode={code}\n")
points = []
if os.path.exists(geonames):  # one GeoNames point per FSA: where people live, a few offshore or outside Canada
    points = [(r["latitude"], r["longitude"]) for r in csv.DictReader(open(geonames))
              if r["latitude"] and float(r["latitude"]) < 84]
if not points:  # no GeoNames file beside the project: random points in the ten most populous cities' boxes
    for lat, lon in [(43.70, -79.42), (45.50, -73.57), (51.05, -114.07), (45.42, -75.70), (53.55, -113.49),
                     (49.90, -97.14), (46.81, -71.21), (49.28, -123.12), (44.65, -63.57), (52.13, -106.67)]:
        points += [(lat + random.uniform(-0.08, 0.08), lon + random.uniform(-0.1, 0.1)) for _ in range(200)]
with open(f"{out}/locate-paths.txt", "w") as f:
    for _ in range(50_000):
        lat, lon = random.choice(points)
        f.write(f"/api/ridings/locate?lat={float(lat):.5f}&lon={float(lon):.5f}\n")
with open(f"{out}/health-paths.txt", "w") as f:
    f.write("/q/health/live\n")
PY

cat > "$WORK/paths.lua" <<'LUA'
-- Requests are formatted once, so wrk spends its CPU sending them rather than building them.
local requests = {}
init = function(args)
    for line in io.lines(args[1]) do requests[#requests + 1] = wrk.format("GET", line) end
    math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end
request = function()
    return requests[math.random(#requests)]
end
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }

port_of() { if [ "$1" = health ]; then echo "$MANAGEMENT_PORT"; else echo "$APP_PORT"; fi; }

run() {
    local name=$1 file=$2 run=${3:-1}
    echo "== $name (run $run): $DURATION, $CONNECTIONS connections, $THREADS wrk thread(s)"
    local before after
    before=$(cpu_ticks)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/paths.lua" "http://127.0.0.1:$(port_of "$name")" \
        -- "$file" | tee "$OUT/$name.txt"
    after=$(cpu_ticks)
    local rps p50 p99 requests cpu
    rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
    requests=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
    # The app's own CPU time per request: a figure that other load on the machine disturbs less than requests/s.
    cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
        'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
    echo "RESULT $name: $rps requests/s, p50 $p50, p99 $p99, app CPU ${cpu} us/request (run $run, load" \
        "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /))" | tee -a "$OUT/summary.txt"
}

: > "$OUT/summary.txt"
# Every endpoint is warmed up before any is measured, so no measurement pays for compiling the shared HTTP path.
warm_all() { # one round: ROUND seconds spread over every endpoint
    local name
    for name in $ENDPOINTS; do
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$(( ${ROUND:-12} / $(echo $ENDPOINTS | wc -w) ))s" -s "$WORK/paths.lua" \
            "http://127.0.0.1:$(port_of "$name")" -- "$OUT/$name-paths.txt" >/dev/null
    done
}
source bench/jit.sh
echo "== warm-up: $ENDPOINTS, at least ${WARMUP%s} s and until the JIT has settled"
ROUND=${ROUND:-12} warm_until_jit_settles "$APP_PID" "${WARMUP%s}" warm_all
# Endpoints alternate within each run, so each ratio to the ceiling compares figures taken minutes apart at most.
for run in $(seq 1 "$REPEAT"); do
    for name in $ENDPOINTS; do
        run "$name" "$OUT/$name-paths.txt" "$run"
    done
done
echo "== summary ($(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT)"
cat "$OUT/summary.txt"
