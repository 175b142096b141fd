#!/bin/bash
# Differential check of jifen-gs1's pre-hash strings against the CBV 2.0
# reference implementation (PyPI epcis-event-hash-generator). Not run by cargo:
# it needs Python and a network install. Usage:
#   python3 -m venv /tmp/ehg && /tmp/ehg/bin/pip install epcis-event-hash-generator
#   cargo build -p jifen-gs1 --example epcis_hash
#   gs1/tests/differential/compare.sh /tmp/ehg/bin/python SEED...
set -eu
python=$1; shift
root=$(cd "$(dirname "$0")/../../.." && pwd)
ours="$root/target/debug/examples/epcis_hash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for seed in "$@"; do
  rm -f f*.jsonld*
  python3 "$root/gs1/tests/differential/gen_events.py" "$seed"
  events=0; differing=0
  for f in f*.jsonld; do
    "$python" -m epcis_event_hash_generator -p -l CRITICAL "$f" 2>/dev/null | sed -n '/Pre-hash/,$p' | grep '^eventType' > "$f.ref" || true
    "$ours" -p "$f" | grep '^eventType' > "$f.ours"
    events=$((events + $(wc -l < "$f.ours")))
    if ! cmp -s "$f.ref" "$f.ours"; then
      differing=$((differing + 1))
      diff "$f.ref" "$f.ours" | head -4
    fi
  done
  echo "seed $seed: $events events, $differing documents differ"
done
