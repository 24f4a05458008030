#!/usr/bin/env bash
# Installs the Debian packages the kiosk and its tests need, only when missing.
# Used by `make run`, `make test` and .ci/run so that a fresh Debian machine needs
# nothing installed by hand. Set KIOSK_SKIP_SYSTEM_DEPS=1 to skip (e.g. in a
# container image that already has them).
set -euo pipefail

if [[ "${KIOSK_SKIP_SYSTEM_DEPS:-0}" == "1" ]]; then
    exit 0
fi

# Qt (xcb and offscreen platforms), QtMultimedia's sound library and a speech
# synthesiser for queue calls, fonts with wide language coverage, a virtual
# screen for tests and screenshots, and PostgreSQL for the backend's tests.
# Node.js and npm run a real OpenID provider (packaging/oidc-demo) for the phone key in
# `make run` and its tests; faketime runs the time-sensitive tests at hard instants
# (tests/test_hard_instants.py).
PACKAGES=(
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
    libxcb-randr0 libxcb-render-util0 libxcb-image0 libnss3 libasound2
    fonts-dejavu-core fonts-noto-core
    libpulse0 libpipewire-0.3-0 espeak-ng
    # Speech output (kiosk/speech.py): speech-dispatcher with its espeak-ng module, and
    # pactl, which tells whether headphones are the active output (private texts), and
    # the PulseAudio server, which the tests start with a null sink for pactl to read (a
    # kiosk's own session may run PipeWire instead: pactl speaks to either).
    speech-dispatcher speech-dispatcher-espeak-ng pulseaudio-utils pulseaudio
    xvfb xauth
    faketime
    # Qt WebEngine (the video call view): what libQt6WebEngineCore and
    # QtWebEngineProcess link against beyond the Qt libraries above (ldd).
    libnspr4 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libgbm1
    libxcb-dri3-0 libxfixes3 libxext6 libexpat1 libudev1
    postgresql
    # coturn: a TURN relay on 127.0.0.1 for the video tests and benchmark; the call view
    # lets WebRTC out only through a relay on an allow-listed host (docs/video.md).
    coturn
    # make bundle: PyInstaller reads binaries with objdump; the unit-file test
    # runs systemd-analyze verify.
    binutils systemd
    # The kiosk session (docs/deploy.md, "The kiosk session"): the cage compositor, which
    # will not start without Xwayland; grim and xdotool let tests/cage look at it and
    # type and touch into it (cage nested in Xvfb: Debian's cage 0.1.4 has no virtual
    # keyboard or pointer protocol for wtype).
    cage xwayland grim xdotool x11-utils
    # The city's console is tested in a real browser (tests/console/test_browser.py) and
    # the Chromium kiosk page is a peer in benchmarks/: Debian's Chromium and its driver.
    chromium chromium-driver
)
# Node.js and npm: only when the commands are missing, because a machine with
# NodeSource's nodejs has npm inside it and Debian's npm package conflicts with it.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    PACKAGES+=(nodejs npm)
fi
if [[ -n "${KIOSK_EXTRA_SYSTEM_PACKAGES:-}" ]]; then
    read -r -a extra <<<"${KIOSK_EXTRA_SYSTEM_PACKAGES}"
    PACKAGES+=("${extra[@]}")
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: this is not a Debian-based system (no dpkg-query)." >&2
    echo "system-deps: install the equivalents of: ${PACKAGES[*]}" >&2
    echo "system-deps: then run again with KIOSK_SKIP_SYSTEM_DEPS=1" >&2
    exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

echo "system-deps: installing missing Debian packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "system-deps: cannot install them: not root and no password-less sudo." >&2
    echo "system-deps: ask an administrator to run:" >&2
    echo "    apt-get install -y ${missing[*]}" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: apt-get not found; install by hand: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq || echo "system-deps: apt-get update failed; trying the install anyway" >&2
if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "system-deps: apt-get install failed for: ${missing[*]}" >&2
    exit 1
fi
echo "system-deps: done"
