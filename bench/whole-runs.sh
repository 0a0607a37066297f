# Sourced by bench/startup and bench/deep: times whole `./chan` processes.

# time_whole_runs RUNS COMMAND…: runs COMMAND RUNS times (its output discarded) and sets `walls`
# and `cpus` to each run's wall time and CPU time (user + system: every thread of the process and
# of its children), in s. With run_gap=S set, it waits S seconds before each run.
time_whole_runs() {
  local runs=$1 out wall user sys
  shift
  walls=()
  cpus=()
  for _ in $(seq "$runs"); do
    [ -z "${run_gap:-}" ] || sleep "$run_gap"
    out=$( { /usr/bin/time -f '%e %U %S' "$@" >/dev/null; } 2>&1 | tail -1)
    read -r wall user sys <<< "$out"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
  done
}

# median VALUES…: the median of the numbers given (the mean of the middle two for an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
