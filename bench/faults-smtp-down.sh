#!/usr/bin/env bash
# Fault: the SMTP server down for DOWN seconds, then back, with mail queued before and during the outage (issue 8).
#   1. starts PostgreSQL, the SMTP sink and the packaged app (per-inbox limit off); stops the sink;
#   2. queues half of LETTERS letters to MPs and CONFIRMATIONS confirmation mails at once, the other half midway
#      through the outage; every attempt meanwhile fails and is retried with the outbox's backoff;
#   3. starts the sink again on the same port and waits until everything is sent;
#   4. prints: queued, sent, failed, lost, duplicates, the time to drain after SMTP came back, and how much of it the
#      backoff explains (the latest retry already scheduled when SMTP came back): "stall" is the rest.
# Usage: bench/faults-smtp-down.sh [DOWN=120] [LETTERS=2000] [CONFIRMATIONS=500]   (REBUILD=0 reuses target/)
source "$(dirname "$0")/lib.sh"
DOWN=${1:-120}
LETTERS=${2:-2000}
CONFIRMATIONS=${3:-500}
need
package_app
start_postgres
start_smtp_sink
export MP_EMAIL_PER_INBOX_PER_MINUTE=0
start_app
smtp_sink_down
echo "SMTP sink stopped for ${DOWN}s"

queue_confirmations() { # $1 = how many, $2 = tag: pending signatures, each with a queued confirmation mail
  "${PSQL[@]}" <<SQL
INSERT INTO signature (id, campaign_id, first_name, last_name, email, canonical_email, postal_code, province,
                       language)
SELECT gen_random_uuid(), c.id, 'Bench', 'Signer', 'c$2-' || g || '@bench.example.ca',
       'c$2-' || g || '@bench.example.ca', 'K1A 0A6', 'ON', 'fr'
FROM campaign c, generate_series(1, $1) g WHERE c.slug = 'end-ice-complicity';
INSERT INTO confirmation_mail (signature_id) SELECT id FROM signature WHERE email LIKE 'c$2-%@bench.example.ca';
SQL
}
down_at=$(date +%s)
queue_letters $((LETTERS / 2)) down1
queue_confirmations $((CONFIRMATIONS / 2)) down1
sleep $((DOWN / 2))
queue_letters $((LETTERS - LETTERS / 2)) down2
queue_confirmations $((CONFIRMATIONS - CONFIRMATIONS / 2)) down2
sleep $(( DOWN - ($(date +%s) - down_at) > 0 ? DOWN - ($(date +%s) - down_at) : 0 ))
pending() {
  "${PSQL[@]}" -c "select (select count(*) from mp_email where status <> 'sent')
                        + (select count(*) from confirmation_mail where status <> 'sent')"
}
echo "during the outage: $(( LETTERS + CONFIRMATIONS - $(pending) )) sent (expected 0), attempts so far:" \
  "$("${PSQL[@]}" -c "select sum(attempts) from mp_email")" "letters," \
  "$("${PSQL[@]}" -c "select sum(attempts) from confirmation_mail")" "confirmations"
backoff=$("${PSQL[@]}" -c "select greatest(0, ceil(extract(epoch from max(next_attempt_at) - now())))::int from
  (select next_attempt_at from mp_email where status = 'queued' union all
   select next_attempt_at from confirmation_mail where status = 'queued') q")
start_smtp_sink
up_at=$(date +%s)
limit=$((backoff + 300))
while [ "$(pending)" -gt 0 ] && [ $(( $(date +%s) - up_at )) -lt "$limit" ]; do sleep 0.5; done
drain=$(( $(date +%s) - up_at ))
sleep 2
sink_letter_ids > "$WORK/received.txt"
received=$(wc -l < "$WORK/received.txt")
distinct=$(sort -u "$WORK/received.txt" | wc -l)
other=$(( $(wc -l < "$WORK/sink.log") - received ))
"${PSQL[@]}" <<SQL
SELECT 'RESULT letters=' || count(*) || ' sent=' || count(*) FILTER (WHERE status = 'sent')
    || ' failed=' || count(*) FILTER (WHERE status = 'failed')
    || ' lost=' || ($LETTERS - $distinct) || ' received=$received duplicates=$((received - distinct))'
    || ' max_attempts=' || max(attempts)
FROM mp_email;
SELECT 'RESULT confirmations=' || count(*) || ' sent=' || count(*) FILTER (WHERE status = 'sent')
    || ' failed=' || count(*) FILTER (WHERE status = 'failed') || ' received=$other'
    || ' max_attempts=' || max(attempts)
FROM confirmation_mail;
SQL
echo "RESULT smtp_down_s=$DOWN drained_s_after_smtp_back=$drain backoff_explains_s=$backoff" \
  "stall_s=$(( drain > backoff ? drain - backoff : 0 ))"
