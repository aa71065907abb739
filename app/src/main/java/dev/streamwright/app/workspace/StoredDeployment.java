package dev.streamwright.app.workspace;

import dev.streamwright.app.deployments.CheckpointRecord;
import dev.streamwright.app.deployments.DeployedVersion;
import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.app.deployments.DeploymentRecord;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.deployments.SavepointRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.serializer.reference.Lazy;

/**
 * A deployment record in the store. Persisted (see {@link WorkspaceRoot}); plain classes with plain
 * fields, enums kept by name. The pipeline JSON of each version sits behind a lazy reference, so
 * listing deployments loads none of it.
 */
final class StoredDeployment {

  final String id;
  String pipelineId;
  String pipelineName;
  String environment;
  int currentVersion;
  String jobId = "";
  String state = DeploymentState.DEPLOYING.name();
  String stateMessage = "";
  long createdAtMillis;
  long updatedAtMillis;
  final ArrayList<Version> versions = new ArrayList<>();
  final ArrayList<Event> events = new ArrayList<>();
  final ArrayList<Savepoint> savepoints = new ArrayList<>();
  final ArrayList<Checkpoint> checkpoints = new ArrayList<>();

  StoredDeployment(String id) {
    this.id = id;
  }

  /** A pipeline version deployed; its JSON is compressed and loaded on demand. */
  static final class Version {
    int number;
    long pipelineVersion;
    String sha256;
    long deployedAtMillis;
    Lazy<byte[]> text;
  }

  /** A history entry. */
  static final class Event {
    long atMillis;
    String kind;
    int version;
    String jobId;
    String path;
    String message;
  }

  /** A savepoint taken. */
  static final class Savepoint {
    String path;
    long takenAtMillis;
    int version;
    String jobId;
  }

  /** A retained checkpoint. */
  static final class Checkpoint {
    String path;
    long completedAtMillis;
    int version;
    String jobId;
    long sizeBytes;
  }

  static Event event(DeploymentEvent e) {
    Event s = new Event();
    s.atMillis = e.at().toEpochMilli();
    s.kind = e.kind().name();
    s.version = e.version();
    s.jobId = e.jobId();
    s.path = e.path();
    s.message = e.message();
    return s;
  }

  static Savepoint savepoint(SavepointRecord r) {
    Savepoint s = new Savepoint();
    s.path = r.path();
    s.takenAtMillis = r.takenAt().toEpochMilli();
    s.version = r.version();
    s.jobId = r.jobId();
    return s;
  }

  static Checkpoint checkpoint(CheckpointRecord r) {
    Checkpoint s = new Checkpoint();
    s.path = r.path();
    s.completedAtMillis = r.completedAt().toEpochMilli();
    s.version = r.version();
    s.jobId = r.jobId();
    s.sizeBytes = r.sizeBytes();
    return s;
  }

  DeploymentState stateValue() {
    try {
      return DeploymentState.valueOf(state);
    } catch (IllegalArgumentException e) {
      return DeploymentState.UNKNOWN; // written by a newer Streamwright
    }
  }

  DeploymentRecord toRecord() {
    List<DeployedVersion> v = new ArrayList<>(versions.size());
    for (Version s : versions) {
      v.add(
          new DeployedVersion(
              s.number, s.pipelineVersion, s.sha256, Instant.ofEpochMilli(s.deployedAtMillis)));
    }
    List<DeploymentEvent> e = new ArrayList<>(events.size());
    for (Event s : events) {
      DeploymentEvent.Kind kind;
      try {
        kind = DeploymentEvent.Kind.valueOf(s.kind);
      } catch (IllegalArgumentException x) {
        kind = DeploymentEvent.Kind.STATE_CHANGED;
      }
      e.add(
          new DeploymentEvent(
              Instant.ofEpochMilli(s.atMillis), kind, s.version, s.jobId, s.path, s.message));
    }
    List<SavepointRecord> sp = new ArrayList<>(savepoints.size());
    for (Savepoint s : savepoints) {
      sp.add(
          new SavepointRecord(s.path, Instant.ofEpochMilli(s.takenAtMillis), s.version, s.jobId));
    }
    List<CheckpointRecord> cp = new ArrayList<>(checkpoints.size());
    for (Checkpoint s : checkpoints) {
      cp.add(
          new CheckpointRecord(
              s.path, Instant.ofEpochMilli(s.completedAtMillis), s.version, s.jobId, s.sizeBytes));
    }
    return new DeploymentRecord(
        id,
        pipelineId,
        pipelineName,
        environment,
        currentVersion,
        jobId,
        stateValue(),
        stateMessage,
        Instant.ofEpochMilli(createdAtMillis),
        Instant.ofEpochMilli(updatedAtMillis),
        v,
        e,
        sp,
        cp);
  }
}
