#!/bin/bash
# One swarm run: the swarm server, the load generator in another JVM, and (PERF=1) the server's
# system calls counted by perf for 10 s inside the measured window; prints the load average before
# and after, the load generator's summary rows and the perf counts.
#
# usage: benchmarks/scripts/swarm.sh BOTS PORT TAG [server JVM options...]
# env:   SARGS (server options, e.g. "--read-coalesce-us 1000"), WARM (10s), DUR (20s), PERF=1,
#        AP=/path/libasyncProfiler.so (CPU profile of the server into $OUT/TAG.collapsed),
#        LOPTS (load generator JVM options), OUT (/tmp/swarm), SJAR, LJAR (the two jars)
# Run from the repository root after ./mvnw -q -B -pl tools,benchmarks -am package -DskipTests.
set -u
bots=$1; port=$2; tag=$3; shift 3
out=${OUT:-/tmp/swarm}; mkdir -p "$out"
sjar=${SJAR:-benchmarks/target/benchmarks.jar}; ljar=${LJAR:-tools/target/ringside-tools.jar}
apopt=()
if [ -n "${AP:-}" ]; then
  apopt=(-agentpath:$AP=start,event=cpu,interval=1ms,threads,file=$out/$tag.collapsed,collapsed)
fi
java -Xms1g -Xmx1g "${apopt[@]}" "$@" -cp "$sjar" io.ringside.benchmarks.swarm.SwarmServerMain \
  --port "$port" ${SARGS:-} > "$out/$tag-server.log" 2>&1 &
spid=$!
for _ in $(seq 100); do grep -q "swarm: pid" "$out/$tag-server.log" && break; sleep 0.2; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$out/$tag-load.txt"
# shellcheck disable=SC2086
java -Xms512m -Xmx2g ${LOPTS:-} -jar "$ljar" loadgen ws://127.0.0.1:$port/ws --mode game --room-type swarm \
  --bots "$bots" --ramp-rate 1000 --rate 20 --size 16 --input-type 1 --snapshot-type 2 --ping-rate 1 \
  --warmup "${WARM:-10s}" --duration "${DUR:-20s}" --server-pid $spid --report-dir "$out/report-$tag" \
  > "$out/$tag-loadgen.log" 2>&1 &
lpid=$!
if [ -n "${PERF:-}" ]; then
  for _ in $(seq 600); do grep -q "warm-up over" "$out/$tag-loadgen.log" && break; sleep 0.2; done
  sleep 2
  perf stat -e 'syscalls:sys_enter_epoll_wait,syscalls:sys_enter_write,syscalls:sys_enter_read,syscalls:sys_enter_futex,context-switches,task-clock' \
    -p $spid -- sleep 10 > "$out/$tag-perf.txt" 2>&1
fi
wait $lpid
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/$tag-load.txt"
kill $spid; wait $spid 2>/dev/null
echo "== $tag bots=$bots ${SARGS:-}"; cat "$out/$tag-load.txt"
grep -E "bots joined|RTT ms|inputs sent|snapshots received|server CPU|loadgen CPU|^  errors" "$out/$tag-loadgen.log"
if [ -n "${PERF:-}" ]; then
  # per player-second: the 10 s window times the bots
  awk -v ps=$((bots * 10)) '/syscalls:|context-switches/ {gsub(",","",$1); printf "  %-40s %8.2f per player-second\n", $2, $1 / ps}
    /task-clock/ {gsub(",","",$1); printf "  %-40s %8.1f us per player-second\n", "task-clock", $1 * 1000 / ps}' "$out/$tag-perf.txt"
fi
