#!/usr/bin/env bash
# Installs the system packages OST Player needs when they are missing: libVLC, the libraries
# Qt's platform plugins load, a font with Hangul, and (with --test) Xvfb.
# Usage: ensure-system-deps.sh [--test | --bench] [VENV_DIR]
set -u
want_test=0
want_bench=0
[ "${1:-}" = "--test" ] && { want_test=1; shift; }
# --bench: also the desktop players the scan benchmark compares with (only for `make bench`).
[ "${1:-}" = "--bench" ] && { want_test=1; want_bench=1; shift; }
venv=${1:-.venv}
missing=()

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

if command -v dpkg-query >/dev/null 2>&1; then
  for p in libvlc5 vlc-plugin-base fontconfig; do have_pkg "$p" || missing+=("$p"); done
else
  ldconfig -p 2>/dev/null | grep -q 'libvlc\.so' || missing+=(libvlc5 vlc-plugin-base)
fi
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ko 2>/dev/null)" ]; then
  missing+=(fonts-nanum)
fi
# Acoustic fingerprints (optional at run time: without fpcalc files are matched by tags only).
command -v fpcalc >/dev/null 2>&1 || missing+=(libchromaprint-tools)
if [ "$want_test" = 1 ]; then
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
  # Tests encode real audio in every format, talk MPRIS to playerctl on a private session
  # bus, and validate the launcher entry and AppStream file with the freedesktop tools.
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
  command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus dbus-daemon)
  command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus-daemon)
  command -v dbus-monitor >/dev/null 2>&1 || missing+=(dbus-bin)
  command -v playerctl >/dev/null 2>&1 || missing+=(playerctl)
  command -v desktop-file-validate >/dev/null 2>&1 || missing+=(desktop-file-utils)
  command -v appstreamcli >/dev/null 2>&1 || missing+=(appstream)
fi
if [ "$want_bench" = 1 ]; then
  for p in quodlibet strawberry clementine; do command -v "$p" >/dev/null 2>&1 || missing+=("$p"); done
fi

# Qt aborts with "could not load the Qt platform plugin" when a library a plugin links to is
# absent (libxcb-icccm4 on a plain Debian 12). Ask ldd what each plugin lacks and map the
# soname to its Debian package (libxcb-icccm.so.4 -> libxcb-icccm4).
qt_plugins=$(ls "$venv"/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/lib{qxcb,qoffscreen}.so 2>/dev/null)
qt_libs=$(ls "$venv"/lib/python3*/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6 2>/dev/null)
for lib in $qt_plugins $qt_libs; do
  for so in $(ldd "$lib" 2>/dev/null | awk '/not found/ {print $1}'); do
    case "$so" in
      libxcb-util.so.1) pkg=libxcb-util1 ;;
      libxkbcommon-x11.so.0) pkg=libxkbcommon-x11-0 ;;
      libxkbcommon.so.0) pkg=libxkbcommon0 ;;
      libX11-xcb.so.1) pkg=libx11-xcb1 ;;
      libX11.so.6) pkg=libx11-6 ;;
      libEGL.so.1) pkg=libegl1 ;;
      libGL.so.1|libOpenGL.so.0|libGLX.so.0) pkg=libgl1 ;;
      libfontconfig.so.1) pkg=libfontconfig1 ;;
      libfreetype.so.6) pkg=libfreetype6 ;;
      libdbus-1.so.3) pkg=libdbus-1-3 ;;
      libglib-2.0.so.0|libgthread-2.0.so.0) pkg=libglib2.0-0 ;;
      libxcb.so.1) pkg=libxcb1 ;;
      libSM.so.6) pkg=libsm6 ;;
      libICE.so.6) pkg=libice6 ;;
      libxcb-*.so.*)
        base=${so#lib}; base=${base%%.so.*}; ver=${so##*.so.}
        pkg="lib${base}${ver}" ;;
      *) pkg="" ; echo "ensure-system-deps: Qt needs $so; install the package that provides it" >&2 ;;
    esac
    [ -n "$pkg" ] && missing+=("$pkg")
  done
done

[ ${#missing[@]} -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
bash "$(dirname "$0")/apt-install.sh" ensure-system-deps "${missing[@]}"
# Without apt the user was told what to install; the app itself reports what is missing.
rc=$?
[ "$rc" = 3 ] && exit 0
exit "$rc"
