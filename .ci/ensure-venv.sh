#!/usr/bin/env bash
# `python3 -m venv` fails on a plain Debian/Ubuntu without the python3-venv package (ensurepip is
# split out). Install it when apt is there; otherwise say what is missing.
# Usage: ensure-venv.sh PYTHON
set -u
python=${1:-python3}
ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-venv: $python cannot create a virtual environment; install its venv module" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "ensure-venv: installing python3-venv (python$ver-venv)"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
$sudo apt-get install -y -qq --no-install-recommends "python$ver-venv" 2>/dev/null ||
  $sudo apt-get install -y -qq --no-install-recommends python3-venv
