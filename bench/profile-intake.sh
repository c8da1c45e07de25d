#!/usr/bin/env bash
# Where intake's CPU goes, per signature. Starts the bench setup (lib.sh: PostgreSQL with pg_stat_statements, SMTP
# sink, packaged app), warms up, then drives full intake (wrk, bench/signatures.lua, rate limits on as in
# bench/signatures.sh) for DURATION seconds while recording:
#   - the CPU time of the app, of PostgreSQL (postmaster and its children) and of wrk, per signature (/proc);
#   - a JFR recording of the app (settings=profile), its execution samples sorted into intake's parts by the
#     innermost frame of each stack that belongs to one (bench/jfr-parts.py);
#   - pg_stat_statements: the statements' execution time and rows, triggers' statements included (track = all).
# Usage: bench/profile-intake.sh [DURATION=30] [CONNECTIONS=64]   env WARMUP=40 REBUILD=1 APP_OPTS=(extra -D options)
# The recording and the reports stay in target/profile-intake/.
source "$(dirname "$0")/lib.sh"
DURATION=${1:-30}
CONNECTIONS=${2:-64}
OUTDIR=${OUTDIR:-$ROOT/target/profile-intake}
mkdir -p "$OUTDIR"
need
package_app
pg_stat_statements_on
start_postgres
"${PSQL[@]}" -c "create extension if not exists pg_stat_statements"
start_smtp_sink
# shellcheck disable=SC2086
start_app "${INTAKE_OPTS[@]}" ${APP_OPTS:-}
LUA="$ROOT/bench/signatures.lua"
echo "Rate limits on (one client address per signer through the trusted loopback proxy), proof of work off"
warm_up "${WARMUP:-40}" "$LUA"   # long enough for the JIT to finish on a busy machine
sleep 2

"${PSQL[@]}" -c "select pg_stat_statements_reset()" >/dev/null
before=$("${PSQL[@]}" -c "select count(*) from signature")
app0=$(ticks "$APP_PID"); pg0=$(pg_ticks)
jcmd "$APP_PID" JFR.start name=intake settings=profile filename="$OUTDIR/intake.jfr" >/dev/null
TIMEFORMAT='%U %S'
wrk_cpu=$( { time wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$LUA" \
  "http://127.0.0.1:$APP_PORT" > "$OUTDIR/wrk.txt" 2>&1; } 2>&1 )
jcmd "$APP_PID" JFR.stop name=intake >/dev/null
app1=$(ticks "$APP_PID"); pg1=$(pg_ticks)
load=$(load_average)
sleep 1
after=$("${PSQL[@]}" -c "select count(*) from signature")
n=$((after - before))
hz=$(getconf CLK_TCK)
grep '^RESULT' "$OUTDIR/wrk.txt"
echo "signatures stored during the profile: $n in ${DURATION} s; load average $load; $(nproc) cores"
awk -v n="$n" -v hz="$hz" -v app=$((app1 - app0)) -v pg=$((pg1 - pg0)) -v w="$wrk_cpu" -v d="$DURATION" 'BEGIN {
  split(w, t, " "); wrk = (t[1] + t[2]) * hz;
  total = app + pg + wrk;
  printf "RESULT cpu_per_signature_us app=%.0f postgresql=%.0f wrk=%.0f total=%.0f\n",
    app / hz * 1e6 / n, pg / hz * 1e6 / n, wrk / hz * 1e6 / n, total / hz * 1e6 / n;
  printf "RESULT cpu_share app=%.0f%% postgresql=%.0f%% wrk=%.0f%% (of the CPU time the three used: %.1f cores)\n",
    100 * app / total, 100 * pg / total, 100 * wrk / total, total / hz / d }' | tee "$OUTDIR/cpu.txt"

echo "== app: JFR execution samples by part (share of samples; us per signature from the app's CPU above)"
jfr print --events jdk.ExecutionSample --stack-depth 96 "$OUTDIR/intake.jfr" > "$OUTDIR/samples.txt"
app_us=$(sed -nE "s/^RESULT cpu_per_signature_us app=([0-9]+).*/\1/p" "$OUTDIR/cpu.txt")
python3 "$ROOT/bench/jfr-parts.py" "$OUTDIR/samples.txt" "$app_us" | tee "$OUTDIR/parts.txt"
echo "JIT compilations during the recording (few: the app was warm): $(jfr print --events jdk.Compilation \
  "$OUTDIR/intake.jfr" | grep -c '^jdk.Compilation')"

echo "== PostgreSQL: pg_stat_statements (top 8 by execution time; us per signature = total / signatures stored)"
"${PSQL[@]}" -F ' | ' -c "select round(total_exec_time::numeric * 1000 / $n, 1) as us_per_signature,
    round(total_plan_time::numeric * 1000 / $n, 1) as plan_us_per_signature, calls,
    rows, round(mean_exec_time::numeric, 2) as mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 90)
  from pg_stat_statements order by total_exec_time desc limit 8" | tee "$OUTDIR/statements.txt"
"${PSQL[@]}" -c "select 'WAL bytes per signature: ' || round(sum(wal_bytes) / $n) from pg_stat_statements"
echo "(execution time includes waiting for locks, not for the commit's fsync; the trigger's statements are listed"
echo " on their own and are also inside the batch statement's time)"
