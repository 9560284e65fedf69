#!/usr/bin/env python3
"""Edit-to-served latency of `planportal serve` (issue 6, "Speed").

Generates a site (2,000 plans by default), starts `planportal serve --port 0`,
then for each kind of edit changes one plan file at a time and polls the served
pages until the change shows, timing from just before the write to the first
response that shows it (monotonic clock):

  body   a new sentence at the end of a plan body   -> the plan page shows it
  title  a plan's title                             -> the plan page and /plans/ (page 1) show it
  basis  a plan's first basis entry now points to a -> the plan page shows the new number and
         document nothing cited before                 the new document's page lists the plan

Prints median and worst per kind, plus the rebuild time the server itself reports.
Standard library only. Usually run through bench/serve-latency.sh, which builds first.
"""

import argparse
import html
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SERVING = re.compile(r"Serving .* at (http://[^/\s]+)/")
REBUILD_MS = re.compile(r"rendered (\d+) of (\d+) pages in (\d+) ms")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--plans", type=int, default=2000, help="plans in the generated site (default 2000)")
    p.add_argument("--edits", type=int, default=20, help="edits per kind (default 20)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--planportal", default=str(REPO / "target/dist/planportal"))
    p.add_argument("--gen", default=str(REPO / "target/dist/examples/gen_corpus"))
    p.add_argument("--dir", help="scratch folder (default: a new folder in /dev/shm or $TMPDIR)")
    p.add_argument("--pause", type=float, default=0.3, help="quiet seconds between edits (default 0.3)")
    p.add_argument("--timeout", type=float, default=15.0, help="give up on one edit after this many seconds")
    p.add_argument("--keep", action="store_true", help="keep the generated site")
    p.add_argument("--json", help="write raw results here (default bench/out/serve-latency-<time>.json)")
    return p.parse_args()


