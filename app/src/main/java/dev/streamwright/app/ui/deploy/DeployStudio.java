package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.AppFolders;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The studio window's remote-deploy parts, made once with the window: the environments, and what
 * deploys to them. Each part does its slow work on the executor.
 */
public final class DeployStudio {

  private final EnvironmentsViewModel environments;

  /**
   * @param tasks the background executor
   * @param workspace the open workspace, or null while none is
   */
  public DeployStudio(TaskExecutor tasks, Supplier<Workspace> workspace) {
    this(tasks, workspace, DeployStudio::userSecrets, RemoteRuntimeFactory::find);
  }

  /** The parts with the secret key and remote runtime given, for tests. */
  public DeployStudio(
      TaskExecutor tasks,
      Supplier<Workspace> workspace,
      Supplier<SecretBox> secrets,
      Supplier<Optional<RemoteRuntimeFactory>> factories) {
    Objects.requireNonNull(tasks, "tasks");
    this.environments = new EnvironmentsViewModel(tasks, workspace, secrets, factories);
  }

  /** The user's secret key, the one {@code streamwright env add} uses: in the data folder. */
  static SecretBox userSecrets() {
    return SecretBox.at(SecretBox.keyFileIn(AppFolders.detect().data()));
  }

  /** The Environments dialog's state. */
  public EnvironmentsViewModel environments() {
    return environments;
  }
}
