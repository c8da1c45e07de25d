#!/usr/bin/env bash
# MP email benchmarks (issue: MP email), all on this machine:
#   1. letter rendering: the seeded EN/FR templates rendered for varied signers on 2 threads (LetterRenderBench);
#   2. outbox drain: LETTERS queued letters sent by the packaged app into a local SMTP sink (bench/SmtpSink.java),
#      with the per-inbox limit off (MP_EMAIL_PER_INBOX_PER_MINUTE=0) so the figure is the outbox's own speed;
#   3. crash check: more letters queued, the app killed with SIGKILL mid-drain and restarted; every letter must be
#      sent, and the sink's log of Message-IDs shows how many were sent twice (the window between SMTP accept and
#      the commit of 'sent').
# Usage: bench/letters.sh [LETTERS=20000]   env RUNS=1 (rendering and drain repeated), RENDER_SECONDS=10,
#        WARMUP_LETTERS=2*LETTERS (drained first, not counted), CRASH=6000 (letters in the crash check; 0 skips it),
#        REBUILD=1
# The warm-up drain: a freshly started app drained its first 5,000 letters at 606-747/s and the next at
# 1,105-1,458/s (2026-11-23, five all.sh runs): a run on a cold app measured the JIT, not the outbox. After one
# warm-up batch a check drained 947 then 1,107/s, so two.
source "$(dirname "$0")/lib.sh"
LETTERS=${1:-${LETTERS:-20000}}
RUNS=${RUNS:-1}
WARMUP_LETTERS=${WARMUP_LETTERS:-$((2 * LETTERS))}
CRASH=${CRASH:-6000}
need

echo "== Rendering"
(cd "$ROOT" && ./mvnw -B -q test-compile && \
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt")
for run in $(seq 1 "$RUNS"); do
  echo "$(cd "$ROOT" && java -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" \
    ca.constituent.mpemail.LetterRenderBench 2 "${RENDER_SECONDS:-10}" | grep '^RESULT') run=$run" \
    "load=$(load_average | tr ' ' /)"
done

echo "== Outbox drain"
package_app
start_postgres
start_smtp_sink
export MP_EMAIL_PER_INBOX_PER_MINUTE=0 CONSTITUENT_OUTBOX_LEASE=PT5S
start_app

warm=0
if [ "$WARMUP_LETTERS" -gt 0 ]; then
  queue_letters "$WARMUP_LETTERS" warmup
  start=$(date +%s.%N)
  while [ "$(letters_sent)" -lt "$WARMUP_LETTERS" ]; do sleep 0.2; done
  awk -v n="$WARMUP_LETTERS" -v a="$start" -v b="$(date +%s.%N)" \
    'BEGIN{printf "warm-up: %d letters in %.2f s (%.0f/s), not counted\n", n, b-a, n/(b-a)}'
  warm=$WARMUP_LETTERS
fi
for run in $(seq 1 "$RUNS"); do
  queue_letters "$LETTERS" "drain$run"
  start=$(date +%s.%N)
  while [ "$(letters_sent)" -lt $((warm + LETTERS * run)) ]; do sleep 0.2; done
  end=$(date +%s.%N)
  awk -v n="$LETTERS" -v a="$start" -v b="$end" -v run="$run" -v load="$(load_average | tr ' ' /)" \
    'BEGIN{printf "RESULT letters=%d seconds=%.2f mails_per_s=%.0f (target >= 800) run=%d load=%s\n", n, b-a, n/(b-a),
      run, load}'
done
echo "sink received: $(wc -l < "$WORK/sink.log") messages, $(sort -u "$WORK/sink.log" | wc -l) distinct Message-IDs"
[ "$CRASH" -gt 0 ] || exit 0

echo "== Crash check (SIGKILL mid-drain)"
base=$(wc -l < "$WORK/sink.log")
queue_letters "$CRASH" crash
sleep 3
before_kill=$(letters_sent)
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
in_flight=$("${PSQL[@]}" -c "select count(*) from mp_email where status = 'sending'")
echo "killed with $((before_kill - warm - LETTERS * RUNS)) of $CRASH sent, $in_flight in 'sending'"
start_app
total=$((warm + LETTERS * RUNS + CRASH))
for _ in $(seq 1 600); do [ "$(letters_sent)" -ge "$total" ] && break; sleep 0.5; done
received=$(tail -n +"$((base + 1))" "$WORK/sink.log" | wc -l)
distinct=$(tail -n +"$((base + 1))" "$WORK/sink.log" | sort -u | wc -l)
lost=$("${PSQL[@]}" -c "select count(*) from mp_email where status <> 'sent'")
echo "RESULT crash: letters=$CRASH received=$received distinct=$distinct duplicates=$((received - distinct)) not_sent=$lost"
echo "(a duplicate is possible only for a letter SMTP had accepted when the process died: at most the $in_flight in 'sending', bounded by constituent.outbox.in-flight)"
