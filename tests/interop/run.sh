#!/usr/bin/env bash
# Interoperability checks of Cadence's iCalendar feed with independent software (see README.md):
# FeedSamples writes sample feeds full of hostile text plus what each one is meant to hold; ical.js,
# python-icalendar, khal and Ical.Net read them and are compared with that. check_subscription.sh then takes the
# subscription path: the sample console serves the feed on 127.0.0.1, vdirsyncer subscribes over HTTP, khal shows it.
#
# Usage: bash tests/interop/run.sh        (from anywhere; installs what it needs when run as root)
# Ends with exactly one line "interop: N passed, M failed"; exits non-zero when M > 0 or a tool is missing.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export LANG=C.UTF-8 LC_ALL=C.UTF-8

passed=0
failed=0
started=$SECONDS

missing() { # what
  echo "  FAIL missing: $1"
  failed=$((failed + 1))
}

# A checker's log without its plain passes: failures, passes through a known parser defect (cut short; the full
# text is in the checker's own output), summaries.
show() { # log
  awk '!/^  ok / || /known (parser|python-icalendar) defect/ { print (length($0) > 220 ? substr($0, 1, 217) "..." : $0) }' "$1"
}

# A check's "RESULT <tool> passed=N failed=M ..." line; a checker that printed none failed once.
tally() { # tool log status
  local line p f
  line=$(grep -a "^RESULT $1 " "$2" | tail -n 1)
  if [ -z "$line" ]; then
    echo "  FAIL $1 printed no result (exit $3)"
    failed=$((failed + 1))
    return
  fi
  p=$(sed -n 's/.* passed=\([0-9]*\).*/\1/p' <<<"$line")
  f=$(sed -n 's/.* failed=\([0-9]*\).*/\1/p' <<<"$line")
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "  FAIL $1 exited $3 with no failed check"
    failed=$((failed + 1))
  fi
}

# --- Installs ------------------------------------------------------------------------------------------------
need_apt=()
command -v khal >/dev/null 2>&1 || need_apt+=(khal)
command -v vdirsyncer >/dev/null 2>&1 || need_apt+=(vdirsyncer)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || need_apt+=(python3-icalendar)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -q && apt-get install -y -q --no-install-recommends "${need_apt[@]}"; } >"${TMPDIR:-/tmp}/interop-apt.log" 2>&1 \
      || { echo "apt-get failed:"; tail -n 20 "${TMPDIR:-/tmp}/interop-apt.log"; }
  else
    echo "Not root (or no apt-get): cannot install ${need_apt[*]}."
  fi
fi

# npm ci when ical.js is missing or not the version package-lock.json pins.
locked=$(sed -n '/"node_modules\/ical.js"/,/}/s/.*"version": *"\([^"]*\)".*/\1/p' "$here/package-lock.json")
installed=$(sed -n 's/^  "version": *"\([^"]*\)".*/\1/p' "$here/node_modules/ical.js/package.json" 2>/dev/null)
if [ -z "$installed" ] || [ "$installed" != "$locked" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "== npm ci"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) 2>&1 | grep -v 'Unknown user config' || true
  fi
fi
echo "== installs done after $((SECONDS - started)) s"
checks_started=$SECONDS

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
samples="$work/samples"

# --- Sample feeds ----------------------------------------------------------------------------------------------
echo "== FeedSamples"
if ! command -v dotnet >/dev/null 2>&1; then
  missing "dotnet (the .NET SDK)"
else
  # Its own artifacts path: nothing is written under src/ (or clashes with a build running there).
  # From tests/interop, so the repository's global.json picks the SDK.
  if (cd "$here" && dotnet build FeedSamples/FeedSamples.csproj -c Release --artifacts-path "$work/artifacts" -nologo -v q) \
       >"$work/build.log" 2>&1 \
     && dotnet "$work/artifacts/bin/FeedSamples/release/FeedSamples.dll" "$samples" >"$work/samples.log" 2>&1; then
    cat "$work/samples.log"
    passed=$((passed + 1))
    echo "  ok   FeedSamples builds and writes the sample feeds"
  else
    cat "$work/build.log" "$work/samples.log" 2>/dev/null | grep -v '^\s*$' | tail -n 40
    echo "  FAIL FeedSamples did not build or run"
    failed=$((failed + 1))
  fi
