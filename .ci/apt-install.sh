#!/usr/bin/env bash
# Installs Debian/Ubuntu packages with apt, as root or through sudo; exits 3 without apt-get.
# Usage: apt-install.sh WHO PACKAGE...   (WHO prefixes the messages)
set -u
who=$1; shift
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$who: please install: $* (no apt-get here; use your system's package manager)" >&2
  exit 3
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "$who: installing $*"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
$sudo apt-get install -y -qq --no-install-recommends "$@"
