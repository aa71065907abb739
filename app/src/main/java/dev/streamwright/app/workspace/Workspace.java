package dev.streamwright.app.workspace;

import dev.streamwright.app.process.AppFolders;
import dev.streamwright.designer.document.diff.PipelineDiff;
import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import org.eclipse.serializer.persistence.types.Storer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's workspace: its pipelines with their version history, recent files and settings, kept
 * in an Eclipse Store in one folder (decision 0005). Headless and thread-safe; every call may do
 * I/O, so the studio calls it from a background executor.
 *
 * <p>Each change is one storer commit holding only what changed, so a killed studio reopens with
 * every change it had acknowledged. {@link #open} holds the folder's lock until {@link #close}.
 */
public final class Workspace implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

  /** The store's folder inside the workspace folder. */
  public static final String STORE_FOLDER = "store";

  /** Recent files kept: what a File menu shows without scrolling. */
  public static final int MAX_RECENT_FILES = 10;

  final WorkspaceSession session;
  private final WorkspaceRoot root;
  private final Clock clock;
  private final PipelineCodec codec = new PipelineCodec();
  private final PipelineCatalog catalog = new PipelineCatalog();
  private boolean closed;

  private Workspace(WorkspaceSession session, Clock clock) {
    this.session = session;
    this.root = session.storage.root();
    this.clock = clock;
  }

  /** The default workspace folder: {@code workspace} in the user's Streamwright data folder. */
  public static Path defaultDirectory() {
    return AppFolders.detect().data().resolve("workspace");
  }

  /**
   * Opens the workspace in the folder, creating it when the folder holds none.
   *
   * @throws WorkspaceLockedException when another studio has it open read-write
   * @throws WorkspaceCorruptException when its store cannot be read (left untouched)
   * @throws WorkspaceException when the folder cannot be created or read
   */
  public static Workspace open(Path directory, OpenMode mode) {
    return open(directory, mode, Clock.systemUTC());
  }

  static Workspace open(Path directory, OpenMode mode, Clock clock) {
    Path folder = directory.toAbsolutePath().normalize();
    long start = System.nanoTime();
    WorkspaceSession session =
        mode == OpenMode.READ_ONLY
            ? WorkspaceSession.openReadOnly(folder, clock)
            : WorkspaceSession.openForWriting(folder, clock);
    Workspace w = new Workspace(session, clock);
    LOG.info(
        "Opened the workspace {} {} in {} ms (pipelines: {})",
        folder,
        mode == OpenMode.READ_ONLY ? "read-only" : "read-write",
        (System.nanoTime() - start) / 1_000_000,
        w.root.pipelines.size());
    return w;
  }

  /** The names of the folder's backups, newest first, as {@link #restoreBackup} takes them. */
  public static List<String> backups(Path directory) {
    Path folder = directory.toAbsolutePath().normalize();
    return new Backups(folder.resolve(WorkspaceSession.BACKUP_FOLDER), Clock.systemUTC()).names();
  }

  /**
   * Replaces the folder's store with a backup; the replaced store is moved aside to {@code
   * store.corrupt-<timestamp>}, never deleted. The workspace must not be open.
   *
   * @return where the replaced store went, if there was one
   * @throws WorkspaceLockedException when a studio has the workspace open
   */
  public static Optional<Path> restoreBackup(Path directory, String backupName) {
    return WorkspaceSession.restore(
        directory.toAbsolutePath().normalize(), backupName, Clock.systemUTC());
  }

  /** The workspace folder. */
  public Path directory() {
    return session.directory;
  }

  /** Whether the workspace refuses changes ({@link OpenMode#READ_ONLY}). */
  public boolean isReadOnly() {
    return session.readOnly();
  }

  /** The pipelines, by name. Loads no pipeline and no history. */
  public synchronized List<PipelineInfo> pipelines() {
    checkOpen();
    List<PipelineInfo> out = new ArrayList<>(root.pipelines.size());
    for (StoredPipeline p : root.pipelines.values()) {
      out.add(
          new PipelineInfo(p.id, p.name, p.versionCount, Instant.ofEpochMilli(p.lastSavedMillis)));
    }
    out.sort(
        Comparator.comparing(PipelineInfo::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(PipelineInfo::id));
    return out;
  }

  /**
   * The pipelines with the description and tags of their newest version, newest save first: what
   * the Open dialog lists. Reads each pipeline's text once, until it gets another version.
   */
  public synchronized List<PipelineDetails> details() {
    checkOpen();
    List<PipelineDetails> out = new ArrayList<>(catalog.details(root.pipelines.values()));
    out.sort(
        Comparator.comparing(PipelineDetails::lastSaved)
            .reversed()
            .thenComparing(PipelineDetails::id));
    return out;
  }

  /** The pipelines opened most recently, most recent first, without those deleted since. */
  public synchronized List<PipelineInfo> recentPipelines() {
    checkOpen();
    List<PipelineInfo> out = new ArrayList<>();
    for (String id : RecentPipelines.ids(root)) {
      StoredPipeline p = root.pipelines.get(id);
      if (p != null) {
        out.add(
            new PipelineInfo(
                p.id, p.name, p.versionCount, Instant.ofEpochMilli(p.lastSavedMillis)));
      }
    }
    return out;
  }

  /**
   * Puts the pipeline first among the recent pipelines, keeping at most {@value
   * RecentPipelines#MAX}.
   */
  public synchronized void addRecentPipeline(String id) {
    checkWritable("remember pipeline " + id);
    if (root.pipelines.containsKey(id)) {
      commit(RecentPipelines.prepareAdd(root, id), "remember pipeline " + id);
    }
  }

  /** The newest version of the pipeline, or empty when the workspace has no such pipeline. */
  public synchronized Optional<Pipeline> load(String id) {
    checkOpen();
    StoredPipeline p = root.pipelines.get(id);
    return p == null ? Optional.empty() : Optional.of(parse(p, p.versionCount, p.current));
  }

  /**
   * Saves the pipeline as its newest version, in one commit. Saving a pipeline equal to its newest
   * version writes nothing.
   */
  public synchronized SaveResult save(Pipeline pipeline) {
    Objects.requireNonNull(pipeline, "pipeline");
    checkWritable("save pipeline " + pipeline.id());
    PendingChange change = prepareSave(pipeline, null);
    commit(change, "save pipeline " + pipeline.id());
    return change.result();
  }

  /** The pipeline's versions, newest first. */
  public synchronized List<VersionInfo> history(String id) {
    checkOpen();
    StoredPipeline p = stored(id);
    List<VersionInfo> out = new ArrayList<>();
    for (StoredVersion v : readHistory(p, p::versions)) {
      out.add(new VersionInfo(v.number, Instant.ofEpochMilli(v.savedAtMillis), v.summary));
    }
    Collections.reverse(out);
    return out;
  }

  /** Version {@code number} of the pipeline (1 is its first save). */
  public synchronized Pipeline version(String id, int number) {
    checkOpen();
    StoredPipeline p = stored(id);
    StoredVersion v =
        readHistory(p, () -> p.version(number))
            .orElseThrow(
                () ->
                    new WorkspaceException(
                        "Pipeline "
                            + id
                            + " has versions 1 to "
                            + p.versionCount
                            + "; there is no version "
                            + number
                            + "."));
    return parse(p, number, v.text);
  }

  /** What changed from version {@code a} to version {@code b}, one change per line. */
  public synchronized String diff(String id, int a, int b) {
    return PipelineDiff.between(version(id, a), version(id, b)).text();
  }

  /** Removes the pipeline and its history; an unknown id is ignored. */
  public synchronized void delete(String id) {
    checkWritable("delete pipeline " + id);
    StoredPipeline removed = root.pipelines.remove(id);
    if (removed != null) {
      commit(
          new PendingChange(null, List.of(root.pipelines), () -> root.pipelines.put(id, removed))
              .and(RecentPipelines.prepareRemove(root, id)),
          "delete pipeline " + id);
    }
  }

  /**
   * Imports a pipeline file as a new pipeline, or as a new version of the pipeline with its id, and
   * adds the file to the recent files, in one commit.
   *
   * @throws PipelineFileException when the file is missing, malformed or from a newer Streamwright;
   *     nothing is imported
   */
  public synchronized Pipeline importFile(Path file) throws PipelineFileException {
    checkWritable("import " + file.getFileName());
    Pipeline pipeline = codec.read(file);
    PendingChange save = prepareSave(pipeline, "imported from " + file.getFileName());
    PendingChange recent = prepareRecentFile(file);
    commit(save.and(recent), "import " + file.getFileName());
    return pipeline;
  }

  /**
   * Writes the pipeline's newest version to a file as canonical pipeline JSON, replacing the file
   * atomically. Works read-only too: it is how changes leave a read-only workspace.
   */
  public synchronized void exportTo(String id, Path file) {
    checkOpen();
    StoredPipeline p = stored(id);
    String text = text(p, p.versionCount, p.current);
    Path target = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new WorkspaceException(
          "Cannot write " + target + " (" + e.getMessage() + "); choose another file.", e);
    }
    if (!isReadOnly()) {
      commit(prepareRecentFile(target), "remember " + target.getFileName());
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Recently imported, exported or opened pipeline files, most recent first. */
  public synchronized List<Path> recentFiles() {
    checkOpen();
    return root.recentFiles.stream().map(Path::of).toList();
  }

  /** Puts the file first in the recent files, keeping at most {@link #MAX_RECENT_FILES}. */
  public synchronized void addRecentFile(Path file) {
    checkWritable("remember " + file.getFileName());
    commit(prepareRecentFile(file), "remember " + file.getFileName());
  }

  /** The settings, by key. */
  public synchronized Map<String, String> settings() {
    checkOpen();
    return Collections.unmodifiableMap(new TreeMap<>(root.settings));
  }

  /** Sets a setting; a null value removes it. */
  public synchronized void setSetting(String key, String value) {
    Objects.requireNonNull(key, "key");
    checkWritable("change the setting " + key);
    String old = root.settings.get(key);
    if (Objects.equals(old, value)) {
      return;
    }
    if (value == null) {
      root.settings.remove(key);
    } else {
      root.settings.put(key, value);
    }
    Runnable undo =
        () -> {
          if (old == null) {
            root.settings.remove(key);
          } else {
            root.settings.put(key, old);
          }
        };
    commit(new PendingChange(null, List.of(root.settings), undo), "change the setting " + key);
  }

  /**
   * On the first start, fills the workspace with the sample pipelines, in one commit. Does nothing
   * once it has seeded, or when the workspace already has pipelines.
   *
   * @return whether it seeded
   */
  public synchronized boolean seedIfEmpty(List<Pipeline> samples) {
    checkOpen();
    if (isReadOnly() || root.seeded || !root.pipelines.isEmpty()) {
      return false;
    }
    PendingChange all = new PendingChange(null, List.of(root), () -> root.seeded = false);
    root.seeded = true;
    for (Pipeline sample : samples) {
      all = all.and(prepareSave(sample, "sample"));
    }
    commit(all, "add the sample pipelines");
    return true;
  }

  /** Shuts the store down and releases the folder. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      session.close();
    }
  }

  private PendingChange prepareSave(Pipeline pipeline, String origin) {
    String text = codec.write(pipeline);
    StoredPipeline p = root.pipelines.get(pipeline.id());
    String previous = p == null ? null : text(p, p.versionCount, p.current);
    if (text.equals(previous)) {
      return PendingChange.NONE.with(
          new SaveResult(p.id, p.versionCount, SaveResult.Outcome.UNCHANGED));
    }
    String summary = summary(previous, pipeline);
    if (origin != null) {
      summary = VersionSummary.cut(origin + (previous == null ? "" : ": " + summary));
    }
    boolean created = p == null;
    StoredPipeline target = created ? new StoredPipeline(pipeline.id()) : p;
    StoredVersion v =
        new StoredVersion(
            target.versionCount + 1, clock.millis(), summary, CompressedText.compress(text));
    StoredPipeline.Append append = readHistory(target, () -> target.append(v, pipeline.name()));
    if (created) {
      root.pipelines.put(target.id, target);
      return new PendingChange(
          new SaveResult(target.id, v.number, SaveResult.Outcome.CREATED),
          List.of(root.pipelines),
          () -> root.pipelines.remove(target.id));
    }
    return new PendingChange(
        new SaveResult(target.id, v.number, SaveResult.Outcome.NEW_VERSION),
        append.changed(),
        append.undo());
  }

  private String summary(String previousText, Pipeline now) {
    if (previousText == null) {
      return "created";
    }
    try {
      return VersionSummary.of(PipelineDiff.between(codec.parse(previousText), now));
    } catch (PipelineFileException e) {
      return "saved"; // the previous version came from a newer Streamwright: no diff to name
    }
  }

  private PendingChange prepareRecentFile(Path file) {
    String path = file.toAbsolutePath().normalize().toString();
    List<String> before = List.copyOf(root.recentFiles);
    root.recentFiles.remove(path);
    root.recentFiles.add(0, path);
    while (root.recentFiles.size() > MAX_RECENT_FILES) {
      root.recentFiles.remove(root.recentFiles.size() - 1);
    }
    if (before.equals(root.recentFiles)) {
      return PendingChange.NONE;
    }
    return new PendingChange(
        null,
        List.of(root.recentFiles),
        () -> {
          root.recentFiles.clear();
          root.recentFiles.addAll(before);
        });
  }

  void commit(PendingChange change, String action) {
    if (change.toStore().isEmpty()) {
      return;
    }
    try {
      Storer storer = session.storage.storer();
      for (Object o : change.toStore()) {
        storer.store(o);
      }
      storer.commit();
    } catch (RuntimeException e) {
      change.undo().run();
      LOG.error("Workspace {}: could not {}", directory(), action, e);
      throw new WorkspaceException(
          "Could not "
              + action
              + ": the workspace store failed ("
              + WorkspaceStorage.rootMessage(e)
              + "). Nothing was changed; try again, and if it keeps failing export your pipeline"
              + " to a file and restart Streamwright.",
          e);
    }
  }

  private StoredPipeline stored(String id) {
    StoredPipeline p = root.pipelines.get(id);
    if (p == null) {
      throw new WorkspaceException(
          "There is no pipeline '" + id + "' in the workspace " + directory() + ".");
    }
    return p;
  }

  /** Runs a read of the pipeline's lazily loaded history, turning a store failure into advice. */
  private <T> T readHistory(StoredPipeline p, Supplier<T> read) {
    try {
      return read.get();
    } catch (WorkspaceException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("Workspace {}: cannot read the history of pipeline {}", directory(), p.id, e);
      throw new WorkspaceException(
          "The history of pipeline "
              + p.id
              + " cannot be read ("
              + WorkspaceStorage.rootMessage(e)
              + "). Export the pipeline to keep its newest version, then restore a workspace"
              + " backup.",
          e);
    }
  }

  private String text(StoredPipeline p, int number, byte[] stored) {
    try {
      return CompressedText.decompress(stored);
    } catch (DataFormatException e) {
      throw damaged(p, number, e.getMessage(), e);
    }
  }

  private Pipeline parse(StoredPipeline p, int number, byte[] stored) {
    String text = text(p, number, stored);
    try {
      return codec.parse(text);
    } catch (PipelineFileException e) {
      throw damaged(p, number, e.getMessage(), e);
    }
  }

  private WorkspaceException damaged(StoredPipeline p, int number, String why, Exception e) {
    return new WorkspaceException(
        "Version "
            + number
            + " of pipeline "
            + p.id
            + " cannot be read ("
            + why
            + "). Open an older version from its history, or restore a workspace backup.",
        e);
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the workspace " + directory() + " is closed");
    }
  }

  void checkWritable(String action) {
    checkOpen();
    if (isReadOnly()) {
      throw new WorkspaceReadOnlyException(directory(), action);
    }
  }
}
