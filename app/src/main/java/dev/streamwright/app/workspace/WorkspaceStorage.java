package dev.streamwright.app.workspace;

import java.nio.file.Path;
import org.eclipse.serializer.persistence.types.Storer;
import org.eclipse.store.storage.embedded.types.EmbeddedStorage;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;
import org.eclipse.store.storage.types.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Eclipse Store on one store folder with its {@link WorkspaceRoot}. Its storage threads
 * are not daemons, so every path out of {@link #start} either returns a running storage that the
 * caller closes or has already shut it down.
 */
final class WorkspaceStorage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceStorage.class);

  private final EmbeddedStorageManager manager;
  private final WorkspaceRoot root;

  private WorkspaceStorage(EmbeddedStorageManager manager, WorkspaceRoot root) {
    this.manager = manager;
    this.root = root;
  }

  /**
   * Starts the store in the folder, creating an empty workspace when the folder holds none.
   *
   * @throws StoreUnreadableException when the store cannot be started or holds something else
   */
  static WorkspaceStorage start(Path store) throws StoreUnreadableException {
    if (StoreFiles.hasFiles(store)) {
      TransactionsLogCheck.verify(store);
    }
    EmbeddedStorageManager manager =
        EmbeddedStorage.Foundation(
                Storage.ConfigurationBuilder()
                    .setStorageFileProvider(Storage.FileProvider(store))
                    .createConfiguration())
            .createEmbeddedStorageManager();
    try {
      manager.start();
      Object root = manager.root();
      if (root == null) {
        WorkspaceRoot fresh = new WorkspaceRoot();
        manager.setRoot(fresh);
        manager.storeRoot();
        return new WorkspaceStorage(manager, fresh);
      }
      if (!(root instanceof WorkspaceRoot workspace)) {
        throw new StoreUnreadableException(
            "it holds data of another application (" + root.getClass().getName() + ")", null);
      }
      if (workspace.layout > WorkspaceRoot.CURRENT_LAYOUT) {
        throw new StoreUnreadableException(
            "it was written by a newer Streamwright (workspace layout "
                + workspace.layout
                + "); update Streamwright to open it",
            null);
      }
      return new WorkspaceStorage(manager, workspace);
    } catch (StoreUnreadableException e) {
      shutDown(manager, e);
      throw e;
    } catch (RuntimeException e) {
      shutDown(manager, e);
      throw new StoreUnreadableException("its files are damaged: " + rootMessage(e), e);
    } catch (Error e) {
      shutDown(manager, e); // out of memory, say: not the files' fault, but stop the threads
      throw e;
    }
  }

  private static void shutDown(EmbeddedStorageManager manager, Throwable failure) {
    try {
      manager.shutdown();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** The innermost message of a failure, which for Eclipse Store is the one that says what. */
  static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return message == null ? e.getClass().getSimpleName() : message.strip();
  }

  WorkspaceRoot root() {
    return root;
  }

  /** A storer that writes the objects it is given and the new objects they reach, no more. */
  Storer storer() {
    return manager.createStorer();
  }

  @Override
  public void close() {
    try {
      manager.shutdown();
    } catch (RuntimeException e) {
      LOG.warn("The workspace store did not shut down cleanly", e);
    }
  }
}
