package dev.streamwright.app.cli;

import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import dev.streamwright.runtime.api.RemoteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A remote runtime factory for testing {@code env test} before the real one exists: it answers a
 * check with the items it is given and remembers the targets it was asked about. Handed to the
 * command directly rather than registered as a service, so it never shadows the real factory in
 * other tests once that one is on the class path.
 */
final class FakeRemoteRuntimeFactory implements RemoteRuntimeFactory {

  final List<RemoteTarget> checked = new ArrayList<>();
  private final Function<RemoteTarget, EnvironmentCheck> answer;

  FakeRemoteRuntimeFactory(Function<RemoteTarget, EnvironmentCheck> answer) {
    this.answer = answer;
  }

  @Override
  public EnvironmentCheck check(RemoteTarget target) {
    checked.add(target);
    return answer.apply(target);
  }

  @Override
  public PipelineRuntime open(RemoteTarget target) {
    throw new UnsupportedOperationException("env tests never deploy");
  }
}
