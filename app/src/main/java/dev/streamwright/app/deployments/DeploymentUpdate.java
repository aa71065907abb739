package dev.streamwright.app.deployments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to one deployment, applied together in one workspace commit: all of them or none. E.g. a
 * stop with savepoint: {@code new DeploymentUpdate().state(STOPPED, "").savepoint(s)
 * .event(DeploymentEvent.stopped(...))}.
 */
public final class DeploymentUpdate {

  private DeploymentState state;
  private String stateMessage = "";
  private String jobId;
  private String newVersionJson;
  private long newVersionPipelineVersion;
  private Integer currentVersion;
  private final List<DeploymentEvent> events = new ArrayList<>();
  private final List<SavepointRecord> savepoints = new ArrayList<>();
  private final List<CheckpointRecord> checkpoints = new ArrayList<>();

  /** Sets the state as last known, with a reason for FAILED or UNKNOWN (else empty). */
  public DeploymentUpdate state(DeploymentState s, String message) {
    this.state = Objects.requireNonNull(s, "state");
    this.stateMessage = message == null ? "" : message;
    return this;
  }

  /** Sets the current Flink job id. */
  public DeploymentUpdate jobId(String id) {
    this.jobId = Objects.requireNonNull(id, "jobId");
    return this;
  }

  /**
   * Adds a pipeline version (an upgrade) and makes it current; its number is the next one, which
   * the returned record's {@code currentVersion} shows.
   */
  public DeploymentUpdate newVersion(String pipelineJson, long pipelineVersion) {
    this.newVersionJson = Objects.requireNonNull(pipelineJson, "pipelineJson");
    this.newVersionPipelineVersion = pipelineVersion;
    return this;
  }

  /** Makes an earlier version current again (a rollback). */
  public DeploymentUpdate currentVersion(int number) {
    this.currentVersion = number;
    return this;
  }

  /** Appends an event to the history. */
  public DeploymentUpdate event(DeploymentEvent e) {
    events.add(Objects.requireNonNull(e, "event"));
    return this;
  }

  /** Records a savepoint taken. */
  public DeploymentUpdate savepoint(SavepointRecord s) {
    savepoints.add(Objects.requireNonNull(s, "savepoint"));
    return this;
  }

  /** Records a retained checkpoint. */
  public DeploymentUpdate checkpoint(CheckpointRecord c) {
    checkpoints.add(Objects.requireNonNull(c, "checkpoint"));
    return this;
  }

  /** The new state, if set. */
  public Optional<DeploymentState> state() {
    return Optional.ofNullable(state);
  }

  /** The reason given with the state. */
  public String stateMessage() {
    return stateMessage;
  }

  /** The new job id, if set. */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  /** The JSON of a new version, if one is added. */
  public Optional<String> newVersionJson() {
    return Optional.ofNullable(newVersionJson);
  }

  /** The workspace version of the new version's pipeline. */
  public long newVersionPipelineVersion() {
    return newVersionPipelineVersion;
  }

  /** The version made current again, if set. */
  public Optional<Integer> currentVersion() {
    return Optional.ofNullable(currentVersion);
  }

  /** Events to append. */
  public List<DeploymentEvent> events() {
    return List.copyOf(events);
  }

  /** Savepoints to record. */
  public List<SavepointRecord> savepoints() {
    return List.copyOf(savepoints);
  }

  /** Checkpoints to record. */
  public List<CheckpointRecord> checkpoints() {
    return List.copyOf(checkpoints);
  }
}
