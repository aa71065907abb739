package dev.streamwright.app.deploy;

import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.app.environments.EnvironmentResolver;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import dev.streamwright.runtime.api.RemoteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Opens runtimes for the workspace's remote environments: resolves the environment's secrets into a
 * {@link RemoteTarget} and opens it with the {@link RemoteRuntimeFactory} on the class path. The
 * {@code embedded} environment is refused: it belongs to the studio's own runtime.
 */
public final class RemoteRuntimes implements RuntimeProvider {

  private final Workspace workspace;
  private final SecretBox secrets;
  private final Function<String, String> variables;
  private final Supplier<Optional<RemoteRuntimeFactory>> factories;

  /**
   * A provider.
   *
   * @param workspace the workspace whose environments are used
   * @param secrets decrypts stored secrets
   * @param variables reads environment variables ({@code System::getenv} outside tests)
   * @param factories finds the remote runtime factory ({@link RemoteRuntimeFactory#find})
   */
  public RemoteRuntimes(
      Workspace workspace,
      SecretBox secrets,
      Function<String, String> variables,
      Supplier<Optional<RemoteRuntimeFactory>> factories) {
    this.workspace = workspace;
    this.secrets = secrets;
    this.variables = variables;
    this.factories = factories;
  }

  /** A provider reading this process's environment variables and the class path's factory. */
  public static RemoteRuntimes of(Workspace workspace, SecretBox secrets) {
    return new RemoteRuntimes(workspace, secrets, System::getenv, RemoteRuntimeFactory::find);
  }

  @Override
  public PipelineRuntime open(String environment) throws DeployException {
    if (EnvironmentNames.EMBEDDED.equals(environment)) {
      throw new DeployException(
          DeployException.Kind.REFUSED,
          "'embedded' is the Flink inside Streamwright: run a pipeline there with 'streamwright"
              + " run', or deploy to a remote environment (streamwright env list).");
    }
    RemoteEnvironment env =
        WorkspaceEnvironments.of(workspace)
            .get(environment)
            .orElseThrow(() -> unknown(environment));
    RemoteTarget target;
    try {
      target = new EnvironmentResolver(secrets, variables).resolve(env);
    } catch (EnvironmentException e) {
      throw new DeployException(DeployException.Kind.REFUSED, e.getMessage(), e);
    }
    RemoteRuntimeFactory factory =
        factories
            .get()
            .orElseThrow(
                () ->
                    new DeployException(
                        DeployException.Kind.FAILED,
                        "This Streamwright has no remote runtime on its class path, so it cannot"
                            + " reach a Flink cluster; use a build that includes it."));
    return factory.open(target);
  }

  private DeployException unknown(String name) {
    List<String> names = new ArrayList<>();
    WorkspaceEnvironments.of(workspace).list().forEach(e -> names.add(e.name()));
    return new DeployException(
        DeployException.Kind.REFUSED,
        "There is no environment '"
            + name
            + "' in the workspace "
            + workspace.directory()
            + (names.isEmpty()
                ? "; it has no remote environment yet."
                : "; its remote environments are: " + String.join(", ", names) + ".")
            + " Add one with: streamwright env add NAME --gateway URL --rest URL");
  }
}
