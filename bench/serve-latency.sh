#!/usr/bin/env bash
# Edit-to-served latency of `planportal serve` on a generated 2,000-plan site.
#   bench/serve-latency.sh [--plans N] [--edits K] [--seed S] [--keep]
# Builds planportal and the corpus generator in release mode, then runs
# bench/serve_latency.py (Python 3, standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "needs python3: apt-get install -y python3" >&2; exit 1; }
cargo build --profile dist --quiet --bin planportal --example gen_corpus
exec python3 bench/serve_latency.py "$@"
