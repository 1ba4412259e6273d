#!/usr/bin/python3
"""Checks Cadence's sample feeds with python-icalendar, compared with what FeedSamples meant.

Run with Debian's interpreter, which has python3-icalendar: /usr/bin/python3 check_icalendar.py SAMPLES_DIR

Every feed listed in SAMPLES_DIR/manifest.json is parsed with icalendar.Calendar.from_ical and compared, field by
field, with its JSON file (written by FeedSamples from the plan, never from the .ics). Prints one line per check
and ends with "RESULT python-icalendar passed=N failed=M"; exits 1 when a check failed.

Known defects of the parser: icalendar 4.x/5.x/6.x decode some RFC 5545 TEXT wrongly (an escaped backslash before
'n', ',' or ';'; "%2C", "%3A", "%3B", "%5C" turned into ",:;\\"; CATEGORIES split on escaped commas; see README.md).
When a value differs from what was meant, the check still passes if, and only if, the value is exactly what this
icalendar's own decoding functions make of the RFC 5545 encoding of the meant text (and the unfolded line holds that
encoding byte for byte): that proves the feed's bytes are right and the difference is the parser's. Such passes are
marked "known parser defect" and counted at the end.
"""

import datetime
import json
import os
import sys

try:
    import icalendar
    from icalendar import parser as icparser
except ImportError:  # pragma: no cover - reported as a failure by run.sh
    print("FAIL python-icalendar is not installed for %s (apt-get install python3-icalendar)" % sys.executable)
    print("RESULT python-icalendar passed=0 failed=1")
    sys.exit(1)

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover
    ZoneInfo = None

