#!/usr/bin/env bash
# Starts a throw-away one-node Slurm cluster for the tests (Debian's slurm-wlm and munge
# packages): a munge daemon with a fresh key, slurmctld and slurmd on 127.0.0.1 at free ports,
# every file (configuration, key, sockets, state, logs) in a new temporary folder. Prints the
# lines to evaluate:
#
#   eval "$(scripts/start-test-slurm.sh)"     # sets SLURM_CONF and HYPERLAB_TEST_SLURM
#   sbatch --wait --array=1-2 examples/slurm/hyperlab-workers.sbatch
#   scripts/start-test-slurm.sh --stop "$HYPERLAB_TEST_SLURM_DIR"
#
# The node has as many CPUs as `nproc` and runs jobs as the submitting user. It needs root
# (slurmd starts jobs as their owner, and SlurmUser is root here): it is for tests, not work.
set -euo pipefail

for program in munged slurmctld slurmd sbatch; do
    if ! command -v "$program" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$program" ]; then
        echo "start-test-slurm: $program not found" >&2
        echo "hint: apt-get install slurm-wlm munge (Debian), or scripts/install-dependencies.sh --tests" >&2
        exit 1
    fi
done
PATH="$PATH:/usr/sbin"

# Stops the daemons whose pid files are in $1, newest first, and waits for each to end.
stop_daemons() {
    local folder="$1" name pid
    for name in slurmd slurmctld munged; do
        [ -f "$folder/$name.pid" ] || continue
        pid="$(cat "$folder/$name.pid")"
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    done
}

if [ "${1:-}" = "--stop" ]; then
    folder="${2:?usage: start-test-slurm.sh --stop FOLDER}"
    stop_daemons "$folder"
    rm -rf "$folder"
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    echo "start-test-slurm: needs root (slurmd runs each job as its owner)" >&2
    echo "hint: run it with sudo, or in the CI container, where the tests run as root" >&2
    exit 1
fi

folder="$(mktemp -d /tmp/hyperlab-slurm.XXXXXX)"
chmod 755 "$folder"
mkdir -p "$folder/state" "$folder/spool" "$folder/munge"
chmod 700 "$folder/munge"
# On a failure, show what the daemons said and leave nothing running.
fail() {
    echo "start-test-slurm: $1" >&2
    for log in "$folder"/*.log; do
        [ -s "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
    done
    stop_daemons "$folder"
    rm -rf "$folder"
    exit 1
}

# Free ports: ask the kernel for them.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}
controller_port="$(free_port)"
node_port="$(free_port)"
while [ "$node_port" = "$controller_port" ]; do node_port="$(free_port)"; done

head -c 1024 /dev/urandom >"$folder/munge/munge.key"
chmod 400 "$folder/munge/munge.key"
munged --force --key-file="$folder/munge/munge.key" --socket="$folder/munge/munge.socket" \
    --pid-file="$folder/munged.pid" --log-file="$folder/munged.log" \
    --seed-file="$folder/munge/munged.seed" >>"$folder/munged.log" 2>&1 || fail "munged did not start"

cat >"$folder/slurm.conf" <<EOF
ClusterName=hyperlab-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$controller_port
SlurmdPort=$node_port
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$folder/munge/munge.socket
StateSaveLocation=$folder/state
SlurmdSpoolDir=$folder/spool
SlurmctldPidFile=$folder/slurmctld.pid
SlurmdPidFile=$folder/slurmd.pid
SlurmctldLogFile=$folder/slurmctld.log
SlurmdLogFile=$folder/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
MpiDefault=none
ReturnToService=2
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$folder/slurm.conf"

slurmctld -i >>"$folder/slurmctld.log" 2>&1 || fail "slurmctld did not start"
slurmd -N localhost >>"$folder/slurmd.log" 2>&1 || fail "slurmd did not start"

# Ready when the node takes jobs (idle), within 30 seconds.
for _ in $(seq 150); do
    state="$(sinfo --noheader --nodes=localhost --format=%t 2>/dev/null || true)"
    [ "$state" = "idle" ] && break
    sleep 0.2
done
[ "$state" = "idle" ] || fail "the node did not become idle (state: ${state:-none})"

echo "export SLURM_CONF=$folder/slurm.conf"
echo "export HYPERLAB_TEST_SLURM=$folder/slurm.conf"
echo "export HYPERLAB_TEST_SLURM_DIR=$folder"
