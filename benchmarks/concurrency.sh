#!/usr/bin/env bash
# How many trials an informed search keeps in flight (issue 15): lag= is what lets a TPE study
# run many trials at once; results depend on the seed and the lag only.
#
#   benchmarks/concurrency.sh [local] [workers]          (both when none is named)
#
# local: `sweep tpe n=200 parallel=32` of an objective command that sleeps 200 ms (so many run at
#   once without using the CPU), once with the default lag 4 and once with lag=auto (32). Each trial
#   writes its start and end times; the script reports the mean and the largest number of trials in
#   flight, and the wall time.
# workers: 32 `hyperlab worker` processes on a throw-away PostgreSQL (scripts/start-test-postgres.sh)
#   run a queued tpe study of 64 digits trials (1,000 epochs each, so that trials last seconds) with lag 4 and lag 32. A trial is in flight from the
#   moment its parameters are written (it trains) until it finishes; the database is polled every
#   50 ms for that count. Also the database load: transactions per second per worker, from
#   pg_stat_database, while the study runs.
# Environment: HYPERLAB_BENCH_SCRATCH (SwiftPM scratch path, default .build).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(local workers)
for p in "${parts[@]}"; do
    case "$p" in local|workers) ;; *) echo "unknown part '$p' (local, workers)" >&2; exit 2 ;; esac
done
hyperlab="$(build_release hyperlab)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperlab-concurrency.XXXXXX")"
pg_dir=""
cleanup() {
    [ -n "$pg_dir" ] && "$root/scripts/start-test-postgres.sh" --stop "$pg_dir" >/dev/null 2>&1 || true
    jobs -p | xargs -r kill 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Reads "s TIME" / "e TIME" lines; prints the mean and the largest count in flight over the span.
in_flight() {
    sort -k2,2n "$1" | awk '
        NR == 1 { first = $2 }
        { if (NR > 1) area += count * ($2 - last); count += ($1 == "s") ? 1 : -1; if (count > most) most = count; last = $2 }
        END { span = last - first; printf "mean in flight %.1f, most %d, over %.1f s\n", (span > 0 ? area / span : 0), most, span }'
}

run_local() {
    local lag="$1" folder="$work/local-$1"
    mkdir -p "$folder"
    local times="$folder/times.txt"
    : > "$times"
    local objective="objective command \"echo s \$(date +%s.%N) >> $times; sleep 0.2; echo e \$(date +%s.%N) >> $times; echo hyperlab: score={x}\" metric=score"
    local started ended
    started="$(date +%s.%N)"
    (cd "$folder" && "$hyperlab" --store memory --allow-commands -c "$objective" \
        -c "sweep tpe n=200 x=uniform(0, 1) y=uniform(0, 1) parallel=32 $lag" >/dev/null)
    ended="$(date +%s.%N)"
    printf "  local tpe n=200 parallel=32 %-10s wall %5.1f s · " "${lag:-(lag 4)}" "$(echo "$ended - $started" | bc)"
    in_flight "$times"
}

run_workers() {
    local lag="$1" name="conc-$1"
    local url="$HYPERLAB_TEST_POSTGRES_URL"
    local db_query="select xact_commit + xact_rollback from pg_stat_database where datname = current_database()"
    (cd "$work" && "$hyperlab" --store "$url" -c "load digits" -c "split train=0.6 dev=0.2 test=0.2 seed=1" \
        -c "model mlp hidden=[64]" \
        -c "sweep tpe n=64 lr=log(1e-4, 1e-1) units=intlog(16, 128) epochs=1000 lag=$lag workers=external name=$name" \
        > "$work/queue-$lag.txt" 2>&1) &
    local queue=$!
    until psql "$url" -Atc "select 1 from study where name = '$name'" 2>/dev/null | grep -q 1; do sleep 0.1; done
    local before started
    before="$(psql "$url" -Atc "$db_query")"
    started="$(date +%s.%N)"
    local pids=()
    for w in $(seq 1 32); do
        "$hyperlab" worker --store "$url" --study "$name" > "$work/worker-$lag-$w.txt" 2>&1 &
        pids+=($!)
    done
    local samples="$work/samples-$lag.txt"
    : > "$samples"
    while kill -0 "$queue" 2>/dev/null; do
        psql "$url" -Atc "select count(*) from trial t join study s on s.id = t.study_id
                          where s.name = '$name' and t.state = 'running' and t.parameters is not null" >> "$samples" 2>/dev/null || true
        sleep 0.05
    done
    wait "${pids[@]}" || true
    local ended after
    ended="$(date +%s.%N)"
    after="$(psql "$url" -Atc "$db_query")"
    awk -v lag="$lag" -v wall="$(echo "$ended - $started" | bc)" -v tx="$((after - before))" '
        { sum += $1; if ($1 > most) most = $1; n++ }
        END { printf "  32 workers, lag %-3s wall %5.1f s · mean in flight %.1f, most %d (%d samples) · %.1f transactions/s per worker\n",
                     lag, wall, (n ? sum / n : 0), most, n, tx / wall / 32 }' "$samples"
}

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for p in "${parts[@]}"; do
    if [ "$p" = local ]; then
        echo "== local: an objective that sleeps 200 ms, 32 at once asked"
        run_local ""
        run_local "lag=auto"
    else
        echo "== workers: 32 hyperlab worker processes on one PostgreSQL study"
        eval "$("$root/scripts/start-test-postgres.sh")"
        pg_dir="$HYPERLAB_TEST_POSTGRES_DIR"
        run_workers 4
        run_workers 32
    fi
done
