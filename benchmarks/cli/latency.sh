#!/usr/bin/env bash
# How fast the installed `cadence` tool answers (issue 27): packs samples/Cadence.Diary as a .NET tool, installs it
# into a temporary folder, and times `cadence agenda` on the demo diary and on a diary of 2,000 relationships (made by
# `import contacts` from a generated CSV, then a touch logged for a tenth of them), ten runs each; prints each
# median and the target; and `dotnet run --project samples/Cadence.Diary` (the README's command) once built. Every
# timing the README states comes from this script.
#
#   benchmarks/cli/latency.sh            # the full measure: ten runs each
#   benchmarks/cli/latency.sh --quick    # CI: three runs each, no targets checked
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=10
quick=0
if [[ "${1:-}" == "--quick" ]]; then runs=3; quick=1; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack samples/Cadence.Diary -c Release -o "$work/nupkg" -p:Version=0.0.0-latency >/dev/null
dotnet tool install Cadence.Diary --tool-path "$work/tool" --add-source "$work/nupkg" --version 0.0.0-latency >/dev/null
cadence="$work/tool/cadence"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1

# The 2,000-relationship diary.
(cd "$work" && "$cadence" init --data big.json --empty --date 2026-03-13 >/dev/null)
awk 'BEGIN { print "name,email,phone"; for (i = 0; i < 2000; i++) printf "Contact %04d,contact%d@example.com,+44 20 %d\n", i, i, 10000000 + i }' >"$work/contacts.csv"
(cd "$work" && "$cadence" import contacts contacts.csv --data big.json --tier client --date 2026-03-13 >/dev/null)

# Median of N wall-clock runs of a command, in seconds.
median() {
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=("$(((end - start) / 1000))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f", m / 1e6}'
}

"$cadence" agenda --date 2026-03-13 >/dev/null   # the first run after install loads from a cold disk cache
demo=$(cd "$work" && median "$cadence" agenda --date 2026-03-13)
big=$(cd "$work" && median "$cadence" agenda --data big.json --date 2026-03-13)
# What the README's first command costs once built: `dotnet run` checks the build, then starts the sample.
dotnet build samples/Cadence.Diary -c Debug >/dev/null
run=$(median dotnet run --project samples/Cadence.Diary -- agenda --date 2026-03-13)
printf 'cadence agenda, demo diary (30 relationships): median of %d: %s s (target 0.25 s)\n' "$runs" "$demo"
printf 'cadence agenda, 2,000 relationships:           median of %d: %s s (target 0.5 s)\n' "$runs" "$big"
printf 'dotnet run --project samples/Cadence.Diary:   median of %d: %s s (built; no target)\n' "$runs" "$run"
if [[ $quick == 0 ]]; then
  awk -v d="$demo" -v b="$big" 'BEGIN { exit !(d <= 0.25 && b <= 0.5) }' && echo "targets: met" || echo "targets: NOT met"
fi
