#!/usr/bin/env bash
# The dates that matter as yearly events, read by python-icalendar + dateutil, ical.js and khal (see check_dates.py).
# Usage: bash check_dates.sh SAMPLES_DIR    Ends with "RESULT dates passed=N failed=M".
set -uo pipefail
samples=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/khal" "$tmp/data/dates" "$tmp/cache" "$tmp/home"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" HOME="$tmp/home"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8
# shellcheck source=khal_config.sh
. "$here/khal_config.sh"
khal_config "$tmp/config/khal/config" dates "dates=$tmp/data/dates"

# khal gets the date events only (the touches of the same feed are checked by check_khal.sh): whole VEVENT blocks
# of the file as written, cut at their BEGIN and END lines.
awk 'BEGIN { keep = 1 }
  /^BEGIN:VEVENT\r?$/ { block = $0 "\n"; inside = 1; next }
  inside { block = block $0 "\n"; if ($0 ~ /^END:VEVENT\r?$/) { inside = 0; if (block ~ /CATEGORIES:Cadence,Date/) printf "%s", block }; next }
  { print }' "$samples/yearly-dates.ics" >"$tmp/dates-only.ics"
khal import --batch -a dates "$tmp/dates-only.ics" >"$tmp/import.out" 2>&1 || { echo "  FAIL khal import"; tail -n 5 "$tmp/import.out"; }
khal list -a dates --format $'{start-date}\x1f{uid}\x1e' --day-format '' 2026-01-01 2034-12-31 >"$tmp/khal.list" 2>"$tmp/khal.err" \
  || { echo "  FAIL khal list"; tail -n 5 "$tmp/khal.err"; }
node "$here/check_dates_icaljs.mjs" "$samples/yearly-dates.ics" >"$tmp/icaljs.json" 2>"$tmp/icaljs.err" \
  || { echo "  FAIL ical.js"; tail -n 5 "$tmp/icaljs.err"; echo '{}' >"$tmp/icaljs.json"; }
/usr/bin/python3 "$here/check_dates.py" "$samples" "$tmp/icaljs.json" "$tmp/khal.list"
