#!/usr/bin/env bash
# Fleet benchmark (docs/scale.md): 20 PBXs x 1 M queue_log lines, Spark local[2] versus one machine
# (a partial per PBX with bin/sipring, then --merge; and one pass over all files for reference).
# Run it only on a quiet machine (uptime load < 1): the figures are wall-clock times.
# usage: benchmarks/spark/fleet-bench.sh [PBXS=20] [LINES=1000000] [DIR=/tmp/sipring-fleet]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pbxs="${1:-20}"; lines="${2:-1000000}"; dir="${3:-/tmp/sipring-fleet}"
J="$root/benchmarks/target/sipring-benchmarks-0.1.0-SNAPSHOT-all.jar"
[ -f "$J" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl benchmarks -am package)
echo "load: $(uptime)"
mkdir -p "$dir"
for k in $(seq 1 "$pbxs"); do
  mkdir -p "$dir/pbx$k"
  [ -s "$dir/pbx$k/queue_log" ] || java -cp "$J" ru.sipring.benchmarks.inbound.QueueLogGenerator "$dir/pbx$k/queue_log" "$lines" "$k"
done
args=(); for k in $(seq 1 "$pbxs"); do args+=(--queue-log "$dir/pbx$k"); done
# one as-of instant for every run: agent sessions still open at the end of the data run to it, so runs made a few
# seconds apart must share it to give the same figures
asof="$(date -u +%Y-%m-%dT%H:%M:%S)"
sections="summary,operators,queues,completion,serviceLevel,periods,agents,problems"   # no detail rows: a fleet report

"$root/bin/sipring" --help >/dev/null; "$root/bin/sipring-spark" --help >/dev/null   # build both outside the timing

t0=$(date +%s.%N)
for k in $(seq 1 "$pbxs"); do
  "$root/bin/sipring" report --queue-log "$dir/pbx$k" --zone UTC --as-of "$asof" --sections "$sections" --source-id "pbx$k" \
      --partial-out "$dir/pbx$k.partial" --format json --out /dev/null
done
"$root/bin/sipring" report --merge "$dir"/pbx*.partial --format json --out "$dir/merged.json"
t1=$(date +%s.%N)
"$root/bin/sipring-spark" report --master 'local[2]' "${args[@]}" --zone UTC --as-of "$asof" --sections "$sections" \
    --format json --out "$dir/spark.json" 2>"$dir/spark.log"
t2=$(date +%s.%N)
echo "single machine, one partial per PBX + merge (20 JVM starts included): $(echo "$t1 - $t0" | bc) s"
echo "spark local[2] (context start included):                              $(echo "$t2 - $t1" | bc) s"
echo "total lines: $((pbxs * lines)); partial sizes: $(du -ch "$dir"/pbx*.partial | tail -1)"
cmp -s "$dir/merged.json" "$dir/spark.json" && echo "same JSON" || echo "JSON DIFFERS (see $dir/*.json)"