TOOL = "python-icalendar %s" % getattr(icalendar, "__version__", "?")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.defects = 0

    def ok(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print("  ok   %s" % name)
        else:
            self.failed += 1
            print("  FAIL %s%s" % (name, (": " + detail) if detail else ""))
        return condition

    def equal(self, name, actual, expected):
        return self.ok(name, actual == expected, "got %r, meant %r" % (actual, expected))

    def text(self, name, actual, expected, model=None):
        """Exact text; or, when it differs, exactly the parser's known mis-decoding of correct bytes."""
        if actual == expected:
            return self.ok(name, True)
        if model is not None and actual == model and model != expected:
            self.passed += 1
            self.defects += 1
            print("  ok   %s (known parser defect: the parser reads %r for the meant %r)" % (name, actual, expected))
            return True
        return self.ok(name, False, "got %r, meant %r" % (actual, expected))


def rfc_text(value):
    """The RFC 5545 section 3.3.11 encoding of a TEXT value, as the design asks (\\\\, \\;, \\,, \\n)."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def icalendar_reads_text(value):
    """What this icalendar makes of the correct encoding of `value`: its content-line and TEXT decoding."""
    return icparser.unescape_char(icparser.unescape_string(icparser.escape_string(rfc_text(value))))


def icalendar_reads_list(values):
    wire = ",".join(rfc_text(v) for v in values)
    decoded = icparser.unescape_string(icparser.escape_string(wire))
    return [str(v) for v in icalendar.prop.vCategory.from_ical(decoded)]


def unfolded_lines(data):
    """The feed's content lines, unfolded by icalendar's own Contentlines."""
    return [str(line) for line in icparser.Contentlines.from_ical(data) if line]


def as_text(value):
    if value is None:
        return None
    if isinstance(value, list):
        return [as_text(v) for v in value]
    return str(value)


def categories(component):
    value = component.get("CATEGORIES")
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if hasattr(item, "cats"):
            out.extend(str(c) for c in item.cats)
        else:
            out.append(str(item))
    return out


def when(component, name):
    """A DATE as 'yyyy-mm-dd', a UTC DATE-TIME as 'yyyy-mm-ddThh:mm:ssZ', or a description of anything else."""
    if component.get(name) is None:
        return None
    value = component.decoded(name)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() != datetime.timedelta(0):
            return "not UTC: %r" % (value,)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return repr(value)


def duration_seconds(value):
    if isinstance(value, datetime.timedelta):
        return int(value.total_seconds())
    return None


def check_calendar(checks, feed, cal, lines):
    name = feed["name"]
    meant = feed["calendar"]
    checks.equal("%s: VERSION" % name, as_text(cal.get("VERSION")), "2.0")
    checks.equal("%s: PRODID" % name, as_text(cal.get("PRODID")), meant["productId"])
    for prop in ("NAME", "X-WR-CALNAME"):
        checks.text("%s: %s" % (name, prop), as_text(cal.get(prop)), meant["name"], icalendar_reads_text(meant["name"]))
    for prop in ("DESCRIPTION", "X-WR-CALDESC"):
        checks.text("%s: calendar %s" % (name, prop), as_text(cal.get(prop)), meant["description"],
                    icalendar_reads_text(meant["description"]) if meant["description"] is not None else None)
    for prop in ("REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        value = cal.get(prop)
        seconds = duration_seconds(value.dt) if hasattr(value, "dt") else None
        checks.ok("%s: %s is %s" % (name, prop, meant["refreshInterval"]),
                  as_text(value) == meant["refreshInterval"] or seconds == 4 * 3600, "got %r" % (value,))
    checks.ok("%s: no METHOD" % name, cal.get("METHOD") is None, "got %r" % (cal.get("METHOD"),))
    checks.ok("%s: no ATTENDEE anywhere" % name, not any(c.get("ATTENDEE") is not None for c in cal.walk()))
    checks.ok("%s: every physical line is at most 75 octets and ends with CRLF" % name, lines_ok(feed["_raw"]))


def lines_ok(data):
    if not data.endswith(b"\r\n"):
        return False
    for line in data.split(b"\r\n")[:-1]:
        if len(line) > 75 or b"\n" in line or b"\r" in line:
            return False
    return True


def check_components(checks, feed, cal, lines):
    name = feed["name"]
    meant = feed["components"]
    kinds = sorted({c["kind"] for c in meant}) or ["VEVENT"]
    found = [c for c in cal.walk() if c.name in ("VEVENT", "VTODO", "VJOURNAL")]
    checks.equal("%s: component count" % name, len(found), len(meant))
    checks.equal("%s: component kinds" % name, sorted({c.name for c in found}) or kinds, kinds)
    uids = [as_text(c.get("UID")) for c in found]
    checks.equal("%s: UIDs are unique" % name, len(set(uids)), len(uids))
    checks.equal("%s: UIDs are the state's UIDs" % name, sorted(uids, key=str), sorted(feed["stateUids"]))
    checks.equal("%s: meant UIDs (one feed per touch) are the state's UIDs" % name,
                 sorted(c["uid"] for c in meant), sorted(feed["stateUids"]))
    checks.ok("%s: no injected component" % name,
              not any(as_text(c.get("SUMMARY")) == "injected" for c in found))
    by_uid = {as_text(c.get("UID")): c for c in found}
    for m in meant:
        label = "%s: %s %s (%s)" % (name, m["kind"], m["uid"][:12], ",".join(m["relationshipIds"]))
        c = by_uid.get(m["uid"])
        if not checks.ok("%s present" % label, c is not None, "no component with UID %s" % m["uid"]):
            continue
        checks.equal("%s kind" % label, c.name, m["kind"])
        if m["kind"] == "VTODO":
            checks.equal("%s DUE" % label, when(c, "DUE"), m["due"])
            checks.equal("%s no DTSTART" % label, c.get("DTSTART"), None)
            checks.equal("%s STATUS" % label, as_text(c.get("STATUS")), m["status"])
        else:
            checks.equal("%s DTSTART" % label, when(c, "DTSTART"), m["start"])
            checks.equal("%s DTEND" % label, when(c, "DTEND"), m["end"])
            checks.equal("%s TRANSP" % label, as_text(c.get("TRANSP")), m["transp"])
            if m["localStart"] is not None and ZoneInfo is not None:
                local = c.decoded("DTSTART").astimezone(ZoneInfo(m["timeZone"])).strftime("%Y-%m-%dT%H:%M:%S")
                checks.equal("%s DTSTART in %s (zoneinfo)" % (label, m["timeZone"]), local, m["localStart"])
        checks.text("%s SUMMARY" % label, as_text(c.get("SUMMARY")), m["summary"], icalendar_reads_text(m["summary"]))
        check_wire(checks, label, lines, m["uid"], "SUMMARY", m["summary"])
        description = as_text(c.get("DESCRIPTION"))
        if m["description"] is None:
            checks.equal("%s no DESCRIPTION" % label, description, None)
        else:
            checks.text("%s DESCRIPTION" % label, description, m["description"], icalendar_reads_text(m["description"]))
            check_wire(checks, label, lines, m["uid"], "DESCRIPTION", m["description"])
            for i, part in enumerate(m["descriptionContains"]):
                model = icalendar_reads_text(m["description"])
                ok = part in (description or "")
                if not ok and description == model and icalendar_reads_text(part) in description:
                    checks.text("%s DESCRIPTION contains part %d" % (label, i), description, m["description"], model)
                else:
                    checks.ok("%s DESCRIPTION contains part %d" % (label, i), ok,
                              "%r not in %r" % (part, description))
        checks.text("%s CATEGORIES" % label, categories(c), m["categories"], icalendar_reads_list(m["categories"]))
        checks.equal("%s CLASS" % label, as_text(c.get("CLASS")), m["class"])
        checks.equal("%s SEQUENCE" % label, int(c.get("SEQUENCE")) if c.get("SEQUENCE") is not None else None, m["sequence"])
        checks.equal("%s DTSTAMP" % label, when(c, "DTSTAMP"), m["lastModified"])
        checks.equal("%s LAST-MODIFIED" % label, when(c, "LAST-MODIFIED"), m["lastModified"])
        alarms = [a for a in c.walk("VALARM")]
        if m["alarm"] is None:
            checks.equal("%s no VALARM" % label, len(alarms), 0)
        else:
            if checks.equal("%s one VALARM" % label, len(alarms), 1):
                a = alarms[0]
                checks.equal("%s VALARM ACTION" % label, as_text(a.get("ACTION")), m["alarm"]["action"])
                checks.equal("%s VALARM TRIGGER" % label, duration_seconds(a.decoded("TRIGGER")), m["alarm"]["triggerSeconds"])
                checks.text("%s VALARM DESCRIPTION" % label, as_text(a.get("DESCRIPTION")), m["alarm"]["description"],
                            icalendar_reads_text(m["alarm"]["description"]))


def check_wire(checks, label, lines, uid, prop, meant):
    """The unfolded line of the property in the component with this UID is NAME:<RFC 5545 TEXT of the meant value>."""
    want = "%s:%s" % (prop, rfc_text(meant))
    current, got = None, None
    for line in lines:
        if line.startswith("UID:"):
            current = line[4:]
        elif line.startswith("BEGIN:VALARM"):
            current = None if current == uid else current
        elif current == uid and (line.startswith(prop + ":") or line.startswith(prop + ";")):
            got = line
            break
    checks.equal("%s %s unfolded line is the RFC 5545 TEXT encoding" % (label, prop), got, want)


def check_moved(checks, feed, cal, samples):
    moved = feed.get("moved")
    if not moved:
        return
    name = feed["name"]
    before_feed = load(samples, moved["previousFeed"])
    before = icalendar.Calendar.from_ical(before_feed["_raw"])

    def find(c, uid):
        return [e for e in c.walk() if e.name in ("VEVENT", "VTODO") and as_text(e.get("UID")) == uid]

    old, new = find(before, moved["uid"]), find(cal, moved["uid"])
    if checks.ok("%s: moved UID appears once before and once after" % name, len(old) == 1 and len(new) == 1,
                 "before %d, after %d" % (len(old), len(new))):
        checks.equal("%s: moved event was on %s" % (name, moved["fromDate"]), when(old[0], "DTSTART"), moved["fromDate"])
        checks.equal("%s: moved event is on %s" % (name, moved["toDate"]), when(new[0], "DTSTART"), moved["toDate"])
        checks.equal("%s: SEQUENCE 0 then 1" % name, (int(old[0]["SEQUENCE"]), int(new[0]["SEQUENCE"])), (0, 1))
        checks.ok("%s: DTSTAMP moved forward" % name, new[0].decoded("DTSTAMP") > old[0].decoded("DTSTAMP"))
    others_before = {as_text(e.get("UID")): e for e in before.walk("VEVENT") if as_text(e.get("UID")) != moved["uid"]}
    others_after = {as_text(e.get("UID")): e for e in cal.walk("VEVENT") if as_text(e.get("UID")) != moved["uid"]}
    checks.equal("%s: the other events keep their UIDs" % name, sorted(others_after), sorted(others_before))
    unchanged = all(int(others_after[u]["SEQUENCE"]) == 0 and when(others_after[u], "DTSTAMP") == when(others_before[u], "DTSTAMP")
                    for u in others_after if u in others_before)
    checks.ok("%s: the other events keep SEQUENCE 0 and their DTSTAMP" % name, unchanged)


def load(samples, name):
    with open(os.path.join(samples, name + ".json"), encoding="utf-8") as f:
        feed = json.load(f)
    with open(os.path.join(samples, feed["file"]), "rb") as f:
        feed["_raw"] = f.read()
    return feed


def main(argv):
    if len(argv) != 2:
        print("usage: /usr/bin/python3 check_icalendar.py SAMPLES_DIR", file=sys.stderr)
        return 2
    samples = argv[1]
    checks = Checks()
    print("%s (%s), Python %s" % (TOOL, os.path.dirname(icalendar.__file__), sys.version.split()[0]))
    with open(os.path.join(samples, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    for entry in manifest:
        feed = load(samples, entry["name"])
        print("%s (%s)" % (feed["file"], feed["about"]))
        try:
            cal = icalendar.Calendar.from_ical(feed["_raw"])
        except Exception as exc:  # a feed that does not parse fails its checks
            checks.ok("%s: parses" % feed["name"], False, repr(exc))
            continue
        checks.ok("%s: parses" % feed["name"], True)
        try:
            lines = unfolded_lines(feed["_raw"])
            check_calendar(checks, feed, cal, lines)
            check_components(checks, feed, cal, lines)
            check_moved(checks, feed, cal, samples)
        except Exception as exc:  # a feed that breaks the checks fails, and the others are still checked
            checks.ok("%s: checks run to the end" % feed["name"], False, "%s: %r" % (type(exc).__name__, exc))
    # The design: the same plan, previous state and instant give byte-identical output (a strong ETag works).
    names = {entry["name"] for entry in manifest}
    if {"events", "moved-1"} <= names:
        checks.equal("moved-1.ics is byte-identical to events.ics (same plan, state and instant)",
                     load(samples, "moved-1")["_raw"] == load(samples, "events")["_raw"], True)
    if checks.defects:
        print("%s: %d values matched only as this parser's known mis-decoding of correct bytes (see README.md)"
              % (TOOL, checks.defects))
    print("RESULT python-icalendar passed=%d failed=%d known-parser-defects=%d" % (checks.passed, checks.failed, checks.defects))
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
