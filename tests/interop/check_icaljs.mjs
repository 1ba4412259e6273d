// Checks Cadence's sample feeds with Mozilla's ical.js, compared with what FeedSamples meant.
//
// Usage: node check_icaljs.mjs SAMPLES_DIR   (after `npm ci` in tests/interop)
//
// Every feed listed in SAMPLES_DIR/manifest.json is parsed with ICAL.parse and compared, field by field, with its
// JSON file (written by FeedSamples from the plan, never from the .ics). Prints one line per check and ends with
// "RESULT ical.js passed=N failed=M"; exits 1 when a check failed.
//
// ical.js gives properties it does not know (RFC 7986's NAME, X-WR-CALNAME, X-WR-CALDESC) the jCal type "unknown"
// (RFC 7265 section 5) and so keeps their TEXT escaping. RFC 5545 section 3.8.8.2 makes TEXT the default type of
// an X- property and RFC 7986 section 5.1 makes NAME TEXT, so a calendar app reading them must decode TEXT. This
// checker does both: it checks the raw "unknown" value is the exact TEXT encoding of the meant name, then parses
// again with those properties declared TEXT in ical.js's design set and checks the decoded value.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const version = JSON.parse(fs.readFileSync(path.join(here, 'node_modules', 'ical.js', 'package.json'), 'utf8')).version;
const TOOL = `ical.js ${version}`;

let passed = 0;
let failed = 0;

