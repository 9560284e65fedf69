#!/usr/bin/env python3
"""Independent check of a planportal iCalendar feed, using PyPI's `icalendar`.

The Rust writer (src/render/ics.rs) has its own unit tests; this script parses
the produced bytes with a different implementation, so that a shared
misreading of RFC 5545 doesn't pass unnoticed.

Usage: python3 tests/ics/check_feed.py FEED.ics EXPECT.json

EXPECT.json is a list of {"summary": str, "month": int, "day": int, "days": int}
(days = length of the observance; a December campaign has 31). Every expected
event must be present; the feed may hold more events, which still get the
structural checks. Exit 0 when everything holds, 1 with one message a line on
stderr otherwise, 2 on bad usage. Needs `pip install icalendar`.
"""

import datetime
import json
import sys

try:
    import icalendar
except ImportError:
    sys.exit("check_feed.py: needs the icalendar package: pip install icalendar")


def raw_line_errors(data):
    """Checks the framing the parser forgives: CRLF ends and 75-octet folds."""
    errors = []
    if not data.endswith(b"\r\n"):
        errors.append("feed does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            errors.append(f"physical line {n}: bare CR or LF (lines must end with CRLF)")
        if len(line) > 75:
            errors.append(f"physical line {n}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            errors.append(f"physical line {n}: not valid UTF-8 (fold inside a sequence?)")
    return errors


def is_date(value):
    # datetime is a subclass of date, so the order of the tests matters.
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def check(data, expect):
    errors = raw_line_errors(data)
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as e:
        return errors + [f"icalendar cannot parse the feed: {e}"]

    for prop in ("VERSION", "PRODID", "X-WR-CALNAME"):
        if cal.get(prop) is None:
            errors.append(f"VCALENDAR has no {prop}")
    if str(cal.get("VERSION", "")) != "2.0":
        errors.append(f"VERSION is {cal.get('VERSION')!r}, not 2.0")

    events = []  # (summary, start, end); a date is None if already reported bad
    seen_uids = set()
    for i, ev in enumerate(cal.walk("VEVENT"), 1):
        label = f"VEVENT {i} ({ev.get('SUMMARY', 'no SUMMARY')})"
        uid = ev.get("UID")
        if uid is None:
            errors.append(f"{label}: no UID")
        elif str(uid) in seen_uids:
            errors.append(f"{label}: UID {uid} is not unique")
        else:
            seen_uids.add(str(uid))
        if ev.get("DTSTAMP") is None:
            errors.append(f"{label}: no DTSTAMP")
        start = ev.get("DTSTART")
        end = ev.get("DTEND")
        start = start.dt if start is not None else None
        end = end.dt if end is not None else None
        if not is_date(start):
            errors.append(f"{label}: DTSTART is not a DATE: {start!r}")
            start = None
        if not is_date(end):
            errors.append(f"{label}: DTEND is not a DATE: {end!r}")
            end = None
        if start and end and end <= start:
            errors.append(f"{label}: DTEND {end} is not after DTSTART {start}")
        rrule = ev.get("RRULE")
        if rrule is None or rrule.get("FREQ") != ["YEARLY"]:
            errors.append(f"{label}: RRULE is not FREQ=YEARLY: {rrule and rrule.to_ical()!r}")
        events.append((str(ev.get("SUMMARY", "")), start, end))

    for want in expect:
        summary, month, day, days = want["summary"], want["month"], want["day"], want["days"]
        matches = [e for e in events if e[0] == summary]
        if not matches:
            errors.append(f"expected event {summary!r} is missing")
            continue
        for _, start, end in matches:
            if start is None or end is None:
                continue
            if (start.month, start.day) != (month, day):
                errors.append(
                    f"{summary!r}: starts {start.day}/{start.month}, expected {day}/{month}"
                )
            if end != start + datetime.timedelta(days=days):
                errors.append(
                    f"{summary!r}: DTEND {end} is not DTSTART {start} + {days} days"
                )
    return errors


def main(argv):
    if len(argv) != 3:
        print("usage: python3 tests/ics/check_feed.py FEED.ics EXPECT.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1], "rb") as f:
            data = f.read()
        with open(argv[2], encoding="utf-8") as f:
            expect = json.load(f)
        if not isinstance(expect, list):
            raise ValueError(f"{argv[2]}: not a JSON list")
        for want in expect:
            missing = [k for k in ("summary", "month", "day", "days") if k not in want]
            if missing:
                raise ValueError(f"{argv[2]}: entry {want!r} lacks {', '.join(missing)}")
    except (OSError, ValueError) as e:
        print(f"check_feed.py: cannot read input: {e}", file=sys.stderr)
        return 2
    errors = check(data, expect)
    if errors:
        for e in errors:
            print(f"{argv[1]}: {e}", file=sys.stderr)
        return 1
    print(f"{argv[1]}: ok, {len(expect)} expected events present")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
