"""Checks the dates that matter as yearly events (FeedOptions.WithYearlyDates) with three independent readers.

FeedSamples writes yearly-dates.ics and yearly-dates.json (each date's title and the days it falls on from 2026 to
2034, as the engine counts them). Here python-icalendar with dateutil's RRULE expansion, ical.js (its output file)
and khal (its list output) must find every date event on exactly those days: 29 February by its leap-day rule in
common years, "third Monday of September", "last Friday of June", a one-off date once.

Usage: /usr/bin/python3 check_dates.py SAMPLES_DIR ICALJS_JSON KHAL_LIST
Ends with "RESULT dates passed=N failed=M".
"""
import datetime
import json
import sys

import icalendar
from dateutil.rrule import rrulestr

passed = 0
failed = 0


def ok(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print("  ok   " + name)
    else:
        failed += 1
        print("  FAIL " + name + (": " + detail if detail else ""))


def unfold(raw):
    lines = []
    for line in raw.replace("\r\n", "\n").split("\n"):
        if line.startswith((" ", "\t")) and lines:
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def date_uids(raw):
    """The UIDs of the date events, in the order the feed has them (the order of yearly-dates.json)."""
    uids, uid, is_date, inside = [], None, False, False
    for line in unfold(raw):
        if line == "BEGIN:VEVENT":
            inside, uid, is_date = True, None, False
        elif line == "END:VEVENT":
            if is_date:
                uids.append(uid)
            inside = False
        elif inside and line.startswith("UID:"):
            uid = line[4:]
        elif inside and line == "CATEGORIES:Cadence,Date":
            is_date = True
    return uids


def main(argv):
    samples, icaljs_path, khal_path = argv[1], argv[2], argv[3]
    raw = open(samples + "/yearly-dates.ics", encoding="utf-8").read()
    meant = json.load(open(samples + "/yearly-dates.json", encoding="utf-8"))
    uids = date_uids(raw)
    ok("the feed has one event per date (%d)" % len(meant), len(uids) == len(meant), "found %d" % len(uids))
    expected = {uid: m for uid, m in zip(uids, meant)}

    # python-icalendar, with dateutil expanding the RRULE.
    start, end = datetime.datetime(2026, 1, 1), datetime.datetime(2034, 12, 31, 23, 59)
    theirs = {}
    for event in icalendar.Calendar.from_ical(raw).walk("VEVENT"):
        uid = str(event.get("uid"))
        if uid not in expected:
            continue
        first = event.decoded("dtstart")
        rule = event.get("rrule")
        if rule is None:
            days = [first.isoformat()] if 2026 <= first.year <= 2034 else []
        else:
            expansion = rrulestr(rule.to_ical().decode(), dtstart=datetime.datetime.combine(first, datetime.time()))
            days = [d.date().isoformat() for d in expansion.between(start, end, inc=True)]
        theirs[uid] = days
    for uid, m in expected.items():
        ok("python-icalendar + dateutil: %s on its days" % m["summary"][:40], theirs.get(uid) == m["days"], "%s, meant %s" % (theirs.get(uid), m["days"]))

    # ical.js (Thunderbird's parser): the days and the title.
    icaljs = json.load(open(icaljs_path, encoding="utf-8"))
    for uid, m in expected.items():
        got = icaljs.get(uid, {})
        ok("ical.js: %s on its days" % m["summary"][:40], got.get("days") == m["days"], "%s, meant %s" % (got.get("days"), m["days"]))
        ok("ical.js: %s has its title" % m["summary"][:40], got.get("summary") == m["summary"], repr(got.get("summary")))

    # khal, a real calendar client: every occurrence it lists, by UID.
    listed = {}
    for record in open(khal_path, encoding="utf-8").read().split("\x1e"):
        fields = record.strip("\n").split("\x1f")
        if len(fields) == 2 and fields[1] in expected:
            listed.setdefault(fields[1], []).append(fields[0])
    for uid, m in expected.items():
        ok("khal: %s on its days" % m["summary"][:40], sorted(listed.get(uid, [])) == m["days"], "%s, meant %s" % (listed.get(uid), m["days"]))

    print("RESULT dates passed=%d failed=%d" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
