package dev.streamwright.app.ui.workspace;

import dev.streamwright.app.ui.dialogs.DialogService;
import dev.streamwright.app.ui.dialogs.DialogService.Choice;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceCorruptException;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.app.workspace.WorkspaceLockedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the workspace folder at startup and talks the user through what can go wrong: a folder
 * another studio holds (open read-only, choose another folder, or quit) and a store that cannot be
 * read (restore a backup, which moves the damaged store aside rather than overwriting it, choose
 * another folder, or quit). Opening runs in the background; the questions on the FX thread.
 */
public final class WorkspaceOpener {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceOpener.class);

  /** What the user wants after a failed open. */
  private enum Next {
    READ_ONLY,
    RESTORE,
    OTHER_FOLDER,
    QUIT
  }

  private final TaskExecutor tasks;
  private final DialogService dialogs;

  public WorkspaceOpener(TaskExecutor tasks, DialogService dialogs) {
    this.tasks = tasks;
    this.dialogs = dialogs;
  }

  /**
   * Opens the workspace in {@code folder} for writing, asking the user what to do if that fails.
   *
   * @return completes on the FX thread with the open workspace, or empty when the user chose to
   *     quit
   */
  public CompletableFuture<Optional<Workspace>> open(Path folder) {
    CompletableFuture<Optional<Workspace>> result = new CompletableFuture<>();
    attempt(folder, OpenMode.READ_WRITE, result);
    return result;
  }

  private void attempt(Path folder, OpenMode mode, CompletableFuture<Optional<Workspace>> result) {
    tasks
        .supply("open workspace " + folder, () -> Workspace.open(folder, mode))
        .whenCompleteAsync(
            (workspace, error) -> {
              if (error == null) {
                result.complete(Optional.of(workspace));
              } else {
                failed(folder, unwrap(error), result);
              }
            },
            tasks.ui());
  }

  private void failed(Path folder, Throwable error, CompletableFuture<Optional<Workspace>> result) {
    Next next;
    if (error instanceof WorkspaceLockedException locked) {
      LOG.info("Workspace {} is locked: {}", folder, locked.getMessage());
      next =
          ask(
              "Workspace in use",
              "Another Streamwright is using this workspace",
              locked.getMessage(),
              List.of(
                  new Choice<>("Open read-only", Next.READ_ONLY),
                  new Choice<>("Choose another folder", Next.OTHER_FOLDER),
                  new Choice<>("Quit", Next.QUIT)));
    } else if (error instanceof WorkspaceCorruptException corrupt) {
      LOG.error("Workspace {} cannot be read", folder, corrupt);
      List<Choice<Next>> choices = new ArrayList<>();
      if (!corrupt.backups().isEmpty()) {
        choices.add(new Choice<>("Open a backup…", Next.RESTORE));
      }
      choices.add(new Choice<>("Choose another folder", Next.OTHER_FOLDER));
      choices.add(new Choice<>("Quit", Next.QUIT));
      next =
          ask(
              "Workspace cannot be read",
              "The workspace is damaged; nothing was overwritten",
              corrupt.getMessage(),
              choices);
      if (next == Next.RESTORE) {
        restore(folder, corrupt, result);
        return;
      }
    } else {
      LOG.error("Could not open the workspace {}", folder, error);
      String message =
          error instanceof WorkspaceException
              ? error.getMessage()
              : "The workspace "
                  + folder
                  + " could not be opened ("
                  + error.getClass().getSimpleName()
                  + "). The log has the details; choose another folder or quit.";
      next =
          ask(
              "Workspace cannot be opened",
              "The workspace cannot be opened",
              message,
              List.of(
                  new Choice<>("Choose another folder", Next.OTHER_FOLDER),
                  new Choice<>("Quit", Next.QUIT)));
    }
    switch (next) {
      case READ_ONLY -> attempt(folder, OpenMode.READ_ONLY, result);
      case OTHER_FOLDER -> otherFolder(folder, error, result);
      default -> result.complete(Optional.empty());
    }
  }

  private void otherFolder(
      Path folder, Throwable error, CompletableFuture<Optional<Workspace>> result) {
    Optional<Path> chosen = dialogs.chooseFolder("Choose a workspace folder");
    if (chosen.isPresent()) {
      attempt(chosen.get(), OpenMode.READ_WRITE, result);
    } else {
      failed(folder, error, result); // cancelled: ask again rather than start without a workspace
    }
  }

  private void restore(
      Path folder,
      WorkspaceCorruptException corrupt,
      CompletableFuture<Optional<Workspace>> result) {
    Optional<String> backup =
        dialogs.pick(
            "Open a backup",
            "Backups of "
                + folder
                + ", newest first. The damaged store is moved aside, not"
                + " deleted.",
            corrupt.backups(),
            name -> name,
            "Restore and open");
    if (backup.isEmpty()) {
      failed(folder, corrupt, result); // cancelled: back to the first question
      return;
    }
    tasks
        .supply(
            "restore backup " + backup.get(), () -> Workspace.restoreBackup(folder, backup.get()))
        .whenCompleteAsync(
            (movedAside, error) -> {
              if (error != null) {
                failed(folder, unwrap(error), result);
                return;
              }
              movedAside.ifPresent(
                  p -> LOG.info("Restored backup {}; the damaged store is in {}", backup.get(), p));
              attempt(folder, OpenMode.READ_WRITE, result);
            },
            tasks.ui());
  }

  private Next ask(String title, String header, String message, List<Choice<Next>> choices) {
    return dialogs.choose(title, header, message, choices).orElse(Next.QUIT);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
