package dev.streamwright.monitor.cost;

/**
 * The resources a deployment requests, OpenCost's "requested" side mapped to Flink: its task slots
 * times the CPU cores and memory of one slot, plus the JobManager.
 *
 * <p>Slots: with Flink's default slot sharing every slot holds one subtask of each vertex, so a job
 * of parallelism {@code p} needs {@code p} slots. A TaskManager's slots left free by the job are
 * not counted; give per-slot values so that one TaskManager's resources divided by its slots.
 *
 * @param slots task slots the job holds (its parallelism)
 * @param coresPerSlot CPU cores per slot
 * @param memoryGibPerSlot memory in GiB per slot
 * @param jobManagerCores the JobManager's CPU cores
 * @param jobManagerMemoryGib the JobManager's memory in GiB
 */
public record ResourceProfile(
    int slots,
    double coresPerSlot,
    double memoryGibPerSlot,
    double jobManagerCores,
    double jobManagerMemoryGib) {

  public ResourceProfile {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, not " + slots);
    }
    EnvironmentProfile env =
        new EnvironmentProfile(
            coresPerSlot, memoryGibPerSlot, jobManagerCores, jobManagerMemoryGib);
    if (!env.problems().isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", env.problems()));
    }
  }

  /**
   * A deployment of the given parallelism in an environment.
   *
   * @param parallelism the pipeline's parallelism, at least 1 (a runtime default of 0 must be
   *     resolved to the number the runtime uses first)
   * @throws IllegalArgumentException naming the value that is wrong
   */
  public static ResourceProfile of(int parallelism, EnvironmentProfile env) {
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "parallelism must be at least 1, not "
              + parallelism
              + ": give the parallelism the job"
              + " runs with");
    }
    return new ResourceProfile(
        parallelism,
        env.coresPerSlot(),
        env.memoryGibPerSlot(),
        env.jobManagerCores(),
        env.jobManagerMemoryGib());
  }

  /** Requested CPU cores: slots x cores per slot + the JobManager's cores. */
  public double requestedCores() {
    return slots * coresPerSlot + jobManagerCores;
  }

  /** Requested memory in GiB: slots x GiB per slot + the JobManager's GiB. */
  public double requestedMemoryGib() {
    return slots * memoryGibPerSlot + jobManagerMemoryGib;
  }
}
