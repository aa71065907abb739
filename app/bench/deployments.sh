#!/usr/bin/env bash
# `streamwright deployments` on a workspace of 50 deployments against a real dev cluster (three
# child JVMs on 127.0.0.1, started and closed by the benchmark): 4 datagen-to-print jobs running,
# 2 stopped with a savepoint, 44 records of deployments that ended. Cold: the launcher's main
# class in a fresh JVM per run, timed from process start to exit; warm: the command in the
# benchmark's JVM. Each run lists as before (-Dstreamwright.reconcile.parallelism=1: records
# read, then the cluster asked, one job after the other) and as now, alternating. Builds the
# app's classes and test classes first (reactor, offline).
# Usage: app/bench/deployments.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
runs="${1:-9}"
cd "$root"
cp_file="$root/app/target/bench-classpath.txt"
mvn -B -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" > /dev/null
work="$(mktemp -d "$root/app/target/deployments-benchmark.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root/app"
java -Xmx1g --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
  "-Djava.io.tmpdir=$work" "-Dstreamwright.logDir=$work/logs" \
  "-Dlog4j2.configurationFile=$root/app/src/main/resources/log4j2.xml" \
  -cp "$root/app/target/test-classes:$root/app/target/classes:$(cat "$cp_file")" \
  dev.streamwright.app.cli.DeploymentsBenchmark "$runs" "$work"
