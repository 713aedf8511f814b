#!/usr/bin/env bash
# Installs the Debian packages HyperLab builds and tests with, when any is missing.
# Used by ./hyperlab, ./test and .ci/run, so the list lives in one place.
set -euo pipefail
packages=(libedit-dev libopenblas-dev libsqlite3-dev libpq-dev postgresql pkg-config tmux)
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
