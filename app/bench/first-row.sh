#!/usr/bin/env bash
# Time from a cold JVM to the first printed row of the quickstart, through the launcher:
# `./streamwright run samples/quickstart/pipeline.json --output jsonl --max-rows 1`, N times.
# Each status line the CLI prints (checking, submitting, running) and the first row are shown
# with the milliseconds since the command started. The build is done once beforehand and is
# not counted. Usage: app/bench/first-row.sh [runs]
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
runs="${1:-3}"
home="$(mktemp -d "$root/app/target/first-row.XXXXXX")"
trap 'rm -rf "$home"' EXIT
export STREAMWRIGHT_HOME="$home"
"$root/streamwright" --version > /dev/null
stamp() {
  local start=$1 prefix=$2 line
  while IFS= read -r line; do
    echo "  $(( ($(date +%s%N) - start) / 1000000 )) ms ${prefix}${line:0:110}"
  done
}
for i in $(seq 1 "$runs"); do
  echo "run $i"
  start=$(date +%s%N)
  "$root/streamwright" run "$root/samples/quickstart/pipeline.json" --output jsonl --max-rows 1 \
    2> >(stamp "$start" "stderr: " >&2) | stamp "$start" "row: "
  sleep 1
done
