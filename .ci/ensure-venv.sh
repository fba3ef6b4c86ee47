#!/usr/bin/env bash
# `python3 -m venv` fails on a plain Debian/Ubuntu without the python3-venv package (ensurepip is
# split out). Install it when apt is there; otherwise say what is missing.
# Usage: ensure-venv.sh PYTHON
set -u
python=${1:-python3}
ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
here=$(dirname "$0")
bash "$here/apt-install.sh" ensure-venv "python$ver-venv" 2>/dev/null ||
  bash "$here/apt-install.sh" ensure-venv python3-venv
