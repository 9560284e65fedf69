#!/usr/bin/env bash
# Full-build benchmark: planportal against Hugo and Zola on the same generated plans.
#
#   bench/run.sh [N ...]            default: 1000 10000 100000
#
# For each N: generate the corpus (examples/gen_corpus.rs) as a planportal site
# and as a Hugo site in a tmpfs folder, time alternating runs of
#   planportal build --root SITE --out OUT
#   hugo --quiet -s SITE -d OUT
#   zola --root SITE build -o OUT      (the Hugo site converted by bench/to_zola.py)
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
#   PROFILE=dist  cargo profile of the planportal binary (dev: only to check the script)
#   ZOLA=…        the zola binary (default: `zola` on PATH, else ../shared/peers/zola)
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
ZOLA=${ZOLA:-$(command -v zola || echo "$REPO/../shared/peers/zola")}
[ -x "$ZOLA" ] || { echo "bench/run.sh needs Zola 0.22: set ZOLA=/path/to/zola" >&2; exit 1; }
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

# The dist profile (fat LTO) is what ships; PROFILE=dev only checks the script.
PROFILE=${PROFILE:-dist}
echo "building planportal and gen_corpus (profile $PROFILE)…" >&2
cargo build --profile "$PROFILE" --quiet --bin planportal --example gen_corpus
bin_dir=$REPO/target/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")
PP=$bin_dir/planportal
GEN=$bin_dir/examples/gen_corpus

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
    zsite=$BENCH_DIR/zola-$N
    zout=${OUT_DIR_BASE:-$BENCH_DIR}/zola-$N-out

    # Rough need: content ~7 KB × 2 sites, planportal output ~60 KB, Hugo ~15 KB per plan.
    need_kb=$((N * 90))
    avail_kb=$(df -Pk "$BENCH_DIR" | awk 'NR==2 {print $4}')
    if [ "$avail_kb" -lt "$need_kb" ]; then
        echo "warning: $BENCH_DIR has $((avail_kb / 1024)) MB free; N=$N needs about $((need_kb / 1024)) MB" >&2
    fi

    echo "== N=$N: generating corpus (seed ${SEED:-1})" >&2
    "$GEN" --out "$site" --hugo "$hsite" --plans "$N" --seed "${SEED:-1}"
    python3 bench/to_zola.py "$hsite" "$zsite"

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
    rm -rf "$hout"
    zola_rss=$(peak_rss_kb "$ZOLA" --root "$zsite" build -o "$zout")
    rm -rf "$zout"
    echo "   peak RSS: planportal $((pp_rss / 1024)) MB, Hugo $((hugo_rss / 1024)) MB, Zola $((zola_rss / 1024)) MB" >&2

    # Alternating runs: one hyperfine call per round, order swapped every round,
    # so drift on a shared machine hits both tools alike.
    cmd_pp="$PP build --root $site --out $out"
    cmd_hugo="hugo --quiet -s $hsite -d $hout"
    cmd_zola="$ZOLA --root $zsite build -o $zout"
    # Each run starts with its own sources in the page cache: at 100,000 plans
    # Hugo's 20 GB evicts them, and the tool run after it would otherwise pay
    # for re-reading them from disk (planportal once took 28 s warm, 52 s cold).
    clean="rm -rf $out $hout $zout && sync"
    prep_pp="$clean && find $site -name '*.md' -exec cat {} + >/dev/null"
    prep_hugo="$clean && find $hsite -name '*.md' -exec cat {} + >/dev/null"
    prep_zola="$clean && find $zsite -name '*.md' -exec cat {} + >/dev/null"
    for r in $(seq 1 "$runs"); do
        # Three tools rotate: each goes first, second and third in turn.
        pp=(--prepare "$prep_pp" -n planportal "$cmd_pp")
        hg=(--prepare "$prep_hugo" -n hugo "$cmd_hugo")
        zl=(--prepare "$prep_zola" -n zola "$cmd_zola")
        case $((r % 3)) in
            1) order=("${pp[@]}" "${hg[@]}" "${zl[@]}") ;;
            2) order=("${hg[@]}" "${zl[@]}" "${pp[@]}") ;;
            0) order=("${zl[@]}" "${pp[@]}" "${hg[@]}") ;;
        esac
        echo "   round $r/$runs" >&2
        hyperfine --style none --runs 1 --warmup 0 \
            --export-json "$OUT_DIR/$STAMP-N$N-round$r.json" \
            "${order[@]}"
    done
    results+=("$N:$runs:$pp_rss:$hugo_rss:$zola_rss")
    if [ -z "${KEEP:-}" ]; then rm -rf "$site" "$hsite" "$zsite" "$out" "$hout" "$zout"; fi
done

ZOLA=$ZOLA python3 - "$OUT_DIR" "$STAMP" "${results[@]}" <<'PY'
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
    "zola": version([os.environ["ZOLA"], "--version"]),
    "hyperfine": version(["hyperfine", "--version"]),
    "planportal_commit": version(["git", "rev-parse", "--short", "HEAD"]),
    "results": [],
}
lines = [
    "| plans (N) | planportal (s) | Hugo (s) | Zola (s) | / Hugo | / Zola | planportal peak RSS | Hugo peak RSS | Zola peak RSS | runs: planportal, Hugo, Zola min–max (s) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
]
for row in rows:
    n, runs, pp_rss, hugo_rss, zola_rss = (int(x) for x in row.split(":"))
    times = {"planportal": [], "hugo": [], "zola": []}
    for r in range(1, runs + 1):
        with open(os.path.join(out_dir, f"{stamp}-N{n}-round{r}.json")) as f:
            for res in json.load(f)["results"]:
                times[res["command"]].extend(res["times"])
    pp, hg, zl = (statistics.median(times[t]) for t in ("planportal", "hugo", "zola"))
    summary["results"].append({
        "n": n, "runs": runs, "planportal_s": times["planportal"], "hugo_s": times["hugo"],
        "zola_s": times["zola"], "planportal_median_s": pp, "hugo_median_s": hg,
        "zola_median_s": zl, "ratio": pp / hg, "ratio_zola": pp / zl,
        "planportal_peak_rss_kb": pp_rss, "hugo_peak_rss_kb": hugo_rss, "zola_peak_rss_kb": zola_rss,
    })
    spread = ", ".join(f"{min(times[t]):.2f}–{max(times[t]):.2f}" for t in ("planportal", "hugo", "zola"))
    lines.append(f"| {n:,} | {pp:.2f} | {hg:.2f} | {zl:.2f} | {pp / hg:.2f} | {pp / zl:.2f} | {pp_rss / 1024:,.0f} MB "
                 f"| {hugo_rss / 1024:,.0f} MB | {zola_rss / 1024:,.0f} MB | {spread} |")
path = os.path.join(out_dir, f"{stamp}-summary.json")
with open(path, "w") as f:
    json.dump(summary, f, indent=2)
print()
print("\n".join(lines))
print()
load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
print(f"Medians of rotating runs on {os.cpu_count()} CPUs (load average {load:.1f} at the end); {summary['hugo']}; {summary['zola']}.")
print(f"Raw hyperfine JSON: bench/out/{stamp}-N*-round*.json; summary: bench/out/{stamp}-summary.json")
PY
