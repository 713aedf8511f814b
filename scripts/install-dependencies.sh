#!/usr/bin/env bash
# Installs the Debian packages HyperLab needs, when any is missing:
#   scripts/install-dependencies.sh          what building and running needs (./hyperlab)
#   scripts/install-dependencies.sh --tests  that, plus what the tests use: a PostgreSQL server, tmux,
#                                            Slurm with munge (a one-node cluster for examples/slurm), and
#                                            python3-venv (the tests' Python tools, scripts/install-test-tools.sh)
# Used by ./hyperlab, ./test and .ci/run, so the lists live in one place.
set -euo pipefail
packages=(libedit-dev libsqlite3-dev libpq-dev libzmq3-dev libssl-dev pkg-config)
[ "${1:-}" = "--tests" ] && packages+=(postgresql tmux slurm-wlm munge python3-venv)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
