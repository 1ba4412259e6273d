#!/usr/bin/env bash
# The subscription path, end to end: the sample console serves the feed on loopback, vdirsyncer subscribes to it
# over HTTP as a calendar app would, khal shows what vdirsyncer stored; after a `move` (and a `log`) and a re-sync
# the event has moved (or been replaced), not doubled. See README.md.
#
# Usage: bash check_subscription.sh
#
# Everything happens in a temporary directory (the build, the data file; vdirsyncer and khal run with XDG_CONFIG_HOME,
# XDG_DATA_HOME, XDG_CACHE_HOME and HOME there; the only network is 127.0.0.1, and NuGet's for the build). Steps:
#   1. Builds samples/Cadence.Diary (Release, its own --artifacts-path); `init`s the demo diary for a fixed day,
#      sets the owner's zone to Europe/London, `add`s a relationship and `promise`s it a timed commitment; starts
#      `serve --port 0 --horizon 30` and reads the links from its first line (the server is stopped on exit).
#   2. curl: 200, Content-Type, a strong ETag, Cache-Control: private, Last-Modified; If-None-Match and
#      If-Modified-Since get 304; a wrong token gets 404.
#   3. vdirsyncer (Debian) pairs an `http` storage on the feed URL with a `filesystem` vdir, `discover`, `sync`:
#      one .ics file per served event; a second sync with nothing changed copies nothing.
#   4. khal lists the vdir: every touch that `agenda --json --days 30` (the feed's horizon) has, once, on its day
#      (all day, or at its time in London), with its title and reasons; nothing else.
#   5. `move` a touch several days later while the server runs, re-sync: in khal it is on its new day only, the
#      count is unchanged, the vdir has as many files, the moved event's file holds SEQUENCE >= 1; the served feed
#      kept its UID; the old ETag now gets 200 and a new ETag; events that did not change were not touched.
#   6. `log` a touch that was due today, re-sync: its event is replaced by the next one, nothing left behind.
# vdirsyncer's http storage replaces each event's UID by a hash of its content (HttpStorage._ignore_uids, not
# configurable in 0.19), so a changed event reaches the vdir as a deletion plus a new file, not as an update of
# the same UID: the checks find events by title, which is unique in the demo diary.
# Ends with "RESULT subscription passed=N failed=M"; exits 1 on a failure.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8 NO_COLOR=1
py=/usr/bin/python3

today=2026-03-13   # a Friday; the demo diary is dated relative to it
horizon=30         # the feed's days: today ... today + 29

