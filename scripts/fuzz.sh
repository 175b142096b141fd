#!/usr/bin/env bash
# Coverage-guided fuzzing of every decoder of outside data (docs/fuzzing.md).
#
#   scripts/fuzz.sh [seconds-per-target] [target ...]
#
# Runs each target (default: all six) for the given time (default 600 s),
# one after another, with cargo-fuzz (libFuzzer + AddressSanitizer) on the
# stable toolchain (RUSTC_BOOTSTRAP=1: cargo-fuzz needs -Zsanitizer), and
# prints per target: executions, executions per second, coverage (cov: edges,
# ft: features, from libFuzzer's final stats), corpus size and crashes.
# New corpus entries go to fuzz/corpus-run/<target>/ (ignored by git); the
# committed seeds in fuzz/corpus/<target>/ are only read. With MINIMIZE=1 the
# seeds are then replaced by `cargo fuzz cmin` of both.
# A crash input lands in fuzz/artifacts/<target>/: fix the decoder, then keep
# the input as fuzz/regressions/<target>/<name> (cargo test replays it).
#
# Not part of scripts/test.sh or CI: a full run takes an hour.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ALL_TARGETS=(protocol rpc p2p qr uri files)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")

ensure_rust
if ! cargo fuzz --version >/dev/null 2>&1; then
  step "installing cargo-fuzz"
  cargo install --locked cargo-fuzz --version 0.13.2
fi

export RUSTC_BOOTSTRAP=1 CARGO_INCREMENTAL=0
cd fuzz
step "building every target (release, debug assertions, AddressSanitizer)"
cargo fuzz build

mkdir -p logs
summary=()
for target in "${targets[@]}"; do
  step "fuzzing $target for ${seconds}s"
  mkdir -p "corpus-run/$target" "corpus/$target"
  log="logs/$target.log"
  mkdir -p "artifacts/$target"
  before=$(find "artifacts/$target" -type f | wc -l)
  status=0
  # Fork mode (one worker) goes on after a crash, so a run lasts its time
  # and reports every crash it finds; FORK=0 stops at the first crash.
  fork=()
  [ "${FORK:-1}" = 0 ] || fork=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  cargo fuzz run "$target" "corpus-run/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=4096 \
    "${fork[@]}" >"$log" 2>&1 || status=$?
  after=$(find "artifacts/$target" -type f | wc -l)
  # Final stats (single process), else the fork driver's last status line:
  # "#N: cov: C ft: F corp: P exec/s: R oom/timeout/crash: a/b/c time: Ts".
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+:? .*cov: ' "$log" | tail -1 || true)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  # (the fork line's exec/s is its last job's; the average is execs / time)
  elapsed=$(sed -n 's/.* time: \([0-9]*\)s.*/\1/p' <<<"$last")
  [ -n "$rate" ] || { [ -n "$execs" ] && [ "${elapsed:-0}" -gt 0 ] && rate=$((execs / elapsed)); } || true
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  crashes=$((after - before))
  line=$(printf '%-9s %6ss %12s %8s %7s %7s %12s %8s' "$target" "$seconds" "${execs:-?}" \
    "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$crashes")
  echo "$line"
  [ "$status" -eq 0 ] || echo "  libFuzzer exited with $status: see fuzz/$log and fuzz/artifacts/$target/"
  summary+=("$line")
  if [ "${MINIMIZE:-0}" = 1 ]; then
    step "minimizing the seeds of $target"
    rm -rf "corpus-min/$target" && mkdir -p "corpus-min/$target"
    cp "corpus/$target"/* "corpus-run/$target"/* "corpus-min/$target"/ 2>/dev/null || true
    cargo fuzz cmin "$target" "corpus-min/$target" >"logs/$target.cmin.log" 2>&1
    rm -rf "corpus/$target" && mv "corpus-min/$target" "corpus/$target"
  fi
done

step "summary ($(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD))"
printf '%-9s %7s %12s %8s %7s %7s %12s %8s\n' target time execs exec/s cov ft corpus crashes
printf '%s\n' "${summary[@]}"
