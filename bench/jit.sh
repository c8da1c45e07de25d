#!/usr/bin/env bash
# Sourced by the bench scripts: warm-up that lasts until the JIT compiler has done its work.

jit_ticks() { # $1 = java pid: CPU ticks its JIT compiler threads (C1, C2) have used so far
  local total=0 task
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) total=$((total + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)));;
    esac
  done
  echo "$total"
}

warm_until_jit_settles() { # $1 = java pid, $2 = minimum seconds, then a command that puts load on it for ROUND s
  # The figures that count come after the JIT has compiled the hot paths. This app compiles for a long time: about
  # 45 s of C2 CPU before intake runs at full speed (seen at load 13 on the 2-core machine), far past a fixed 15 s
  # warm-up, so a measurement taken earlier measures the compiler. Rounds of load go on until the compiler threads
  # used under SETTLED (5 %) of one core in a round, after at least the minimum, at most WARMUP_MAX (300) seconds.
  local pid=$1 min=$2 started before after used hz
  shift 2
  hz=$(getconf CLK_TCK)
  started=$(date +%s)
  while :; do
    before=$(jit_ticks "$pid")
    "$@" >/dev/null 2>&1 || true
    after=$(jit_ticks "$pid")
    used=$(awk -v t=$((after - before)) -v hz="$hz" -v r="${ROUND:-10}" 'BEGIN {printf "%.1f", t / hz / r * 100}')
    local elapsed=$(($(date +%s) - started))
    if [ "$elapsed" -ge "$min" ] && awk -v u="$used" -v s="${SETTLED:-5}" 'BEGIN {exit !(u < s)}'; then
      echo "warm-up: ${elapsed} s, JIT compiler at ${used} % of a core in the last round (settled)"
      return
    fi
    if [ "$elapsed" -ge "${WARMUP_MAX:-300}" ]; then
      echo "warm-up: ${elapsed} s, JIT compiler still at ${used} % of a core (WARMUP_MAX reached)"
      return
    fi
  done
}
