package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.deploy.DeploymentService;
import dev.streamwright.app.deploy.RemoteRuntimes;
import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio window's remote-deploy parts, made once with the window: the environments, Deploy, and
 * the deployments, all over one {@link DeploymentService} made on first use (off the FX thread) for
 * the open workspace and closed with the studio.
 */
public final class DeployStudio implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeployStudio.class);

  private final ObservableValue<Workspace> workspace;
  private final Supplier<SecretBox> secrets;
  private final Map<String, String> compileEnvironment;
  private final EnvironmentsViewModel environments;
  private final DeployViewModel deploy;
  private final DeploymentsViewModel deployments;
  private DeploymentService service; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param tasks the background executor
   * @param workspace the open workspace, null while none is; read on the FX thread
   * @param compileEnvironment what pipelines compile in (models folder, {@code ${data}})
   */
  public DeployStudio(
      TaskExecutor tasks,
      ObservableValue<Workspace> workspace,
      Map<String, String> compileEnvironment) {
    this(
        tasks,
        workspace,
        compileEnvironment,
        DeployStudio::userSecrets,
        RemoteRuntimeFactory::find);
  }

  /** The parts with the secret key and remote runtime given, for tests. */
  public DeployStudio(
      TaskExecutor tasks,
      ObservableValue<Workspace> workspace,
      Map<String, String> compileEnvironment,
      Supplier<SecretBox> secrets,
      Supplier<Optional<RemoteRuntimeFactory>> factories) {
    Objects.requireNonNull(tasks, "tasks");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.secrets = secrets;
    this.compileEnvironment = Map.copyOf(compileEnvironment);
    // The FX thread reads the workspace property; background work gets the value it had.
    java.util.concurrent.atomic.AtomicReference<Workspace> current =
        new java.util.concurrent.atomic.AtomicReference<>(workspace.getValue());
    this.environments = new EnvironmentsViewModel(tasks, current::get, secrets, factories);
    this.deploy = new DeployViewModel(tasks, this::service, environments, this.compileEnvironment);
    this.deployments =
        new DeploymentsViewModel(tasks, this::service, environments, this.compileEnvironment);
    workspace.addListener(
        (obs, old, now) -> {
          current.set(now);
          if (now != null) {
            environments.load();
          }
        });
    if (current.get() != null) {
      environments.load();
    }
  }

  /** The user's secret key, the one {@code streamwright env add} uses: in the data folder. */
  static SecretBox userSecrets() {
    return SecretBox.at(SecretBox.keyFileIn(AppFolders.detect().data()));
  }

  /**
   * The deployment service of the open workspace, made on first use; call off the FX thread.
   *
   * @throws EnvironmentException while no workspace is open, or once the studio is closing
   */
  /** The deployment service over the open workspace, made on first use; off the FX thread. */
  public synchronized DeploymentService service() {
    if (closed) {
      throw new EnvironmentException("The studio is closing; nothing deploys any more.");
    }
    if (service == null) {
      Workspace w = environments.workspace();
      if (w == null) {
        throw new EnvironmentException("The workspace is still opening; try again in a moment.");
      }
      service = new DeploymentService(w, RemoteRuntimes.of(w, secrets.get()), compileEnvironment);
    }
    return service;
  }

  /** The Environments dialog's state. */
  public EnvironmentsViewModel environments() {
    return environments;
  }

  /** Deploy on the toolbar. */
  public DeployViewModel deploy() {
    return deploy;
  }

  /** The Deployments view's state. */
  public DeploymentsViewModel deployments() {
    return deployments;
  }

  /** Stops polling and closes the service's runtimes; remote jobs keep running. Blocks briefly. */
  @Override
  public void close() {
    DeploymentService s;
    synchronized (this) {
      closed = true;
      s = service;
      service = null;
    }
    deployments.stopPolling();
    if (s != null) {
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing the deployment service failed", e);
      }
    }
  }
}
