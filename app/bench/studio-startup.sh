#!/usr/bin/env bash
# Cold start of the studio to an interactive window with the quickstart open, in a fresh JVM per
# run, headless (Monocle, software rendering: what CI has; a real display is usually faster).
# Each run starts twice: on an empty workspace folder (first start: the samples are seeded), then
# again on the same folder. Build first: mvn -B install -DskipTests && mvn -B -pl app test-compile.
# Usage: app/bench/studio-startup.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
runs="${1:-5}"
cd "$root/app" # the tests find ../samples from the app module
cp_file="$root/app/target/bench-classpath.txt"
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" > /dev/null
work="$(mktemp -d "$root/app/target/studio-startup.XXXXXX")"
trap 'cp "$work"/home/logs/streamwright.log "$root/app/target/studio-startup.log" 2>/dev/null; rm -rf "$work"' EXIT
flags=(
  -Xmx1g
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k
  -Dheadless.geometry=1600x1000-32 -Djava.awt.headless=true
  "-Dstreamwright.home=$work/home" "-Djava.io.tmpdir=$work"
  "-Dstreamwright.logDir=$work/home/logs"
  "-Dlog4j2.configurationFile=$root/app/src/main/resources/log4j2.xml"
)
for i in $(seq 1 "$runs"); do
  for pass in first later; do
    java "${flags[@]}" -cp "$root/app/target/test-classes:$root/app/target/classes:$(cat "$cp_file")" \
      dev.streamwright.app.ui.StudioStartupBenchmark "$work/workspace-$i" 2>>"$root/app/target/studio-startup.err"
  done
done
