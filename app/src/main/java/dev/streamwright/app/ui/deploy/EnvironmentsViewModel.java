package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.app.environments.EnvironmentResolver;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.runtime.api.EnvironmentCheck;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import dev.streamwright.runtime.api.RemoteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Environments dialog's state: the workspace's environments ({@code embedded} first, never
 * editable), adding, editing and removing remote ones through the same validation and secret
 * sealing as {@code streamwright env add}, and testing one with the remote runtime's check. Every
 * read and write of the workspace, every seal and every check runs on the executor; results come
 * back on the FX thread.
 */
public final class EnvironmentsViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentsViewModel.class);

  /**
   * One line of the environment list.
   *
   * @param name the environment's name
   * @param where where it is: its gateway and REST URLs, or the embedded Flink
   * @param environment the stored environment, or null for {@code embedded}
   */
  public record Row(String name, String where, RemoteEnvironment environment) {
    /** Whether the row can be edited, removed and tested ({@code embedded} cannot). */
    public boolean remote() {
      return environment != null;
    }
  }

  /**
   * One finding of a test, as the dialog lists it.
   *
   * @param what what was checked
   * @param ok whether it is fine
   * @param detail what was found, or the failure's cause and fix
   */
  public record CheckLine(String what, boolean ok, String detail) {}

  private final TaskExecutor tasks;
  private final Supplier<Workspace> workspace;
  private final Supplier<SecretBox> secrets;
  private final Supplier<Optional<RemoteRuntimeFactory>> factories;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObservableList<CheckLine> checks = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private long tests;

  /**
   * @param tasks the background executor
   * @param workspace the open workspace, or null while none is
   * @param secrets the user's secret key, used by saves and tests
   * @param factories finds the remote runtime ({@link RemoteRuntimeFactory#find})
   */
  public EnvironmentsViewModel(
      TaskExecutor tasks,
      Supplier<Workspace> workspace,
      Supplier<SecretBox> secrets,
      Supplier<Optional<RemoteRuntimeFactory>> factories) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.factories = Objects.requireNonNull(factories, "factories");
  }

  /** The environments, {@code embedded} first, the remote ones by name. */
  public ObservableList<Row> rows() {
    return rows;
  }

  /** What the last test found, one line per check. */
  public ObservableList<CheckLine> checks() {
    return checks;
  }

  /** What the dialog says below the list: loaded, saved, testing, a failure in words. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Whether a load, save, removal or test is in progress. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Reads the workspace's environments in the background. */
  public CompletableFuture<Void> load() {
    busy.set(true);
    return tasks
        .supply("list the environments", () -> environments().list())
        .handleAsync(
            (list, error) -> {
              busy.set(false);
              if (error != null) {
                status.set("The environments could not be read: " + DeployText.readable(error));
              } else {
                show(list);
              }
              return null;
            },
            tasks.ui());
  }

  private void show(List<RemoteEnvironment> list) {
    List<Row> out = new ArrayList<>();
    out.add(new Row(EnvironmentNames.EMBEDDED, "the Flink inside Streamwright", null));
    for (RemoteEnvironment e : list) {
      out.add(new Row(e.name(), "gateway " + e.gatewayUrl() + ", REST " + e.restUrl(), e));
    }
    rows.setAll(out);
  }

  /**
   * Validates the form and, when it passes, seals its new secrets and saves it in the background.
   *
   * @return completes on the FX thread with whether it was saved; problems show on the form
   */
  public CompletableFuture<Boolean> save(EnvironmentForm form) {
    Optional<EnvironmentForm.Draft> draft = form.validate();
    if (draft.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    EnvironmentForm.Draft d = draft.get();
    busy.set(true);
    status.set("Saving '" + d.name().strip() + "'…");
    return tasks
        .supply(
            "save the environment " + d.name(),
            () -> {
              WorkspaceEnvironments envs = environments();
              if (!d.replace() && envs.get(d.name().strip()).isPresent()) {
                throw new EnvironmentException(
                    "There is already an environment named '"
                        + d.name().strip()
                        + "': choose another name, or edit that one.");
              }
              RemoteEnvironment env = d.build(secrets.get());
              if (d.replace()) {
                envs.put(env);
              } else {
                envs.add(env);
              }
              return envs.list();
            })
        .handleAsync(
            (list, error) -> {
              busy.set(false);
              if (error != null) {
                String why = DeployText.readable(error);
                form.showProblem(why);
                status.set("Not saved: " + why);
                return false;
              }
              show(list);
              status.set("Saved '" + d.name().strip() + "'.");
              return true;
            },
            tasks.ui());
  }

  /** Removes a remote environment in the background; its deployment records stay. */
  public CompletableFuture<Void> remove(String name) {
    busy.set(true);
    return tasks
        .supply(
            "remove the environment " + name,
            () -> {
              environments().remove(name);
              return environments().list();
            })
        .handleAsync(
            (list, error) -> {
              busy.set(false);
              if (error != null) {
                status.set("'" + name + "' was not removed: " + DeployText.readable(error));
              } else {
                show(list);
                status.set("Removed '" + name + "'.");
              }
              return null;
            },
            tasks.ui());
  }

  /**
   * Checks what a deploy to the environment needs (gateway, REST API, Flink version, jars, Kafka)
   * in the background and lists each finding.
   */
  public CompletableFuture<Void> test(Row row) {
    long test = ++tests;
    checks.clear();
    if (!row.remote()) {
      checks.add(
          new CheckLine(
              "embedded",
              true,
              "the Flink inside Streamwright: always there, nothing to reach (Run uses it)"));
      status.set("'embedded' needs no test.");
      return CompletableFuture.completedFuture(null);
    }
    RemoteEnvironment env = row.environment();
    busy.set(true);
    status.set("Testing '" + env.name() + "'…");
    return tasks
        .supply("test the environment " + env.name(), () -> check(env))
        .handleAsync(
            (found, error) -> {
              if (test != tests) {
                return null;
              }
              busy.set(false);
              if (error != null) {
                LOG.warn("Testing the environment {} failed", env.name(), error);
                found = List.of(new CheckLine("test", false, DeployText.readable(error)));
              }
              checks.setAll(found);
              boolean ok = !found.isEmpty() && found.stream().allMatch(CheckLine::ok);
              status.set(
                  ok
                      ? "'" + env.name() + "' is ready to deploy to."
                      : "'" + env.name() + "' is not ready: fix what failed and test again.");
              return null;
            },
            tasks.ui());
  }

  /** The check itself, on a background thread; never throws for what it finds. */
  private List<CheckLine> check(RemoteEnvironment env) {
    RemoteTarget target;
    try {
      target = EnvironmentResolver.withSystemEnvironment(secrets.get()).resolve(env);
    } catch (EnvironmentException e) {
      return List.of(new CheckLine("secrets", false, e.getMessage()));
    }
    Optional<RemoteRuntimeFactory> factory = factories.get();
    if (factory.isEmpty()) {
      return List.of(
          new CheckLine(
              "remote runtime",
              false,
              "this Streamwright has no remote runtime on its class path, so it cannot reach a"
                  + " Flink cluster; use a build that includes it"));
    }
    EnvironmentCheck check = factory.get().check(target);
    return check.items().stream().map(i -> new CheckLine(i.what(), i.ok(), i.detail())).toList();
  }

  /** The open workspace, or null; any thread. */
  Workspace workspace() {
    return workspace.get();
  }

  /** The remote environments' names, from the last load. */
  public java.util.List<String> remoteNames() {
    return rows.stream().filter(Row::remote).map(Row::name).toList();
  }

  /** The stored environment of that name, from the last load. */
  public Optional<RemoteEnvironment> remote(String name) {
    return rows.stream()
        .filter(r -> r.remote() && r.name().equals(name))
        .findFirst()
        .map(Row::environment);
  }

  private WorkspaceEnvironments environments() {
    Workspace w = workspace.get();
    if (w == null) {
      throw new EnvironmentException("The workspace is still opening; try again in a moment.");
    }
    return WorkspaceEnvironments.of(w);
  }
}
