#!/usr/bin/env bash
# The NuGet packages as users get them: `dotnet pack -c Release` into a temporary folder, the packages' contents
# and metadata checked, then PackageSmoke (a console that references Cadence and Cadence.DependencyInjection as
# PackageReferences, restored from that folder into an empty NUGET_PACKAGES) built and run for net10.0 and net8.0.
#
# Usage: bash tests/PackageSmoke/run.sh        (from anywhere)
# Ends with exactly one line "package: N passed, M failed"; exits non-zero when M > 0.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export LANG=C.UTF-8 LC_ALL=C.UTF-8

passed=0
failed=0
started=$SECONDS

check() { # description, then a command that succeeds when the check passes
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "  ok   $what"
  else
    failed=$((failed + 1))
    echo "  FAIL $what"
  fi
}

finish() {
  echo "== took $((SECONDS - started)) s"
  echo "package: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "  FAIL the .NET SDK (dotnet) is not on PATH"
  failed=$((failed + 1))
  finish
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages="$work/packages"

# --- Pack ------------------------------------------------------------------------------------------------------
# Its own artifacts path: nothing is written under src/ (or clashes with a build running there).
echo "== dotnet pack -c Release"
if (cd "$repo" && dotnet pack Cadence.sln -c Release -o "$packages" --artifacts-path "$work/artifacts" -nologo -v q) \
     >"$work/pack.log" 2>&1; then
  check "dotnet pack -c Release" true
else
  grep -v '^\s*$' "$work/pack.log" | tail -n 40
  check "dotnet pack -c Release" false
  finish
fi
ls -1 "$packages" | sed 's/^/  /'

version=$(cd "$packages" && ls Cadence.[0-9]*.nupkg 2>/dev/null | head -n 1 | sed 's/^Cadence\.\(.*\)\.nupkg$/\1/')
if [ -z "$version" ]; then
  check "a Cadence.<version>.nupkg" false
  finish
fi
echo "  version $version"

# --- What is in the packages -------------------------------------------------------------------------------------
# Entries of a zip, and one entry's text: unzip when there is one, else Python's zipfile.
entries() { # zip
  if command -v unzip >/dev/null 2>&1; then unzip -Z1 "$1"; else python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; fi
}
entry() { # zip name
  if command -v unzip >/dev/null 2>&1; then unzip -p "$1" "$2"; else python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; fi
}
has_entries() { # zip entry...
  local zip=$1 list
  shift
  list=$(entries "$zip") || return 1
  for name in "$@"; do
    grep -qxF "$name" <<<"$list" || { echo "    missing $name in $(basename "$zip")"; return 1; }
  done
}
# The nuspec holds every one of these strings.
nuspec_has() { # package text...
  local nuspec text
  nuspec=$(entry "$packages/$1.$version.nupkg" "$1.nuspec" | tr -d '\r') || return 1
  shift
  for text in "$@"; do
    grep -qF -- "$text" <<<"$nuspec" || { echo "    the nuspec lacks: $text"; return 1; }
  done
}
# Each TFM's dependency group lists exactly these ids (sorted, space-separated).
dependencies_are() { # package expected
  local nuspec groups ok=0
  nuspec=$(entry "$packages/$1.$version.nupkg" "$1.nuspec" | tr -d '\r') || return 1
  for tfm in net10.0 net8.0; do
    groups=$(awk -v tfm="$tfm" '
      $0 ~ "<group targetFramework=\"" tfm "\"" { inside = 1; next }
      inside && /<\/group>/ { inside = 0 }
      inside && /<dependency / { match($0, /id="[^"]*"/); print substr($0, RSTART + 4, RLENGTH - 5) }' <<<"$nuspec" | sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$groups" != "$2" ]; then
      echo "    $tfm dependencies: '$groups', expected '$2'"
      ok=1
    fi
  done
  return $ok
}

echo "== package contents"
for id in Cadence Cadence.DependencyInjection Cadence.Import; do
  nupkg="$packages/$id.$version.nupkg"
  snupkg="$packages/$id.$version.snupkg"
  check "$id: nupkg and snupkg" test -f "$nupkg" -a -f "$snupkg"
  check "$id: README, assemblies and XML docs for net10.0 and net8.0" has_entries "$nupkg" PACKAGE.md \
    "lib/net10.0/$id.dll" "lib/net10.0/$id.xml" "lib/net8.0/$id.dll" "lib/net8.0/$id.xml"
  check "$id: symbols for net10.0 and net8.0" has_entries "$snupkg" "lib/net10.0/$id.pdb" "lib/net8.0/$id.pdb"
  check "$id: nuspec id, license, readme, repository, description" nuspec_has "$id" \
    "<id>$id</id>" '<license type="expression">MIT</license>' '<readme>PACKAGE.md</readme>' \
    '<repository type="git" url="https://github.com/cadence-dev/cadence"' 'commit="' '<description>' '<authors>'
done
check "Cadence depends on AnyAscii, Blake3, NodaTime and System.IO.Hashing only" dependencies_are Cadence "AnyAscii Blake3 NodaTime System.IO.Hashing"
check "Cadence.DependencyInjection depends on Cadence and the DI abstractions only" \
  dependencies_are Cadence.DependencyInjection "Cadence Microsoft.Extensions.DependencyInjection.Abstractions"
check "Cadence.Import depends on Cadence, CsvHelper and Ical.Net only" dependencies_are Cadence.Import "Cadence CsvHelper Ical.Net"

# Source Link (built into the .NET SDK) maps the PDBs to GitHub only when the clone's origin is on GitHub.
origin=$(git -C "$repo" remote get-url origin 2>/dev/null || true)
if [[ "$origin" == *github.com* ]]; then
  mkdir -p "$work/pdb"
  entry "$packages/Cadence.$version.snupkg" lib/net10.0/Cadence.pdb >"$work/pdb/Cadence.pdb"
  check "Cadence: Source Link to raw.githubusercontent.com in the PDB" grep -qa 'raw.githubusercontent.com' "$work/pdb/Cadence.pdb"
else
  echo "  skip Source Link: this clone's origin is not on GitHub (${origin:-none}), so the PDBs carry no links"
fi

# --- The sample as a .NET tool ------------------------------------------------------------------------------------
# Installed from the packed folder into a tool path, as the README says, and run as `cadence` on its demo diary.
echo "== the sample as a .NET tool (cadence)"
if (cd "$work" && dotnet tool install Cadence.Diary --tool-path "$work/tools" --add-source "$packages" --version 0.1.0) \
     >"$work/tool.log" 2>&1; then
  check "dotnet tool install Cadence.Diary from the packed folder" true
  check "cadence --help lists the commands" bash -c "'$work/tools/cadence' --help | grep -q '^  agenda '"
  check "cadence agenda runs on the demo diary" bash -c "cd '$work' && '$work/tools/cadence' agenda --date 2026-03-13 | grep -q '^Agenda for Fri 13 Mar 2026'"
  check "cadence frobnicate is a usage error (exit 2)" bash -c "cd '$work' && '$work/tools/cadence' frobnicate 2>/dev/null; [ \$? -eq 2 ]"
else
  grep -v '^\s*$' "$work/tool.log" | tail -n 20
  check "dotnet tool install Cadence.Diary from the packed folder" false
fi

# --- The console, restored from the packages -------------------------------------------------------------------
# An empty NUGET_PACKAGES, so no cached Cadence package of another build can be used; nuget.config maps the
# Cadence packages to this folder only.
echo "== PackageSmoke (PackageReference to Cadence $version)"
export NUGET_PACKAGES="$work/nuget-packages" CADENCE_PACKAGES="$packages"
if (cd "$here" && dotnet build PackageSmoke.csproj -c Release -p:CadenceVersion="$version" --artifacts-path "$work/smoke" -nologo -v q) \
     >"$work/smoke-build.log" 2>&1; then
  check "PackageSmoke restores the packages and builds (net10.0, net8.0)" true
else
  grep -v '^\s*$' "$work/smoke-build.log" | tail -n 40
  check "PackageSmoke restores the packages and builds (net10.0, net8.0)" false
  finish
fi
for id in cadence cadence.dependencyinjection; do
  check "$id $version was restored from the packed folder" \
    grep -qF "\"source\": \"$packages\"" "$NUGET_PACKAGES/$id/$version/.nupkg.metadata"
done

for tfm in net10.0 net8.0; do
  dll="$work/smoke/bin/PackageSmoke/release_$tfm/PackageSmoke.dll"
  # The net8.0 build runs on the installed runtime (it may be newer) with the packages' net8.0 assets.
  DOTNET_ROLL_FORWARD=Major dotnet "$dll" "$version" >"$work/smoke-$tfm.log" 2>&1
  status=$?
  cat "$work/smoke-$tfm.log"
  line=$(grep -a "^smoke \[$tfm\]: [0-9]* passed, [0-9]* failed$" "$work/smoke-$tfm.log" | tail -n 1)
  if [ -z "$line" ]; then
    check "PackageSmoke ($tfm) printed its result (exit $status)" false
    continue
  fi
  p=$(sed -n 's/.*: \([0-9]*\) passed.*/\1/p' <<<"$line")
  f=$(sed -n 's/.* \([0-9]*\) failed$/\1/p' <<<"$line")
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    check "PackageSmoke ($tfm) exited $status with no failed check" false
  fi
done

finish
