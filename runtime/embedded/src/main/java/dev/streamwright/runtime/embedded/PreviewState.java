package dev.streamwright.runtime.embedded;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.runtime.OperatorIDPair;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.state.filesystem.AbstractFsCheckpointStorageAccess;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamingJobGraphGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a job resumed from a savepoint leave behind the state of the previews' collect sinks, and
 * nothing else.
 *
 * <p>Flink gives each collect sink the uid {@code dataStreamCollect_<n>} from a counter that grows
 * with every job built in the process, so the sink of a preview has another operator id on every
 * deploy and Flink refuses a savepoint holding the old sink's state (its buffer of rows not yet
 * shown, and its offset). That state must not be claimed either: a restored offset stalls the new
 * preview's reader. Flink can only skip unclaimed state as a whole, so this compares the
 * savepoint's operators with the new job's before it is submitted: when every operator it has no
 * place for is a collect sink, the job starts with Flink's leave to skip it; when any other
 * operator (an aggregate, a window, a join) would lose its state, the settings stay as they are and
 * Flink refuses the resume, which the deploy reports in a sentence.
 */
final class PreviewState {

  private static final Logger LOG = LoggerFactory.getLogger(PreviewState.class);

  /** How Flink's {@code collectAsync} names the uid of the collect sink it adds. */
  static final String COLLECT_UID = "dataStreamCollect_";

  private PreviewState() {}

  /**
   * The restore settings to submit {@code graph} with: its own, or, when only collect sinks' state
   * would be left behind, the same with leave to skip unclaimed state.
   */
  static SavepointRestoreSettings settle(StreamGraph graph) {
    SavepointRestoreSettings settings = graph.getSavepointRestoreSettings();
    if (!settings.restoreSavepoint() || settings.allowNonRestoredState()) {
      return settings;
    }
    Collection<OperatorState> saved;
    try {
      saved = load(settings.getRestorePath());
    } catch (IOException e) {
      // Not readable here: Flink reads it again and its failure names the savepoint.
      return settings;
    }
    List<OperatorState> unclaimed = unclaimed(saved, operatorIds(graph));
    if (unclaimed.isEmpty() || !unclaimed.stream().allMatch(PreviewState::isCollectSink)) {
      return settings;
    }
    LOG.info(
        "Resuming from {}: leaving behind the state of {} preview collect sink(s) {}",
        settings.getRestorePath(),
        unclaimed.size(),
        unclaimed.stream().map(s -> s.getOperatorUid().orElse("")).toList());
    return SavepointRestoreSettings.forPath(
        settings.getRestorePath(), true, settings.getRecoveryClaimMode());
  }

  /** The savepoint's operators that have no operator with their id in the job. */
  static List<OperatorState> unclaimed(Collection<OperatorState> saved, Set<OperatorID> job) {
    return saved.stream().filter(s -> !job.contains(s.getOperatorID())).toList();
  }

  /** Whether a savepoint's operator is a collect sink, which only previews add. */
  static boolean isCollectSink(OperatorState state) {
    return state.getOperatorUid().filter(uid -> uid.startsWith(COLLECT_UID)).isPresent();
  }

  /** Every operator id that can claim state in the job the graph becomes. */
  static Set<OperatorID> operatorIds(StreamGraph graph) {
    Set<OperatorID> ids = new HashSet<>();
    for (JobVertex v : StreamingJobGraphGenerator.createJobGraph(graph).getVertices()) {
      for (OperatorIDPair pair : v.getOperatorIDs()) {
        ids.add(pair.getGeneratedOperatorID());
        pair.getUserDefinedOperatorID().ifPresent(ids::add);
      }
    }
    return ids;
  }

  /** The operators whose state the savepoint at {@code path} holds. */
  static Collection<OperatorState> load(String path) throws IOException {
    try (InputStream in =
        AbstractFsCheckpointStorageAccess.resolveCheckpointPointer(path)
            .getMetadataHandle()
            .openInputStream()) {
      return Checkpoints.loadCheckpointMetadata(
              new DataInputStream(in), PreviewState.class.getClassLoader(), path)
          .getOperatorStates();
    }
  }
}
