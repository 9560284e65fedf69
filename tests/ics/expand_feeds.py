#!/usr/bin/env python3
"""Every .ics feed of a built site, read by PyPI's `icalendar` and expanded
for two years by `recurring-ical-events` (a separate RRULE implementation).

Usage: python3 tests/ics/expand_feeds.py SITE_DIR [EPOCH]

Checks what the content contract promises of the feeds: each has at least one
VEVENT; each yearly event occurs exactly once a year in the two years from
EPOCH (SOURCE_DATE_EPOCH, default now), on its own day and month; DTSTART does
not depend on the build year (it is the same in every feed); and a UID carries
the same SUMMARY, DESCRIPTION and DTSTART in every feed. Exit 0 when all
hold, 1 listing what does not, 2 on bad usage.
"""

import datetime
import os
import pathlib
import sys

try:
    import icalendar
    import recurring_ical_events
except ImportError:
    sys.exit("expand_feeds.py: pip install icalendar recurring-ical-events")


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    site = pathlib.Path(argv[1])
    epoch = int(argv[2]) if len(argv) == 3 else int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    start = (
        datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).date()
        if epoch
        else datetime.date.today()
    )
    end = start.replace(year=start.year + 2)
    feeds = sorted(site.rglob("*.ics"))
    if not feeds:
        print(f"{site}: no .ics feed", file=sys.stderr)
        return 1
    errors = []
    by_uid = {}
    events = 0
    for path in feeds:
        rel = path.relative_to(site)
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        vevents = list(cal.walk("VEVENT"))
        if not vevents:
            errors.append(f"{rel}: no VEVENT (an empty calendar is not valid RFC 5545)")
        for ev in vevents:
            events += 1
            uid = str(ev["UID"])
            dtstart = ev["DTSTART"].dt
            text = (str(ev.get("SUMMARY")), str(ev.get("DESCRIPTION")), dtstart)
            if uid in by_uid and by_uid[uid][1] != text:
                errors.append(f"{rel}: UID {uid} differs from {by_uid[uid][0]}")
            by_uid.setdefault(uid, (rel, text))
        # Expand the whole feed: each event once a year.
        occurrences = recurring_ical_events.of(cal).between(start, end)
        counts = {}
        for occ in occurrences:
            uid = str(occ["UID"])
            day = occ["DTSTART"].dt
            counts.setdefault(uid, []).append(day)
        for ev in vevents:
            uid = str(ev["UID"])
            got = sorted(counts.get(uid, []))
            first = ev["DTSTART"].dt
            if len(got) != 2:
                errors.append(f"{rel}: {uid} occurs {len(got)} times in {start}..{end}, not 2")
                continue
            leap_day = (first.month, first.day) == (2, 29)
            for day in got:
                if not leap_day and (day.month, day.day) != (first.month, first.day):
                    errors.append(f"{rel}: {uid} falls on {day}, not {first.day}/{first.month}")
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        return 1
    print(f"{len(feeds)} feeds, {events} events, {len(by_uid)} UIDs: ok, expanded {start}..{end}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
