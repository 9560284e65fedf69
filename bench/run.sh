#!/usr/bin/env bash
# Full-build benchmark: planportal against Hugo on the same generated plans.
#
#   bench/run.sh [N ...]            default: 1000 10000 100000
#
# For each N: generate the corpus (examples/gen_corpus.rs) as a planportal site
# and as a Hugo site in a tmpfs folder, time alternating runs of
#   planportal build --root SITE --out OUT
#   hugo --quiet -s SITE -d OUT
# with hyperfine (both write to tmpfs; before every run the output folders are
# removed and the tool's own sources read into the page cache), measure each tool's peak RSS once with /usr/bin/time -v, and print
# a Markdown table. Raw hyperfine JSON and a summary go to bench/out/.
#
# Environment:
#   RUNS=5        timed runs per tool (default: 5 up to N=10,000, 3 above)
#   SEED=1        corpus seed
#   BENCH_DIR=…   scratch folder (default /dev/shm/planportal-bench, else $TMPDIR)
#   OUT_DIR_BASE=… where the two outputs go (default BENCH_DIR). At 100,000 plans
#                 Hugo needs ~20 GB of RAM, so tmpfs cannot hold the sites too:
#                 BENCH_DIR=/disk/folder OUT_DIR_BASE=/dev/shm/pp keeps the outputs
#                 (one at a time) on tmpfs and the sources on disk (page cache).
#   KEEP=1        keep the generated sites and outputs
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)
[ $# -eq 0 ] && set -- 1000 10000 100000
for n in "$@"; do
    [[ $n =~ ^[0-9]+$ ]] || { echo "usage: bench/run.sh [N ...]   (N = number of plans, e.g. 1000)" >&2; exit 2; }
done

missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench/run.sh needs: ${missing[*]}" >&2
    echo "install them with:  apt-get install -y ${missing[*]}" >&2
    echo "(/usr/bin/time comes from the \`time\` package; the shell keyword is not enough)" >&2
    exit 1
fi

if [ -z "${BENCH_DIR:-}" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then
        BENCH_DIR=/dev/shm/planportal-bench
    else
        BENCH_DIR=${TMPDIR:-/tmp}/planportal-bench
        echo "note: /dev/shm is not available; using $BENCH_DIR (not tmpfs: timings include disk writes)" >&2
    fi
fi
mkdir -p "$BENCH_DIR" bench/out
OUT_DIR=$REPO/bench/out
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

echo "building planportal and gen_corpus (release)…" >&2
cargo build --profile dist --quiet --bin planportal --example gen_corpus
PP=$REPO/target/dist/planportal
GEN=$REPO/target/dist/examples/gen_corpus

peak_rss_kb() { # command… → prints the max RSS in KB; fails when the command fails
    local log
    log=$(mktemp)
    if ! /usr/bin/time -v "$@" >/dev/null 2>"$log"; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    sed -n 's/.*Maximum resident set size (kbytes): *//p' "$log"
    rm -f "$log"
}

results=()
for N in "$@"; do
    runs=${RUNS:-$([ "$N" -le 10000 ] && echo 5 || echo 3)}
    site=$BENCH_DIR/pp-$N
    hsite=$BENCH_DIR/hugo-$N
    mkdir -p "${OUT_DIR_BASE:-$BENCH_DIR}"
    out=${OUT_DIR_BASE:-$BENCH_DIR}/pp-$N-out
    hout=${OUT_DIR_BASE:-$BENCH_DIR}/hugo-$N-out

    # Rough need: content ~7 KB × 2 sites, planportal output ~60 KB, Hugo ~15 KB per plan.
    need_kb=$((N * 90))
    avail_kb=$(df -Pk "$BENCH_DIR" | awk 'NR==2 {print $4}')
    if [ "$avail_kb" -lt "$need_kb" ]; then
        echo "warning: $BENCH_DIR has $((avail_kb / 1024)) MB free; N=$N needs about $((need_kb / 1024)) MB" >&2
    fi

    echo "== N=$N: generating corpus (seed ${SEED:-1})" >&2
    "$GEN" --out "$site" --hugo "$hsite" --plans "$N" --seed "${SEED:-1}"

    # Untimed first run of each tool: warms the page cache, proves the build
    # succeeds, and gives the peak memory.
    rm -rf "$out" "$hout"
    "$PP" build --root "$site" --out "$out" 2>"$OUT_DIR/planportal-$N.log" || {
        tail -n 20 "$OUT_DIR/planportal-$N.log" >&2
        echo "planportal build failed on the N=$N corpus (log: bench/out/planportal-$N.log)" >&2
        exit 1
    }
    grep '^built ' "$OUT_DIR/planportal-$N.log" >&2 || true
    rm -rf "$out"
    pp_rss=$(peak_rss_kb "$PP" build --root "$site" --out "$out")
    rm -rf "$out" "$hout" # one output at a time: at 100,000 plans they share tmpfs with Hugo's 20 GB
    hugo_rss=$(peak_rss_kb hugo --quiet -s "$hsite" -d "$hout")
    echo "   peak RSS: planportal $((pp_rss / 1024)) MB, Hugo $((hugo_rss / 1024)) MB" >&2

    # Alternating runs: one hyperfine call per round, order swapped every round,
    # so drift on a shared machine hits both tools alike.
    cmd_pp="$PP build --root $site --out $out"
    cmd_hugo="hugo --quiet -s $hsite -d $hout"
    # Each run starts with its own sources in the page cache: at 100,000 plans
    # Hugo's 20 GB evicts them, and the tool run after it would otherwise pay
    # for re-reading them from disk (planportal once took 28 s warm, 52 s cold).
    prep_pp="rm -rf $out $hout && sync && find $site -name '*.md' -exec cat {} + >/dev/null"
    prep_hugo="rm -rf $out $hout && sync && find $hsite -name '*.md' -exec cat {} + >/dev/null"
    for r in $(seq 1 "$runs"); do
        if [ $((r % 2)) -eq 1 ]; then
            order=(--prepare "$prep_pp" --prepare "$prep_hugo" -n planportal "$cmd_pp" -n hugo "$cmd_hugo")
        else
            order=(--prepare "$prep_hugo" --prepare "$prep_pp" -n hugo "$cmd_hugo" -n planportal "$cmd_pp")
        fi
        echo "   round $r/$runs" >&2
        hyperfine --style none --runs 1 --warmup 0 \
            --export-json "$OUT_DIR/$STAMP-N$N-round$r.json" \
            "${order[@]}"
    done
    results+=("$N:$runs:$pp_rss:$hugo_rss")
    if [ -z "${KEEP:-}" ]; then rm -rf "$site" "$hsite" "$out" "$hout"; fi
done

python3 - "$OUT_DIR" "$STAMP" "${results[@]}" <<'PY'
import json, os, platform, statistics, subprocess, sys

out_dir, stamp, rows = sys.argv[1], sys.argv[2], sys.argv[3:]
def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except Exception:
        return "?"
summary = {
    "stamp": stamp,
    "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
    "hugo": version(["hugo", "version"]),
    "hyperfine": version(["hyperfine", "--version"]),
    "planportal_commit": version(["git", "rev-parse", "--short", "HEAD"]),
    "results": [],
}
lines = [
    "| plans (N) | planportal (s) | Hugo (s) | planportal / Hugo | planportal peak RSS | Hugo peak RSS | runs: planportal min–max, Hugo min–max (s) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
]
for row in rows:
    n, runs, pp_rss, hugo_rss = (int(x) for x in row.split(":"))
    times = {"planportal": [], "hugo": []}
    for r in range(1, runs + 1):
        with open(os.path.join(out_dir, f"{stamp}-N{n}-round{r}.json")) as f:
            for res in json.load(f)["results"]:
                times[res["command"]].extend(res["times"])
    pp, hg = statistics.median(times["planportal"]), statistics.median(times["hugo"])
    summary["results"].append({
        "n": n, "runs": runs, "planportal_s": times["planportal"], "hugo_s": times["hugo"],
        "planportal_median_s": pp, "hugo_median_s": hg, "ratio": pp / hg,
        "planportal_peak_rss_kb": pp_rss, "hugo_peak_rss_kb": hugo_rss,
    })
    spread = (f"{min(times['planportal']):.2f}–{max(times['planportal']):.2f}, "
              f"{min(times['hugo']):.2f}–{max(times['hugo']):.2f}")
    lines.append(f"| {n:,} | {pp:.2f} | {hg:.2f} | {pp / hg:.2f} | {pp_rss / 1024:,.0f} MB | {hugo_rss / 1024:,.0f} MB | {spread} |")
path = os.path.join(out_dir, f"{stamp}-summary.json")
with open(path, "w") as f:
    json.dump(summary, f, indent=2)
print()
print("\n".join(lines))
print()
load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
print(f"Medians of alternating runs on {os.cpu_count()} CPUs (load average {load:.1f} at the end); {summary['hugo']}.")
print(f"Raw hyperfine JSON: bench/out/{stamp}-N*-round*.json; summary: bench/out/{stamp}-summary.json")
PY
