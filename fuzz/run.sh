#!/usr/bin/env bash
# Run every fuzz target (or the ones named) for a bounded time, with seeds from tests/fixtures.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 30 s each; targets: text jsonl
#                                                      html warc parquet fix extract)
#
# Needs atheris in the venv (.venv/bin/pip install atheris). Corpora grow in fuzz/work/corpus/
# (kept between runs, not committed); a crashing input is saved in fuzz/crashes/<target>/ and the
# script exits 1. The last lines print one row per target: executions, corpus size, outcome.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
py="${PYTHON:-$root/.venv/bin/python}"
seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(text jsonl html warc parquet fix extract)
work="${FUZZ_WORK:-$here/work}"

if ! "$py" -c "import atheris" 2>/dev/null; then
  echo "fuzz/run.sh: atheris is not installed in $py; install it with: $py -m pip install atheris" >&2
  exit 2
fi
rm -rf "$work/seeds"
"$py" "$here/seeds.py" "$work/seeds" >/dev/null || exit 2

failed=0
summary=()
for t in "${targets[@]}"; do
  script="$here/fuzz_$t.py"
  if [ ! -f "$script" ]; then
    echo "fuzz/run.sh: no target '$t' (no $script)" >&2
    exit 2
  fi
  mkdir -p "$work/corpus/$t" "$here/crashes/$t"
  log="$work/$t.log"
  echo "== fuzz_$t: ${seconds} s"
  PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" "$py" "$script" \
    "$work/corpus/$t" "$work/seeds/$t" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$here/crashes/$t/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)"
  corpus="$(ls "$work/corpus/$t" | wc -l)"
  if [ $rc -eq 0 ]; then
    outcome="ok"
  else
    outcome="FAILED (exit $rc): $(ls -t "$here/crashes/$t" | head -1); see $log"
    failed=1
    grep -E '^(Traceback|  File|[A-Za-z]*Error|AssertionError|==[0-9]+== ERROR)' "$log" | tail -8
  fi
  summary+=("$(printf '%-8s %8s s %12s execs %6s corpus  %s' "$t" "$seconds" "${execs:-?}" "$corpus" "$outcome")")
done
echo
printf '%s\n' "${summary[@]}"
exit $failed
