package dev.streamwright.runtime.api;

/**
 * Makes runtimes for remote environments. Implementations are found with {@link
 * java.util.ServiceLoader}, so the studio and the CLI reach a remote cluster through the runtime
 * API without knowing the implementation class.
 */
public interface RemoteRuntimeFactory {

  /**
   * Checks what a deploy to the target needs, without deploying anything. Never throws: what cannot
   * be reached is a failed item with its cause in words.
   */
  EnvironmentCheck check(RemoteTarget target);

  /**
   * A runtime that deploys to the target. Opening connects lazily: an unreachable gateway fails the
   * first operation with a {@link RuntimeFailure} that names the URL and what to do.
   */
  PipelineRuntime open(RemoteTarget target);

  /** The factory on the class path, if there is one. */
  static java.util.Optional<RemoteRuntimeFactory> find() {
    return java.util.ServiceLoader.load(RemoteRuntimeFactory.class).findFirst();
  }
}
