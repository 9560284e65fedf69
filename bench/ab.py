#!/usr/bin/env python3
"""Two planportal binaries and Hugo, run in rotating order on one corpus.

    bench/ab.py OLD_BINARY NEW_BINARY SITE HUGO_SITE [ROUNDS]

SITE and HUGO_SITE come from `gen_corpus --out SITE --hugo HUGO_SITE`. Every
run starts with the outputs removed and `sync`ed; each round runs the three in
a different order, so drift on a shared machine hits all alike. Prints each
tool's median wall time and both binaries' ratios to Hugo: a change's effect
on the ratio, measured in one sitting rather than across noisy invocations.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    old, new, site, hugo_site = sys.argv[1:5]
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 12
    scratch = tempfile.mkdtemp(prefix="planportal-ab-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    out, hout = os.path.join(scratch, "pp"), os.path.join(scratch, "hugo")
    cmds = {
        "old": [old, "build", "--root", site, "--out", out],
        "new": [new, "build", "--root", site, "--out", out],
        "hugo": ["hugo", "--quiet", "-s", hugo_site, "-d", hout],
    }
    names = list(cmds)
    times = {n: [] for n in names}
    try:
        for r in range(rounds):
            for n in names[r % 3:] + names[: r % 3]:
                for d in (out, hout):
                    shutil.rmtree(d, ignore_errors=True)
                subprocess.run(["sync"], check=True)
                t = time.perf_counter()
                subprocess.run(cmds[n], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                times[n].append(time.perf_counter() - t)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    med = {n: statistics.median(times[n]) for n in names}
    for n in names:
        print(f"{n:5} median {med[n]:.3f} s   " + " ".join(f"{x:.2f}" for x in times[n]))
    print(f"ratio to Hugo: old {med['old'] / med['hugo']:.3f}, new {med['new'] / med['hugo']:.3f}")


if __name__ == "__main__":
    main()