class Client:
    """One keep-alive connection, reopened when the server closes it."""

    def __init__(self, base):
        m = re.match(r"http://([^:/]+):(\d+)", base)
        self.host, self.port = m.group(1), int(m.group(2))
        self.conn = None

    def get(self, path):
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                body = r.read().decode("utf-8", "replace")
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, body
            except (http.client.HTTPException, OSError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def front_matter(path):
    """(front matter lines, body) of a generated file; generated files use plain `key: value` lines."""
    text = path.read_text(encoding="utf-8")
    _, fm, body = text.split("---\n", 2)
    return fm.splitlines(), body


def field(lines, key):
    for line in lines:
        if line.startswith(key + ": "):
            v = line[len(key) + 2:].strip()
            return v[1:-1] if v.startswith('"') and v.endswith('"') else v
    return None


def write(path, fm_lines, body):
    path.write_text("---\n" + "\n".join(fm_lines) + "\n---\n" + body, encoding="utf-8")


def shows(client, path, marker):
    status, body = client.get(path)
    return status == 200 and marker in html.unescape(body)


def main():
    a = parse_args()
    for exe in (a.planportal, a.gen):
        if not os.access(exe, os.X_OK):
            sys.exit(f"missing {exe}: run bench/serve-latency.sh (it builds first) or `cargo build --profile dist --bin planportal --example gen_corpus`")
    base_tmp = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    work = Path(a.dir) if a.dir else Path(tempfile.mkdtemp(prefix="planportal-serve-", dir=base_tmp))
    site = work / "site"
    rng = random.Random(a.seed)

    print(f"generating {a.plans} plans in {site} …", file=sys.stderr)
    subprocess.run([a.gen, "--out", str(site), "--plans", str(a.plans), "--seed", str(a.seed)], check=True)
    plans = sorted((site / "content/plans").glob("*.md"))
    meta = {}
    for p in plans:
        fm, _ = front_matter(p)
        meta[p] = (field(fm, "date"), field(fm, "jurisdiction"), field(fm, "title"))
    need = 3 * a.edits
    if len(plans) < need:
        sys.exit(f"need at least {need} plans")
    # Title edits use the newest plans, so they are on the first page of /plans/.
    newest = sorted(plans, key=lambda p: (meta[p][0], p.name), reverse=True)[: a.edits]
    rest = [p for p in plans if p not in set(newest)]
    rng.shuffle(rest)
    chosen = {"body": rest[: a.edits], "title": newest, "basis": rest[a.edits: 2 * a.edits]}

    # Documents that nothing cites yet, one per basis edit, in the plan's province.
    for i, p in enumerate(chosen["basis"]):
        province = meta[p][1].split("/")[0]
        (site / f"content/documents/bench-target-{i:02}.md").write_text(
            "---\n"
            f"title: Quyết định đích số {i} cho phép đo độ trễ\n"
            f"number: {9001 + i}/QĐ-UBND\n"
            f"issuer: Ủy ban nhân dân {province}\n"
            f"jurisdiction: {province}\n"
            "date: 2023-06-01\n"
            "---\nVăn bản dùng cho bench/serve_latency.py.\n",
            encoding="utf-8",
        )

    print("starting planportal serve …", file=sys.stderr)
    proc = subprocess.Popen(
        [a.planportal, "serve", "--root", str(site), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    lines, errors, ready = [], [], threading.Event()
    url = {}

    def read_stdout():
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            m = SERVING.search(line)
            if m:
                url["base"] = m.group(1)
                ready.set()
        ready.set()

    def read_stderr():
        for line in proc.stderr:
            errors.append(line.rstrip("\n"))

    threading.Thread(target=read_stdout, daemon=True).start()
    threading.Thread(target=read_stderr, daemon=True).start()
    t_start = time.monotonic()
    results = {}
    first = []
    try:
        if not ready.wait(600) or "base" not in url:
            sys.exit("serve did not start:\n" + "\n".join(lines[-10:] + errors[-20:]))
        print(f"serving at {url['base']} (first build and start: {time.monotonic() - t_start:.1f} s)", file=sys.stderr)
        first = [m for m in map(REBUILD_MS.search, lines) if m]
        client = Client(url["base"])

        # Round-robin over the kinds, so drift on a shared machine affects them alike.
        results = {kind: [] for kind in chosen}
        for i in range(a.edits):
            for kind in ("body", "title", "basis"):
                path = chosen[kind][i]
                slug = path.stem
                page = f"/plans/{slug}/"
                marker = f"BENCH{kind[0].upper()}{i:02}X{rng.randrange(16**6):06x}"
                fm, body = front_matter(path)
                watch = [(page, marker)]
                if kind == "body":
                    body = body.rstrip("\n") + f"\n\nGhi chú kiểm tra {marker}.\n"
                elif kind == "title":
                    fm = [f"title: {meta[path][2]} {marker}" if l.startswith("title: ") else l for l in fm]
                    if shows(client, "/plans/", page):
                        watch.append(("/plans/", marker))
                else:
                    number = f"{9001 + i}/QĐ-UBND"
                    k = fm.index("basis:") + 1
                    fm[k] = f"  - {{ number: {number}, date: 2023-06-01 }}"
                    watch = [(page, number), (f"/documents/bench-target-{i:02}/", page)]
                if any(shows(client, p, m) for p, m in watch):
                    sys.exit(f"{path.name}: the marker is on the page before the edit; the measurement would be wrong")
                n_lines = len(lines)
                t0 = time.monotonic()
                write(path, fm, body)
                pending = list(watch)
                while pending:
                    pending = [(p, m) for p, m in pending if not shows(client, p, m)]
                    if pending:
                        if time.monotonic() - t0 > a.timeout:
                            break
                        time.sleep(0.002)
                ms = (time.monotonic() - t0) * 1000
                time.sleep(a.pause)
                rebuilds = [l for l in lines[n_lines:] if REBUILD_MS.search(l)]
                server = [int(REBUILD_MS.search(l).group(3)) for l in rebuilds]
                results[kind].append({
                    "file": path.name, "ms": None if pending else round(ms, 1),
                    "server_ms": server, "server_lines": rebuilds, "watched": [p for p, _ in watch],
                })
                shown = "TIMEOUT" if pending else f"{ms:7.1f} ms"
                rendered = "; ".join(REBUILD_MS.search(l).group(0) for l in rebuilds)
                print(f"  {i + 1:2}/{a.edits} {kind:5} {shown}  server: {rendered or '-'}  {path.name}", file=sys.stderr)
        client.close()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if not a.keep and not a.dir:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Edit-to-served latency, {a.plans} plans, {a.edits} edits per kind, {os.cpu_count()} CPUs:")
    print()
    print("| edit | median | worst | server rebuild (median) | timeouts |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for kind, label in (("body", "plan body"), ("title", "plan title (lists)"), ("basis", "basis line (chains)")):
        ok = [r["ms"] for r in results.get(kind, []) if r["ms"] is not None]
        srv = [s for r in results.get(kind, []) for s in r["server_ms"]]
        timeouts = sum(r["ms"] is None for r in results.get(kind, []))
        med = f"{statistics.median(ok):.0f} ms" if ok else "–"
        worst = f"{max(ok):.0f} ms" if ok else "–"
        smed = f"{statistics.median(srv):.0f} ms" if srv else "–"
        print(f"| {label} | {med} | {worst} | {smed} | {timeouts} |")
    if first:
        print(f"\nFirst build in serve: {first[0].group(3)} ms ({first[0].group(2)} pages).")
    out = Path(a.json) if a.json else REPO / "bench/out" / time.strftime("serve-latency-%Y%m%dT%H%M%S.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"plans": a.plans, "edits": a.edits, "seed": a.seed, "results": results}, indent=2))
    print(f"Raw results: {out.relative_to(REPO) if out.is_relative_to(REPO) else out}")
    if errors:
        print(f"(serve wrote {len(errors)} line(s) to stderr; last: {errors[-1][:160]})", file=sys.stderr)


if __name__ == "__main__":
    main()
