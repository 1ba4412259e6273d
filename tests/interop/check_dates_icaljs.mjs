// Expands the dates-that-matter events of yearly-dates.ics with Mozilla's ical.js (used by Thunderbird) and prints
// {uid: {summary, days}} as JSON: the days each one falls on from 2026 to 2034. check_dates.py compares them.
// Usage: node check_dates_icaljs.mjs FILE.ics
import fs from 'node:fs';
import ICAL from 'ical.js';

const raw = fs.readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(raw));
const out = {};
for (const vevent of calendar.getAllSubcomponents('vevent')) {
  const categories = vevent.getAllProperties('categories').flatMap((p) => p.getValues());
  if (!categories.includes('Date')) continue;
  const event = new ICAL.Event(vevent);
  const days = [];
  const iterator = event.iterator();
  for (let next = iterator.next(), guard = 0; next && guard < 1000; next = iterator.next(), guard++) {
    if (next.year > 2034) break;
    if (next.year >= 2026) days.push(next.toString().slice(0, 10));
    if (!event.isRecurring()) break;
  }
  out[event.uid] = { summary: event.summary, days };
}
process.stdout.write(JSON.stringify(out));
