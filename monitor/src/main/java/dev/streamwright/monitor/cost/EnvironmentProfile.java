package dev.streamwright.monitor.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * What one task slot and the JobManager of an environment get, the per-environment half of a
 * deployment's {@link ResourceProfile}. The other half is the pipeline's parallelism.
 *
 * <p>The {@link #DEFAULT} follows the Flink Kubernetes operator's basic example ({@code
 * examples/basic.yaml}): a TaskManager of 1 CPU and 2048 MiB with 2 task slots, so 0.5 core and 1
 * GiB per slot, and a JobManager of 1 CPU and 2048 MiB. The embedded runtime uses the same profile
 * by default, so a sandbox run is costed as the same pipeline deployed with that shape.
 *
 * @param coresPerSlot CPU cores requested per task slot (a TaskManager's cores over its slots)
 * @param memoryGibPerSlot memory in GiB requested per task slot
 * @param jobManagerCores CPU cores of the JobManager
 * @param jobManagerMemoryGib memory in GiB of the JobManager
 */
public record EnvironmentProfile(
    double coresPerSlot,
    double memoryGibPerSlot,
    double jobManagerCores,
    double jobManagerMemoryGib) {

  /** 0.5 core and 1 GiB per slot, a JobManager of 1 core and 2 GiB. */
  public static final EnvironmentProfile DEFAULT = new EnvironmentProfile(0.5, 1.0, 1.0, 2.0);

  /** The problems of these values, each naming its field; empty when they are valid. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    positive(out, "coresPerSlot", coresPerSlot);
    positive(out, "memoryGibPerSlot", memoryGibPerSlot);
    notNegative(out, "jobManagerCores", jobManagerCores);
    notNegative(out, "jobManagerMemoryGib", jobManagerMemoryGib);
    return out;
  }

  private static void positive(List<String> out, String field, double v) {
    if (!Double.isFinite(v) || v <= 0) {
      out.add(field + " must be a number above 0, not " + v);
    }
  }

  private static void notNegative(List<String> out, String field, double v) {
    if (!Double.isFinite(v) || v < 0) {
      out.add(field + " must be a number of at least 0, not " + v);
    }
  }
}
