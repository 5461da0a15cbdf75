#!/usr/bin/env bash
# Ensure headless Chromium is available for the report's browser test (tests/test_report_browser.py).
# Idempotent and quiet: does nothing when /usr/bin/chromium exists. Otherwise, as root on a
# Debian/Ubuntu machine, installs the distribution's `chromium` and `chromium-driver` packages.
# Exit status: 0 when chromium is available afterwards; 1 (with a reason on stderr) otherwise.
set -u
CHROMIUM="${SYMLIGHT_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "ensure_chromium: $CHROMIUM is missing and this is not root; install it with" \
         "'sudo apt-get install -y chromium chromium-driver'" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: $CHROMIUM is missing and apt-get is not available on this machine" >&2
    exit 1
fi
log="$(mktemp -t ensure_chromium.XXXXXX.log)"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver \
        fonts-dejavu-core; } >"$log" 2>&1; then
    echo "ensure_chromium: installing chromium with apt-get failed (no network?); last lines of $log:" >&2
    tail -n 15 "$log" >&2
    exit 1
fi
rm -f "$log"
if [ ! -x "$CHROMIUM" ]; then
    echo "ensure_chromium: apt-get finished but $CHROMIUM is still missing" >&2
    exit 1
fi
exit 0