fi

if [ -f "$samples/manifest.json" ]; then
  # --- ical.js ---------------------------------------------------------------------------------------------------
  echo "== ical.js"
  if command -v node >/dev/null 2>&1 && [ -d "$here/node_modules/ical.js" ]; then
    node "$here/check_icaljs.mjs" "$samples" >"$work/icaljs.log" 2>&1
    status=$?
    show "$work/icaljs.log"
    tally ical.js "$work/icaljs.log" "$status"
  else
    missing "node and tests/interop/node_modules/ical.js (npm ci)"
  fi

  # --- python-icalendar ------------------------------------------------------------------------------------------
  echo "== python-icalendar (Debian's /usr/bin/python3)"
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1; then
    /usr/bin/python3 "$here/check_icalendar.py" "$samples" >"$work/icalendar.log" 2>&1
    status=$?
    show "$work/icalendar.log"
    tally python-icalendar "$work/icalendar.log" "$status"
  else
    missing "python3-icalendar for /usr/bin/python3"
  fi

  # --- khal ------------------------------------------------------------------------------------------------------
  echo "== khal"
  if command -v khal >/dev/null 2>&1 && /usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1; then
    bash "$here/check_khal.sh" "$samples" >"$work/khal.log" 2>&1
    status=$?
    show "$work/khal.log"
    tally khal "$work/khal.log" "$status"
  else
    missing "khal"
  fi

  # --- Dates that matter as yearly events (python-icalendar + dateutil, ical.js, khal) ---------------------------
  echo "== dates (RRULE expansion: python-icalendar + dateutil, ical.js, khal)"
  if command -v khal >/dev/null 2>&1 && command -v node >/dev/null 2>&1 && [ -f "$samples/yearly-dates.ics" ]; then
    bash "$here/check_dates.sh" "$samples" >"$work/dates.log" 2>&1
    status=$?
    show "$work/dates.log"
    tally dates "$work/dates.log" "$status"
  else
    missing "khal, node or yearly-dates.ics (for check_dates.sh)"
  fi

  # --- Ical.Net --------------------------------------------------------------------------------------------------
  echo "== Ical.Net (CheckIcalNet)"
  if (cd "$here" && dotnet build CheckIcalNet/CheckIcalNet.csproj -c Release --artifacts-path "$work/artifacts" -nologo -v q) \
       >"$work/icalnet-build.log" 2>&1; then
    dotnet "$work/artifacts/bin/CheckIcalNet/release/CheckIcalNet.dll" "$samples" >"$work/icalnet.log" 2>&1
    status=$?
    show "$work/icalnet.log"
    tally Ical.Net "$work/icalnet.log" "$status"
  else
    grep -v '^\s*$' "$work/icalnet-build.log" | tail -n 20
    echo "  FAIL CheckIcalNet did not build"
    failed=$((failed + 1))
  fi
elif command -v dotnet >/dev/null 2>&1; then
  echo "  FAIL no sample feeds: the checks could not run"
  failed=$((failed + 4))
fi

# --- The subscription path: serve, vdirsyncer, khal ----------------------------------------------------------------
echo "== subscription (Cadence.Diary serve, vdirsyncer, khal)"
lacking=()
for tool in dotnet vdirsyncer khal curl; do
  command -v "$tool" >/dev/null 2>&1 || lacking+=("$tool")
done
if [ ${#lacking[@]} -eq 0 ]; then
  bash "$here/check_subscription.sh" >"$work/subscription.log" 2>&1
  status=$?
  show "$work/subscription.log"
  tally subscription "$work/subscription.log" "$status"
else
  missing "${lacking[*]} (for check_subscription.sh)"
fi

echo "== checks took $((SECONDS - checks_started)) s (total $((SECONDS - started)) s)"
echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
