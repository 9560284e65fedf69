// Every .ics feed of a built site, parsed by node-ical (a JavaScript reader,
// independent of Python's icalendar) and expanded for two years by its rrule.
// Usage: node tests/ics/check_feeds.mjs SITE_DIR [EPOCH]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ical from "node-ical";

const site = process.argv[2];
if (!site) {
  console.error("usage: node tests/ics/check_feeds.mjs SITE_DIR [EPOCH]");
  process.exit(2);
}
const epoch = Number(process.argv[3] || process.env.SOURCE_DATE_EPOCH || 0);
const now = epoch ? new Date(epoch * 1000) : new Date();
const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
const to = new Date(Date.UTC(from.getUTCFullYear() + 2, from.getUTCMonth(), from.getUTCDate()));

function feeds(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return feeds(p);
    return n.endsWith(".ics") ? [p] : [];
  });
}

const errors = [];
const uids = new Map();
let count = 0;
const files = feeds(site).sort();
if (files.length === 0) errors.push(`${site}: no .ics feed`);
for (const file of files) {
  const rel = relative(site, file);
  const data = ical.sync.parseICS(readFileSync(file, "utf8"));
  const events = Object.values(data).filter((c) => c.type === "VEVENT");
  if (events.length === 0) errors.push(`${rel}: no VEVENT`);
  for (const ev of events) {
    count++;
    if (ev.datetype !== "date") errors.push(`${rel}: ${ev.uid}: DTSTART is not a DATE`);
    const start = ev.start;
    const text = JSON.stringify([ev.summary, ev.description, start.toISOString()]);
    if (uids.has(ev.uid) && uids.get(ev.uid).text !== text) {
      errors.push(`${rel}: ${ev.uid} differs from ${uids.get(ev.uid).rel}`);
    }
    if (!uids.has(ev.uid)) uids.set(ev.uid, { rel, text });
    if (!ev.rrule) {
      errors.push(`${rel}: ${ev.uid}: no RRULE`);
      continue;
    }
    // node-ical gives all-day starts as local midnight; compare by local date.
    const occ = ev.rrule.between(from, to, true);
    if (occ.length !== 2) {
      errors.push(`${rel}: ${ev.uid}: ${occ.length} occurrences in two years, not 2`);
    }
    const leap = start.getMonth() === 1 && start.getDate() === 29;
    for (const o of occ) {
      const d = new Date(o.getTime() + o.getTimezoneOffset() * 0);
      if (!leap && (d.getUTCMonth() !== start.getMonth() || d.getUTCDate() !== start.getDate())) {
        errors.push(`${rel}: ${ev.uid}: occurs ${d.toISOString()}, not ${start.getDate()}/${start.getMonth() + 1}`);
      }
    }
  }
}
for (const e of errors) console.error(e);
if (errors.length) process.exit(1);
console.log(`node-ical: ${files.length} feeds, ${count} events, ${uids.size} UIDs: ok`);
