#!/usr/bin/env bash
# End-to-end timing of the real binary in a real terminal (issue 13): key press → the frame that
# shows its result, on generated backlogs. Run by hand, not in CI:
#
#   benches/e2e.sh                 # 10k and 100k measures
#   benches/e2e.sh 10000 300000    # the sizes you name
#
# For each size it writes a generated backlog (examples/generate.rs, the benches' generator),
# starts target/release/tiltak in a private tmux server, waits for the first rows, and then
# times, ROUNDS times each (median and worst printed, in ms):
#   s          step the selected measure's status: until the screen changes (the new status)
#   j          the next row while the save of the `s` before it is still running
#   / skole    each key of a search: until the rows for the query are shown (not "searching …")
# Two clocks per row: "seen" from just before `tmux send-keys` to the first `capture-pane` that
# shows the change (tmux's own round trip included, printed first: a key the app ignores and one
# read of the screen), and "app" from the app's own log (TILTAK_FRAME_LOG, src/tui/frame_log.rs):
# reading the key → the first frame after it, or for search → the frame with the rows shown.
# The file is checked at the end: quit right after an edit, the edit is in the file.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-10}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000)
command -v tmux >/dev/null || { echo "e2e.sh needs tmux" >&2; exit 1; }

cargo build --release --quiet --bin tiltak --example generate
BIN=$PWD/target/release/tiltak
GEN=$PWD/target/release/examples/generate
WORK=$(mktemp -d)
SERVER="tiltak-e2e-$$"
T() { tmux -L "$SERVER" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

now_ms() { date +%s%N | awk '{printf "%.1f", $1 / 1000000}'; }
screen() { T capture-pane -p -t e2e; }

# Sends one key and prints the milliseconds until the screen differs from before (and, with a
# second argument, no longer contains that text).
timed_key() {
  local key=$1 busy=${2:-} before start shown
  before=$(screen)
  start=$(now_ms)
  T send-keys -t e2e "$key"
  while :; do
    shown=$(screen)
    if [ "$shown" != "$before" ] && { [ -z "$busy" ] || [[ "$shown" != *"$busy"* ]]; }; then
      break
    fi
    # A breath between looks: back to back, tmux clients would take a core from the app.
    sleep 0.002
  done
  awk -v a="$start" -v b="$(now_ms)" 'BEGIN { printf "%.1f\n", b - a }'
}

# Median and worst of the numbers on stdin.
summary() {
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "median %6.1f ms   worst %6.1f ms   (%d)\n", m, v[NR], NR }'
}

# The app's own times for the keys matching the regex $1, column $2 of its frame log.
app_times() { awk -v k="^$1\$" -v c="$2" '$1 ~ k { print $c }' "$log"; }

wait_for() {
  local text=$1 tries=0
  until screen | grep -q -- "$text"; do
    sleep 0.05
    tries=$((tries + 1))
    [ $tries -lt 1200 ] || { echo "never showed: $text" >&2; screen >&2; exit 1; }
  done
}

for size in "${SIZES[@]}"; do
  file="$WORK/backlog-$size.json"
  "$GEN" "$size" "$file"
  echo "== $size measures, $(( $(stat -c %s "$file") / 1000000 )) MB"
  start=$(now_ms)
  log="$WORK/frames-$size.log"
  T new-session -d -s e2e -x 160 -y 45 "TILTAK_FRAME_LOG='$log' $BIN --lang en --data '$file'"
  wait_for "1/$size"
  awk -v a="$start" -v b="$(now_ms)" 'BEGIN { printf "launch → first rows   %.0f ms\n", b - a }'
  wait_for "saved"

  # The floor: tmux's round trip (send a key the app ignores, read the screen once).
  floor=()
  for _ in $(seq "$ROUNDS"); do
    start=$(now_ms); T send-keys -t e2e F12; screen >/dev/null
    floor+=("$(awk -v a="$start" -v b="$(now_ms)" 'BEGIN { printf "%.1f\n", b - a }')")
  done
  printf 'tmux round trip       '; printf '%s\n' "${floor[@]}" | summary

  : >"$log"
  s_times=() j_times=()
  for _ in $(seq "$ROUNDS"); do
    s_times+=("$(timed_key s)")
    j_times+=("$(timed_key j)")
  done
  printf 's → new status   seen '; printf '%s\n' "${s_times[@]}" | summary
  printf '                 app  '; app_times s 2 | summary
  printf 'j while saving   seen '; printf '%s\n' "${j_times[@]}" | summary
  printf '                 app  '; app_times j 2 | summary

  # The search is timed with no save running (the writer's serialization would share the two
  # cores with the search thread; `j while saving` above covers keys during a save).
  wait_for "saved"
  : >"$log"
  search_times=()
  for _ in $(seq "$ROUNDS"); do
    T send-keys -t e2e /
    wait_for "/ "
    for key in s k o l e; do
      search_times+=("$(timed_key "$key" "searching")")
    done
    T send-keys -t e2e Escape Escape
    sleep 0.3
  done
  printf 'search → rows    seen '; printf '%s\n' "${search_times[@]}" | summary
  printf '                 app  '; app_times "[skole]" 3 | summary

  # Quit right after an edit: the edit must be in the file.
  wait_for "saved"
  T send-keys -t e2e s q
  for _ in $(seq 600); do T has-session -t e2e 2>/dev/null || break; sleep 0.05; done
  if T has-session -t e2e 2>/dev/null; then echo "the app did not quit" >&2; exit 1; fi
  T kill-server 2>/dev/null || true
  "$BIN" --lang en --data "$file" list --json >/dev/null
  echo "quit right after an edit: the file reads back"
done