passed=0
failed=0
ok() { # name
  passed=$((passed + 1))
  echo "  ok   $1"
}
fail() { # name [detail]: one line
  local detail=${2:-}
  detail=${detail//$'\r'/}
  detail=${detail//$'\n'/ | }
  failed=$((failed + 1))
  echo "  FAIL $1${detail:+: $detail}"
}
check() { # name detail command...: the command's variables must not be check_name or check_detail
  local check_name=$1 check_detail=$2
  shift 2
  if "$@"; then ok "$check_name"; else fail "$check_name" "$check_detail"; fi
}
finish() {
  echo "RESULT subscription passed=$passed failed=$failed"
  [ "$failed" -eq 0 ]
  exit
}

missing=()
for tool in dotnet vdirsyncer khal curl; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ -x "$py" ] || missing+=("$py")
if [ ${#missing[@]} -gt 0 ]; then
  fail "missing: ${missing[*]}" "apt-get install vdirsyncer khal curl; the .NET SDK"
  finish
fi

tmp=$(mktemp -d)
server=
stop_server() { # SIGTERM, and SIGKILL after 10 s
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null
    for _ in $(seq 1 100); do
      kill -0 "$server" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server" 2>/dev/null
    wait "$server" 2>/dev/null
    server=
  fi
}
trap 'stop_server; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/config/vdirsyncer" "$tmp/config/khal" "$tmp/data" "$tmp/cache" "$tmp/home" "$tmp/status" \
  "$tmp/vdir" "$tmp/out"
# vdirsyncer and khal see only the temporary directory (dotnet keeps the real HOME: its NuGet cache is there).
sandbox=(env HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache")
vdirsyncer() { "${sandbox[@]}" vdirsyncer "$@"; }
khal() { "${sandbox[@]}" khal "$@"; }
out=$tmp/out
data=$tmp/diary.json

echo "$(vdirsyncer --version 2>&1) ($(type -P vdirsyncer)); $(khal --version 2>&1) ($(type -P khal))"

# --- 1. The sample, its data file and its server ----------------------------------------------------------------
# From tests/interop, so the repository's global.json picks the SDK; its own artifacts path, so nothing is written
# under samples/ or src/ (or clashes with a build running there).
dll=$tmp/artifacts/bin/Cadence.Diary/release/Cadence.Diary.dll
if ! (cd "$here" && dotnet build "$repo/samples/Cadence.Diary/Cadence.Diary.csproj" -c Release \
        --artifacts-path "$tmp/artifacts" -nologo -v q) >"$out/build.log" 2>&1 || [ ! -f "$dll" ]; then
  grep -v '^\s*$' "$out/build.log" | tail -n 30
  fail "samples/Cadence.Diary builds"
  finish
fi
ok "samples/Cadence.Diary builds (Release, own artifacts path)"

diary() { # command args...: the sample on the data file, today being $today
  dotnet "$dll" "$@" --data "$data" --date "$today"
}

# The added relationship: a name with accents, an emoji and TEXT specials; a commitment at 10:30 in London on a
# day of British Summer Time (09:30Z in the feed).
guest_id=sub-guest
guest_name='Zoë Ünal-Łukasz; "Sub", 🏳️‍🌈'
if diary init >"$out/init.out" 2>&1 \
   && diary owner --zone Europe/London >>"$out/init.out" 2>&1 \
   && diary add "$guest_name" --tier client --id "$guest_id" --zone Europe/Berlin >>"$out/init.out" 2>&1 \
   && diary promise "$guest_id" --on 2026-04-02 --at 10:30 --channel meeting \
        --what 'bring the deck; agenda, notes & "costs"' >>"$out/init.out" 2>&1; then
  ok "init, owner --zone Europe/London, add and promise on $data"
else
  cat "$out/init.out"
  fail "init, owner, add and promise"
  finish
fi

dotnet "$dll" serve --port 0 --horizon "$horizon" --data "$data" --date "$today" >"$out/serve.out" 2>"$out/serve.err" &
server=$!
line=
for _ in $(seq 1 300); do # up to 30 s
  if [ -s "$out/serve.out" ] && [ "$(wc -l <"$out/serve.out")" -ge 1 ]; then
    line=$(head -n 1 "$out/serve.out")
    break
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
re='^Feed: (http://127\.0\.0\.1:([0-9]+)/feed/([A-Za-z0-9_-]+)\.ics)  webcal://127\.0\.0\.1:([0-9]+)/feed/([A-Za-z0-9_-]+)\.ics$'
if [[ $line =~ $re ]] && [ "${BASH_REMATCH[2]}" = "${BASH_REMATCH[4]}" ] && [ "${BASH_REMATCH[3]}" = "${BASH_REMATCH[5]}" ]; then
  url=${BASH_REMATCH[1]}
  token=${BASH_REMATCH[3]}
  ok "serve --port 0 prints the http and webcal links of one feed on its first line (port ${BASH_REMATCH[2]})"
else
  fail "serve prints its links on its first line" "first line ${line@Q}; stderr: $(head -c 500 "$out/serve.err")"
  finish
fi
stored_token=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["feed"]["token"])' "$data" 2>/dev/null)
check "the link's token is the data file's feed token" "file has ${stored_token@Q}" [ "$token" = "$stored_token" ]

# --- 2. HTTP, as a calendar app's refresh sees it ---------------------------------------------------------------------
fetch() { # name [curl options...]: headers in $out/NAME.h, body in $out/NAME.body; prints the status
  local name=$1
  shift
  : >"$out/$name.body"
  curl -sS --max-time 10 -D "$out/$name.h" -o "$out/$name.body" -w '%{http_code}' "$@" 2>"$out/$name.err"
}
header() { # name header: its value (the last one), without CR
  sed -n "s/^$2: *//Ip" "$out/$1.h" | tr -d '\r' | tail -n 1
}

status=$(fetch get1 "$url")
check "GET the feed: 200" "got ${status:-no answer} $(cat "$out/get1.err")" [ "$status" = 200 ]
ctype=$(header get1 Content-Type)
check "Content-Type: text/calendar; charset=utf-8" "got ${ctype@Q}" [ "$ctype" = "text/calendar; charset=utf-8" ]
etag=$(header get1 ETag)
etag_re='^"[!#-~]+"$'
check "a strong ETag" "got ${etag@Q}" eval '[[ $etag =~ $etag_re ]]'
cache=$(header get1 Cache-Control)
check "Cache-Control: private" "got ${cache@Q}" [ "$cache" = private ]
modified=$(header get1 Last-Modified)
check "a Last-Modified that is an HTTP date" "got ${modified@Q}" \
  "$py" -c 'import sys, email.utils; sys.exit(0 if email.utils.parsedate_to_datetime(sys.argv[1]) else 1)' "$modified"
check "the body is an iCalendar stream" "starts with $(head -c 40 "$out/get1.body" | tr -d '\r\n')" \
  cmp -s -n 17 "$out/get1.body" <(printf 'BEGIN:VCALENDAR\r\n')

status=$(fetch inm "$url" -H "If-None-Match: $etag")
check "GET with If-None-Match: its ETag: 304, no body, the same ETag" \
  "got $status, $(wc -c <"$out/inm.body") bytes, ETag $(header inm ETag)" \
  eval '[ "$status" = 304 ] && [ ! -s "$out/inm.body" ] && [ "$(header inm ETag)" = "$etag" ]'
status=$(fetch ims "$url" -H "If-Modified-Since: $modified")
check "GET with If-Modified-Since: its Last-Modified: 304" "got $status" [ "$status" = 304 ]
if [ "${token:0:1}" = A ]; then wrong=B${token:1}; else wrong=A${token:1}; fi
status=$(fetch wrong "${url/$token/$wrong}")
check "GET with a wrong token (same length): 404, no feed" "got $status" \
  eval '[ "$status" = 404 ] && ! grep -q VCALENDAR "$out/wrong.body"'

# --- 3. vdirsyncer subscribes ------------------------------------------------------------------------------------
cat >"$tmp/config/vdirsyncer/config" <<EOF
[general]
status_path = "$tmp/status/"

[pair cadence]
a = "cadence_feed"
b = "cadence_vdir"
collections = null
conflict_resolution = "a wins"

[storage cadence_feed]
type = "http"
url = "$url"

[storage cadence_vdir]
type = "filesystem"
path = "$tmp/vdir/"
fileext = ".ics"
EOF

# shellcheck source=khal_config.sh
. "$here/khal_config.sh"
khal_config "$tmp/config/khal/config" feed "feed=$tmp/vdir"

# One record per event: fields split by US (0x1f), records ended by RS (0x1e); titles may hold line breaks.
format=$'{start-date}\x1f{end-date}\x1f{start-time}\x1f{end-time}\x1f{title}\x1f{description}\x1f{uid}\x1e'
from=$("$py" -c 'import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) - datetime.timedelta(days=30))' "$today")
until=$("$py" -c 'import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=400))' "$today")

sync() { # name: vdirsyncer sync, then khal list over a range wider than the horizon, then the vdir and what the
         # sample says (agenda over the horizon, plan), all into $out
  local name=$1 rc
  vdirsyncer sync >"$out/$name.sync" 2>&1
  rc=$?
  check "$name: vdirsyncer sync exits 0 with no error or warning" "exit $rc: $(tail -c 600 "$out/$name.sync")" \
    eval '[ $rc -eq 0 ] && ! grep -qiE "error|warning|critical" "$out/$name.sync"'
  khal list -a feed --format "$format" --day-format '' "$from" "$until" >"$out/$name.list" 2>"$out/$name.list.err"
  rc=$?
  check "$name: khal list exits 0 with no error or warning" "exit $rc: $(tail -c 600 "$out/$name.list.err")" \
    eval '[ $rc -eq 0 ] && ! grep -qiE "error|warning|critical" "$out/$name.list.err"'
  rm -rf "$out/$name.vdir"
  cp -r "$tmp/vdir" "$out/$name.vdir"
  diary agenda --json --days "$horizon" >"$out/$name.agenda.json" 2>"$out/$name.agenda.err" \
    || fail "$name: agenda --json" "$(cat "$out/$name.agenda.err")"
  diary plan --json >"$out/$name.plan.json" 2>"$out/$name.plan.err" \
    || fail "$name: plan --json" "$(cat "$out/$name.plan.err")"
}

vdirsyncer discover </dev/null >"$out/discover.log" 2>&1
rc=$?
check "vdirsyncer discover (collections = null) exits 0 without asking" "exit $rc: $(tail -c 600 "$out/discover.log")" \
  [ $rc -eq 0 ]
sync first
sync again   # nothing changed: nothing may be copied
status=$(fetch feed1 "$url") # the feed as served after the first sync, for the checks below
[ "$status" = 200 ] || fail "GET the feed again: 200" "got $status"

# --- 5. A move while the server runs ------------------------------------------------------------------------------
# A touch with neither commitment nor move, due within the horizon and at least a week before its end; moved 5 days
# later, to the next working day (owner's workingDays, holidays and timeOff), still within the horizon.
read -r moved_id moved_from moved_to <<<"$("$py" - "$out/first.agenda.json" "$data" "$today" "$horizon" "$guest_id" <<'PY'
import datetime, json, sys
agenda = json.load(open(sys.argv[1], encoding="utf-8"))
owner = json.load(open(sys.argv[2], encoding="utf-8")).get("owner", {})
today = datetime.date.fromisoformat(sys.argv[3])
last = today + datetime.timedelta(days=int(sys.argv[4]) - 1)
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
working = set(owner.get("workingDays", days[:5]))
off = {datetime.date.fromisoformat(d) for d in owner.get("holidays", [])}
for r in owner.get("timeOff", []):
    d = datetime.date.fromisoformat(r["from"])
    while d <= datetime.date.fromisoformat(r["to"]):
        off.add(d)
        d += datetime.timedelta(days=1)
for t in agenda["touches"]:
    due = datetime.date.fromisoformat(t["due"])
    if t["commitment"] or t["move"] or t["time"] or t["id"] == sys.argv[5]:
        continue
    if not (today + datetime.timedelta(days=3) <= due <= last - datetime.timedelta(days=7)):
        continue
    to = due + datetime.timedelta(days=5)
    while days[to.weekday()] not in working or to in off:
        to += datetime.timedelta(days=1)
    if to <= last:
        print(t["id"], due, to)
        break
PY
)"
if [ -z "${moved_to:-}" ]; then
  fail "agenda --json has a touch to move (no commitment or move, due 3 days to a week before the horizon's end)"
  finish
fi
if diary move "$moved_id" --to "$moved_to" >"$out/move.out" 2>&1; then
  ok "move $moved_id --to $moved_to (from $moved_from) while the server runs: $(head -n 1 "$out/move.out")"
else
  fail "move $moved_id --to $moved_to" "$(cat "$out/move.out")"
fi
status=$(fetch moved "$url" -H "If-None-Match: $etag")
new_etag=$(header moved ETag)
check "after the move, If-None-Match: the old ETag gets 200 and a new ETag" "got $status, ETag ${new_etag@Q}" \
  eval '[ "$status" = 200 ] && [ -n "$new_etag" ] && [ "$new_etag" != "$etag" ]'
new_modified=$(header moved Last-Modified)
check "after the move, Last-Modified did not go back" "${modified@Q} then ${new_modified@Q}" \
  "$py" -c 'import sys, email.utils as u; sys.exit(0 if u.parsedate_to_datetime(sys.argv[2]) >= u.parsedate_to_datetime(sys.argv[1]) else 1)' \
  "$modified" "$new_modified"
sync move

# --- 6. A log while the server runs ------------------------------------------------------------------------------------
# A touch due today with neither commitment nor move; a prospect if there is one (due again in two weeks, so
# within the horizon).
logged_id=$("$py" -c '
import json, sys
due = [t for t in json.load(open(sys.argv[1], encoding="utf-8"))["touches"]
       if t["due"] == sys.argv[2] and not t["commitment"] and not t["move"] and not t["time"]]
due.sort(key=lambda t: t["tier"] != "prospect")
print(due[0]["id"] if due else "")' "$out/move.agenda.json" "$today")
if [ -n "$logged_id" ] && diary log "$logged_id" --channel call --note "Caught up" >"$out/log.out" 2>&1; then
  ok "log $logged_id --channel call (a touch due today) while the server runs"
else
  fail "log a touch due today" "${logged_id:-no touch due today without a commitment}: $(cat "$out/log.out" 2>/dev/null)"
fi
status=$(fetch logged "$url")
sync log

stop_server
check "the server stops on SIGTERM and says so" "$(tail -n 2 "$out/serve.out")" grep -q '^Stopped\.$' "$out/serve.out"
grep -v '^Stopped\.$' "$out/serve.err" >"$out/serve.err.rest"
check "the server wrote nothing to stderr" "$(head -c 500 "$out/serve.err.rest")" eval '[ ! -s "$out/serve.err.rest" ]'
requests=$(grep -cE '^[0-9:]{8} GET /feed/… (200|304|404)$' "$out/serve.out")
check "the server logged the requests without the token" "token in its log" eval '! grep -q -- "$token" <(tail -n +2 "$out/serve.out")'

# --- 4., 5., 6.: what vdirsyncer stored and khal shows, against what the sample says ---------------------------------
"$py" - "$out" "$today" "$horizon" "$guest_id" "$moved_id" "$moved_from" "$moved_to" "${logged_id:-}" "$requests" <<'PY'
import datetime, json, os, re, sys

out, today, horizon, guest, moved_id, moved_from, moved_to, logged_id, requests = sys.argv[1:10]
today = datetime.date.fromisoformat(today)
last = today + datetime.timedelta(days=int(horizon) - 1)
passed = failed = 0

def ok(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print("  ok   %s" % name)
    else:
        failed += 1
        detail = detail.replace("\r", "").replace("\n", " | ")
        print("  FAIL %s%s" % (name, (": " + (detail if len(detail) <= 400 else detail[:397] + "...")) if detail else ""))
    return condition

def equal(name, actual, expected):
    return ok(name, actual == expected, "got %r, meant %r" % (actual, expected))

def read(name):
    with open(os.path.join(out, name), encoding="utf-8", errors="replace") as f:
        return f.read()

def unfold(text):
    return re.sub(r"\r?\n[ \t]", "", text).replace("\r\n", "\n").split("\n")

def vevents(text):
    """The VEVENTs of an iCalendar text, each as its unfolded content lines (nested components included)."""
    events, current, depth = [], None, 0
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current, depth = [], 0
        elif current is not None:
            if line.startswith("BEGIN:"):
                depth += 1
            elif line.startswith("END:") and depth:
                depth -= 1
            elif line == "END:VEVENT":
                events.append(current)
                current = None
                continue
            current.append(line)
    return events

def prop(event, name):
    for line in event:
        key = line.split(":", 1)[0]
        if key.split(";", 1)[0] == name:
            return line.split(":", 1)[1] if ":" in line else ""
    return None

def summary(event):
    """SUMMARY as text (the feed's titles hold only `\\,`, `\\;` and `\\\\` escapes, if any)."""
    value = prop(event, "SUMMARY") or ""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)

def content(event, drop=("UID", "DTSTAMP", "LAST-MODIFIED")):
    return tuple(sorted(l for l in event if l.split(":", 1)[0].split(";", 1)[0] not in drop))

def records(name):
    rows = []
    for chunk in read(name + ".list").split("\x1e"):
        chunk = chunk.lstrip("\n")
        if not chunk.strip():
            continue
        fields = chunk.split("\x1f")
        if len(fields) != 7:
            rows.append({"bad": chunk})
            continue
        rows.append(dict(zip(["start_date", "end_date", "start_time", "end_time", "title", "description", "uid"], fields)))
    return rows

def vdir(name):
    path = os.path.join(out, name + ".vdir")
    files = {}
    for f in sorted(os.listdir(path)):
        with open(os.path.join(path, f), encoding="utf-8") as h:
            files[f] = h.read()
    return files

def touches(name):
    return json.load(open(os.path.join(out, name + ".agenda.json"), encoding="utf-8"))["touches"]

def sync_log(name):
    text = read(name + ".sync")
    return (len(re.findall(r"^Copying \(uploading\) item ", text, re.M)),
            len(re.findall(r"^Copying \(updating\) item ", text, re.M)),
            len(re.findall(r"^Deleting item ", text, re.M)))

def churn(step, before, after, files_before, files_after):
    """Events by title before and after a change: vdirsyncer must upload the new and changed ones, delete the
    changed and gone ones (its http storage gives a changed event a new UID), and leave the others' files alone;
    the feed must not bump the SEQUENCE of an unchanged event."""
    new = sorted(t for t in after if t not in before)
    gone = sorted(t for t in before if t not in after)
    changed = sorted(t for t in after if t in before and content(after[t]) != content(before[t]))
    bumped = [t for t in after if t in before and content(after[t]) == content(before[t])
              and prop(after[t], "SEQUENCE") != prop(before[t], "SEQUENCE")]
    ok("%s: no unchanged event got a new SEQUENCE in the feed" % step, not bumped, repr(bumped))
    equal("%s: vdirsyncer uploaded the new and changed events and deleted the changed and gone ones "
          "(new %s; changed %s; gone %s)" % (step, new, changed, gone),
          sync_log(step), (len(new) + len(changed), 0, len(changed) + len(gone)))
    equal("%s: every unchanged event kept its vdir file" % step, len(set(files_before) & set(files_after)),
          len(before) - len(changed) - len(gone))
    return new, changed, gone

def compare(step, served_name):
    """khal's list against `agenda --json --days HORIZON` and against the events served; the vdir against the feed."""
    meant = touches(step)
    plan = json.load(open(os.path.join(out, step + ".plan.json"), encoding="utf-8"))["touches"]
    in_horizon = [t for t in plan if datetime.date.fromisoformat(t["due"]) <= last]
    equal("%s: agenda --days %s holds the plan's touches up to %s" % (step, horizon, last),
          sorted((t["id"], t["due"]) for t in meant), sorted((t["id"], t["due"]) for t in in_horizon))
    titles = [t["title"] for t in meant]
    ok("%s: the titles are unique (events are matched by title)" % step, len(set(titles)) == len(titles), repr(titles))
    served = vevents(read(served_name + ".body"))
    rows = records(step)
    files = vdir(step)
    equal("%s: the feed serves one event per touch within the horizon" % step, len(served), len(meant))
    equal("%s: khal lists as many events as the feed serves" % step, len(rows), len(served))
    equal("%s: one vdir file per served event" % step, len(files), len(served))
    stored = [e for text in files.values() for e in vevents(text)]
    odd = [f for f, text in files.items() if len(vevents(text)) != 1 or not f.endswith(".ics")]
    ok("%s: every vdir file is an .ics holding one VEVENT" % step, not odd, repr(odd[:3]))
    have = sorted(content(e, ("UID",)) for e in stored)
    want = sorted(content(e, ("UID",)) for e in served)
    extra = [summary(list(c)) for c in have if have.count(c) > want.count(c)]
    lack = [summary(list(c)) for c in want if want.count(c) > have.count(c)]
    ok("%s: the vdir holds the served events, property for property but the UID vdirsyncer replaces" % step,
       have == want, "in the vdir only: %r; served only: %r" % (extra, lack))
    bad = [r["bad"] for r in rows if "bad" in r]
    ok("%s: every listed record has all its fields" % step, not bad, repr(bad[:2]))
    rows = [r for r in rows if "bad" not in r]
    extra = [r for r in rows if r["title"] not in titles]
    ok("%s: khal shows no event the agenda does not have" % step, not extra, repr(extra[:2]))
    for t in meant:
        label = "%s: %s (%s)" % (step, t["title"], t["id"])
        mine = [r for r in rows if r["title"] == t["title"]]
        if not equal("%s listed once" % label, len(mine), 1):
            continue
        r = mine[0]
        if t["time"] is None:
            equal("%s on %s, all day" % (label, t["due"]),
                  (r["start_date"], r["end_date"], r["start_time"], r["end_time"]), (t["due"], t["due"], "", ""))
        else:
            equal("%s on %s at %s in London" % (label, t["due"], t["time"]), (r["start_date"], r["start_time"]),
                  (t["due"], t["time"]))
        ok("%s: its description starts with why, in dates (the feed's wording)" % label, r["description"].startswith(t["datedWhy"] + "\n"),
           "got %r, datedWhy %r" % (r["description"][:200], t["datedWhy"]))
    return meant, served, rows, files

print("first sync: khal against agenda --json --days %s" % horizon)
meant, served, rows, files = compare("first", "feed1")
equal("first: vdirsyncer uploaded one item per served event, deleted nothing", sync_log("first"), (len(served), 0, 0))
g = [t for t in meant if t["id"] == guest]
if ok("first: the added relationship's timed commitment is in the agenda", len(g) == 1 and g[0]["time"] == "10:30"):
    ev = [e for e in served if summary(e) == g[0]["title"]]
    ok("first: its event is served at 09:30Z (10:30 British Summer Time)",
       len(ev) == 1 and prop(ev[0], "DTSTART") == "20260402T093000Z", repr(ev[:1]))
equal("again: a re-sync with nothing changed copies and deletes nothing", sync_log("again"), (0, 0, 0))
equal("again: the vdir files are the same", vdir("again"), files)
equal("first: every served event has SEQUENCE:0", sorted({prop(e, "SEQUENCE") for e in served}), ["0"])

print("after move %s --to %s (from %s) and a re-sync" % (moved_id, moved_to, moved_from))
before = {summary(e): e for e in served}
meant2, served2, rows2, files2 = compare("move", "moved")
m = [t for t in meant2 if t["id"] == moved_id]
if ok("move: agenda has %s on %s, moved by hand" % (moved_id, moved_to),
      len(m) == 1 and m[0]["due"] == moved_to and (m[0]["move"] or {}).get("to") == moved_to, repr(m)):
    title = m[0]["title"]
    equal("move: khal shows %s on %s only (not on %s)" % (title, moved_to, moved_from),
          [r["start_date"] for r in rows2 if r["title"] == title], [moved_to])
    equal("move: khal shows as many events as before (moved, not doubled)", len(rows2), len(rows))
    equal("move: the vdir has as many files as before", len(files2), len(files))
    mine = [(f, vevents(t)[0]) for f, t in files2.items() if vevents(t) and summary(vevents(t)[0]) == title]
    if equal("move: one vdir file holds %s" % title, len(mine), 1):
        e = mine[0][1]
        seq = prop(e, "SEQUENCE")
        ok("move: that file holds DTSTART %s and SEQUENCE >= 1" % moved_to,
           prop(e, "DTSTART") == moved_to.replace("-", "") and seq is not None and seq.isdigit() and int(seq) >= 1,
           "DTSTART %r, SEQUENCE %r" % (prop(e, "DTSTART"), seq))
    after = {summary(e): e for e in served2}
    if title in before and title in after:
        equal("move: the feed kept the event's UID", prop(after[title], "UID"), prop(before[title], "UID"))
        equal("move: the feed's event has SEQUENCE:1", prop(after[title], "SEQUENCE"), "1")
    churn("move", before, after, files, files2)

print("after log %s and a re-sync" % logged_id)
meant3, served3, rows3, files3 = compare("log", "logged")
if logged_id:
    old = [t for t in meant2 if t["id"] == logged_id]
    new = [t for t in meant3 if t["id"] == logged_id]
    # Its title may change with the touch (a follow-up's "Write to" becomes the cadence's "Call"): look for both.
    titles = [t["title"] for t in old] + [t["title"] for t in new]
    ok("log: %s's next touch is after today (or past the horizon)" % logged_id,
       all(t["due"] > today.isoformat() for t in new), repr([t["due"] for t in new]))
    equal("log: khal shows %s's event only on its next day" % logged_id,
          sorted(r["start_date"] for r in rows3 if r["title"] in titles), sorted(t["due"] for t in new))
    before_uids = {prop(e, "UID") for e in served2}
    after_uid = [prop(e, "UID") for e in served3 if summary(e) in titles]
    ok("log: the feed still has %s's event" % logged_id, len(after_uid) == len(new), repr(after_uid))
    ok("log: the feed replaced its event (a new UID: the touch it follows changed)",
       all(u not in before_uids for u in after_uid), repr(after_uid))
    churn("log", {summary(e): e for e in served2}, {summary(e): e for e in served3}, files2, files3)

equal("the server logged one line per request (7 by curl, 4 by vdirsyncer)", int(requests or 0), 11)
with open(os.path.join(out, "py.counts"), "w") as f:
    f.write("%d %d\n" % (passed, failed))
PY
if read -r p f <"$out/py.counts" 2>/dev/null; then
  passed=$((passed + p))
  failed=$((failed + f))
else
  fail "the comparison of khal, the vdir and the sample ran"
fi
finish