function ok(name, condition, detail = '') {
  if (condition) {
    passed++;
    console.log(`  ok   ${name}`);
  } else {
    failed++;
    console.log(`  FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
  return condition;
}

function equal(name, actual, expected) {
  return ok(name, JSON.stringify(actual) === JSON.stringify(expected),
    `got ${JSON.stringify(actual)}, meant ${JSON.stringify(expected)}`);
}

/** The RFC 5545 section 3.3.11 encoding of a TEXT value (\\, \;, \, and \n). */
function rfcText(value) {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** A DATE as yyyy-mm-dd, a UTC DATE-TIME as yyyy-mm-ddThh:mm:ssZ, anything else described. */
function when(component, name) {
  const prop = component.getFirstProperty(name);
  if (!prop) return null;
  const t = prop.getFirstValue();
  if (!(t instanceof ICAL.Time)) return `not a time: ${String(t)}`;
  if (t.isDate) return t.toString();
  if (t.zone !== ICAL.Timezone.utcTimezone) return `not UTC: ${t.toString()} (${t.zone && t.zone.tzid})`;
  return t.toString().replace(/Z?$/, 'Z');
}

function text(component, name) {
  const prop = component.getFirstProperty(name);
  return prop ? prop.getFirstValue() : null;
}

function checkCalendar(feed, raw, decoded) {
  const name = feed.name;
  const meant = feed.calendar;
  equal(`${name}: VERSION`, text(raw, 'version'), '2.0');
  equal(`${name}: PRODID`, text(raw, 'prodid'), meant.productId);
  for (const prop of ['name', 'x-wr-calname']) {
    equal(`${name}: ${prop.toUpperCase()} raw value (type ${raw.getFirstProperty(prop)?.type}) is the TEXT encoding`,
      text(raw, prop), rfcText(meant.name));
    equal(`${name}: ${prop.toUpperCase()} decoded as TEXT`, text(decoded, prop), meant.name);
  }
  equal(`${name}: calendar DESCRIPTION`, text(raw, 'description'), meant.description);
  equal(`${name}: X-WR-CALDESC raw value is the TEXT encoding`, text(raw, 'x-wr-caldesc'),
    meant.description === null ? null : rfcText(meant.description));
  equal(`${name}: X-WR-CALDESC decoded as TEXT`, text(decoded, 'x-wr-caldesc'), meant.description);
  const refresh = raw.getFirstProperty('refresh-interval');
  ok(`${name}: REFRESH-INTERVAL is a DURATION of ${meant.refreshInterval}`,
    refresh && refresh.type === 'duration' && refresh.getFirstValue().toSeconds() === 4 * 3600,
    refresh ? `type ${refresh.type}, ${String(refresh.getFirstValue())}` : 'missing');
  equal(`${name}: X-PUBLISHED-TTL`, String(text(raw, 'x-published-ttl')), meant.refreshInterval);
  equal(`${name}: no METHOD`, raw.getFirstProperty('method'), null);
  const all = [];
  const walk = (c) => { all.push(c); c.getAllSubcomponents().forEach(walk); };
  walk(raw);
  ok(`${name}: no ATTENDEE anywhere`, all.every((c) => !c.getFirstProperty('attendee')));
}

function checkComponents(feed, cal) {
  const name = feed.name;
  const meant = feed.components;
  const found = cal.getAllSubcomponents().filter((c) => ['vevent', 'vtodo', 'vjournal'].includes(c.name));
  equal(`${name}: component count`, found.length, meant.length);
  const kinds = [...new Set(meant.map((c) => c.kind))].sort();
  equal(`${name}: component kinds`, [...new Set(found.map((c) => c.name.toUpperCase()))].sort(), kinds);
  const uids = found.map((c) => text(c, 'uid'));
  equal(`${name}: UIDs are unique`, new Set(uids).size, uids.length);
  equal(`${name}: UIDs are the state's UIDs`, [...uids].sort(), [...feed.stateUids].sort());
  equal(`${name}: meant UIDs (one feed per touch) are the state's UIDs`, meant.map((c) => c.uid).sort(), [...feed.stateUids].sort());
  ok(`${name}: no injected component`, found.every((c) => text(c, 'summary') !== 'injected'));
  const byUid = new Map(found.map((c) => [text(c, 'uid'), c]));
  for (const m of meant) {
    const label = `${name}: ${m.kind} ${m.uid.slice(0, 12)} (${m.relationshipIds.join(',')})`;
    const c = byUid.get(m.uid);
    if (!ok(`${label} present`, c !== undefined, `no component with UID ${m.uid}`)) continue;
    equal(`${label} kind`, c.name.toUpperCase(), m.kind);
    if (m.kind === 'VTODO') {
      equal(`${label} DUE`, when(c, 'due'), m.due);
      equal(`${label} no DTSTART`, c.getFirstProperty('dtstart'), null);
      equal(`${label} STATUS`, text(c, 'status'), m.status);
    } else {
      equal(`${label} DTSTART`, when(c, 'dtstart'), m.start);
      equal(`${label} DTEND`, when(c, 'dtend'), m.end);
      equal(`${label} TRANSP`, text(c, 'transp'), m.transp);
      if (m.allDay) {
        const event = new ICAL.Event(c);
        ok(`${label} ICAL.Event is all-day and lasts one day`,
          event.startDate.isDate && event.duration.toSeconds() === 86400, `duration ${String(event.duration)}`);
      } else {
        const event = new ICAL.Event(c);
        equal(`${label} ICAL.Event duration (seconds)`, event.duration.toSeconds(),
          (Date.parse(m.end) - Date.parse(m.start)) / 1000);
        equal(`${label} start as Unix time`, event.startDate.toUnixTime(), Date.parse(m.start) / 1000);
      }
    }
    equal(`${label} SUMMARY`, text(c, 'summary'), m.summary);
    const description = text(c, 'description');
    if (m.description === null) {
      equal(`${label} no DESCRIPTION`, description, null);
    } else {
      equal(`${label} DESCRIPTION`, description, m.description);
      m.descriptionContains.forEach((part, i) =>
        ok(`${label} DESCRIPTION contains part ${i}`, (description ?? '').includes(part),
          `${JSON.stringify(part)} not in ${JSON.stringify(description)}`));
    }
    const cats = c.getAllProperties('categories').flatMap((p) => p.getValues());
    equal(`${label} CATEGORIES`, cats, m.categories);
    equal(`${label} CLASS`, text(c, 'class'), m.class);
    equal(`${label} SEQUENCE`, text(c, 'sequence'), m.sequence);
    equal(`${label} DTSTAMP`, when(c, 'dtstamp'), m.lastModified);
    equal(`${label} LAST-MODIFIED`, when(c, 'last-modified'), m.lastModified);
    const alarms = c.getAllSubcomponents('valarm');
    if (m.alarm === null) {
      equal(`${label} no VALARM`, alarms.length, 0);
    } else if (equal(`${label} one VALARM`, alarms.length, 1)) {
      const a = alarms[0];
      equal(`${label} VALARM ACTION`, text(a, 'action'), m.alarm.action);
      const trigger = a.getFirstPropertyValue('trigger');
      equal(`${label} VALARM TRIGGER`, trigger instanceof ICAL.Duration ? [trigger.toString(), trigger.toSeconds()] : String(trigger),
        [m.alarm.trigger, m.alarm.triggerSeconds]);
      equal(`${label} VALARM DESCRIPTION`, text(a, 'description'), m.alarm.description);
    }
  }
}

function checkMoved(feed, cal, samples) {
  const moved = feed.moved;
  if (!moved) return;
  const name = feed.name;
  const before = parse(load(samples, moved.previousFeed).raw);
  const find = (c) => c.getAllSubcomponents('vevent').filter((e) => text(e, 'uid') === moved.uid);
  const [old, now] = [find(before), find(cal)];
  if (ok(`${name}: moved UID appears once before and once after`, old.length === 1 && now.length === 1,
    `before ${old.length}, after ${now.length}`)) {
    equal(`${name}: moved event was on ${moved.fromDate}`, when(old[0], 'dtstart'), moved.fromDate);
    equal(`${name}: moved event is on ${moved.toDate}`, when(now[0], 'dtstart'), moved.toDate);
    equal(`${name}: SEQUENCE 0 then 1`, [text(old[0], 'sequence'), text(now[0], 'sequence')], [0, 1]);
    ok(`${name}: DTSTAMP moved forward`, now[0].getFirstPropertyValue('dtstamp').compare(old[0].getFirstPropertyValue('dtstamp')) > 0);
  }
  const others = (c) => new Map(c.getAllSubcomponents('vevent').filter((e) => text(e, 'uid') !== moved.uid)
    .map((e) => [text(e, 'uid'), e]));
  const [ob, oa] = [others(before), others(cal)];
  equal(`${name}: the other events keep their UIDs`, [...oa.keys()].sort(), [...ob.keys()].sort());
  ok(`${name}: the other events keep SEQUENCE 0 and their DTSTAMP`, [...oa].every(([uid, e]) =>
    text(e, 'sequence') === 0 && ob.has(uid) && when(e, 'dtstamp') === when(ob.get(uid), 'dtstamp')));
}

function load(samples, name) {
  const feed = JSON.parse(fs.readFileSync(path.join(samples, `${name}.json`), 'utf8'));
  feed.raw = fs.readFileSync(path.join(samples, feed.file), 'utf8');
  return feed;
}

function parse(raw) {
  return new ICAL.Component(ICAL.parse(raw));
}

/** Parses with NAME, X-WR-CALNAME and X-WR-CALDESC declared TEXT, as RFC 7986 and RFC 5545 section 3.8.8.2 say. */
function parseWithTextNames(raw) {
  const props = ICAL.design.icalendar.property;
  const added = ['name', 'x-wr-calname', 'x-wr-caldesc'].filter((p) => !(p in props));
  for (const p of added) props[p] = { defaultType: 'text' };
  try {
    return parse(raw);
  } finally {
    for (const p of added) delete props[p];
  }
}

function main(argv) {
  if (argv.length !== 1) {
    console.error('usage: node check_icaljs.mjs SAMPLES_DIR');
    return 2;
  }
  const samples = argv[0];
  console.log(`${TOOL}, Node ${process.version}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(samples, 'manifest.json'), 'utf8'));
  for (const entry of manifest) {
    const feed = load(samples, entry.name);
    console.log(`${feed.file} (${feed.about})`);
    let cal;
    let decoded;
    try {
      cal = parse(feed.raw);
      decoded = parseWithTextNames(feed.raw);
    } catch (error) {
      ok(`${feed.name}: parses`, false, String(error));
      continue;
    }
    ok(`${feed.name}: parses`, cal.name === 'vcalendar');
    checkCalendar(feed, cal, decoded);
    checkComponents(feed, cal);
    checkMoved(feed, cal, samples);
  }
  console.log(`RESULT ical.js passed=${passed} failed=${failed}`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
