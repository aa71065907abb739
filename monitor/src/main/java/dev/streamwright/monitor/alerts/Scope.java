package dev.streamwright.monitor.alerts;

import java.util.Objects;
import java.util.Optional;

/**
 * Which scope instances a rule watches: every instance of its kind (every group, every node, ...)
 * in every deployment, unless narrowed to one deployment and/or one instance by exact name.
 *
 * @param kind the scope kind; it must be its metric's {@link Metric#scope()}
 * @param deployment only this deployment; empty for every deployment
 * @param instance only this instance (node id, group id, {@code nodeId/column}); empty for every
 *     instance
 */
public record Scope(ScopeKind kind, Optional<String> deployment, Optional<String> instance) {

  public Scope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(instance, "instance");
    if (deployment.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException(
          "scope: the deployment is blank; leave it out for every one");
    }
    if (instance.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException(
          "scope: the " + kind.id() + " is blank; leave it out for every " + kind.id());
    }
    if (kind == ScopeKind.PIPELINE && instance.isPresent()) {
      throw new IllegalArgumentException(
          "scope: a pipeline scope has no instance; narrow it with a deployment instead");
    }
  }

  /** Every instance of a kind in every deployment. */
  public static Scope every(ScopeKind kind) {
    return new Scope(kind, Optional.empty(), Optional.empty());
  }

  /** One instance of a kind, in every deployment. */
  public static Scope only(ScopeKind kind, String instance) {
    return new Scope(kind, Optional.empty(), Optional.of(instance));
  }

  /** This scope narrowed to one deployment. */
  public Scope inDeployment(String deploymentId) {
    return new Scope(kind, Optional.of(deploymentId), instance);
  }

  /** Whether a series lies in this scope. */
  public boolean matches(SeriesKey key) {
    return key.metric().scope() == kind
        && (deployment.isEmpty() || deployment.get().equals(key.deployment()))
        && (instance.isEmpty() || instance.get().equals(key.instance()));
  }
}
