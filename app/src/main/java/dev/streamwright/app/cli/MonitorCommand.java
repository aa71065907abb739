package dev.streamwright.app.cli;

import dev.streamwright.app.deploy.Watched;
import dev.streamwright.app.workspace.WorkspacePrices;
import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.MonitorSettings;
import dev.streamwright.monitor.MonitorTarget;
import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright monitor DEPLOYMENT [--once] [--format table|json] [--interval 5s]}. */
@Command(
    name = "monitor",
    description = {
      "Watch a deployment's live figures: per node records/s and backpressure, consumer lag per"
          + " group and partition, end-to-end latency per sink, checkpoints, restarts and the"
          + " model nodes' health, and its cost (per deployment and per node, priced with the"
          + " environment's price profile, see 'streamwright prices'). Refreshes in place in a"
          + " terminal, one line per poll when piped; --once prints one snapshot. The workspace's"
          + " alert rules are evaluated on every poll and alerts are printed as they fire and"
          + " resolve ('streamwright alerts rules')."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:watched until the deployment ended or the command was interrupted",
      "2:usage error or unknown deployment",
      "3:the deployment's environment or workspace could not be opened"
    })
final class MonitorCommand implements Callable<Integer> {

  /** Clears a terminal and moves the cursor home (ANSI), to refresh in place like {@code top}. */
  private static final String CLEAR = "\033[H\033[2J";

  enum Format {
    table,
    json
  }

  private final LifecycleCli lifecycle;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

  @Parameters(
      index = "0",
      paramLabel = "DEPLOYMENT",
      description = "The deployment id, or a unique prefix of it.")
  private String deployment;

  @Option(names = "--once", description = "Print one snapshot and exit.")
  private boolean once;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (default) or json (one JSON object per poll).",
      defaultValue = "table")
  private Format format;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      description = "Time between polls (default 5s).",
      defaultValue = "5s",
      converter = DurationConverter.class)
  private Duration interval;

  @Option(
      names = "--slo",
      paramLabel = "DURATION",
      description = "The latency objective sinks are held to (default 1s).",
      defaultValue = "1s",
      converter = DurationConverter.class)
  private Duration slo;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description =
          "The folder the deployment's models are in, when its pipeline has Model score nodes"
              + " (its record keeps the pipeline, not where its models were).")
  private java.nio.file.Path models;

  @Mixin private HelpOption help = new HelpOption();

  private Monitor monitor;
  private CostText cost;
  private PriceProfile prices;

  /** Whether stdout is a terminal that can be redrawn; a pipe gets one line per poll. */
  private final boolean terminal;

  MonitorCommand(LifecycleCli lifecycle) {
    this(lifecycle, System.console() != null);
  }

  MonitorCommand(LifecycleCli lifecycle, boolean terminal) {
    this.lifecycle = lifecycle;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (interval.toMillis() < 100) {
      err.println("error: --interval must be at least 100ms, was " + interval.toMillis() + "ms.");
      err.flush();
      return ExitCodes.USAGE;
    }
    return lifecycle.run(
        workspace,
        true,
        true,
        err,
        service -> {
          Watched w =
              service.watch(
                  deployment,
                  models == null
                      ? java.util.Map.of()
                      : java.util.Map.of(
                          dev.streamwright.runtime.models.ModelRegistry.ENVIRONMENT_KEY,
                          models.toAbsolutePath().normalize().toString()));
          MonitorTarget target =
              MonitorTarget.of(w.deployment(), w.runtime(), w.pipeline(), w.compilation());
          MonitorSettings settings = MonitorSettings.DEFAULTS.withInterval(interval).withSlo(slo);
          SnapshotText text = new SnapshotText(ZoneId.systemDefault(), target.nodeNames());
          CostSettings pricing =
              WorkspacePrices.of(service.workspace()).costSettings(w.record().environment());
          cost = new CostText(target.nodeNames());
          prices = pricing.prices();
          try (Monitor monitor = Monitor.of(target, settings).costSettings(pricing)) {
            this.monitor = monitor;
            monitor.drift().references(driftReferences(service, w));
            if (once) {
              monitor.pollNow();
              // A second poll a moment later: lag by interpolation needs two points, latency rows,
              // and the cost an interval; one more when the first did not reach Flink.
              sleep(Duration.ofSeconds(1));
              MonitorSnapshot last = monitor.pollNow();
              if (last.flink().connected()
                  && monitor.latestCost().map(c -> c.projectedMonthly().isEmpty()).orElse(true)) {
                sleep(Duration.ofSeconds(1));
                last = monitor.pollNow();
              }
              print(out, text, last, false);
              printDrift(out, text, monitor);
              return ExitCodes.OK;
            }
            BlockingQueue<MonitorSnapshot> polls = new LinkedBlockingQueue<>();
            try (MonitorAlertLines alerts =
                MonitorAlertLines.attach(
                    service.workspace(), lifecycle.context().folders().data(), monitor, err)) {
              monitor.onSnapshot(polls::offer).start();
              while (true) {
                MonitorSnapshot s = polls.poll(1, TimeUnit.SECONDS);
                if (s != null) {
                  print(out, text, s, true);
                  printDrift(out, text, monitor);
                  printAlerts(out, alerts);
                } else if (monitor.stopped() && polls.isEmpty()) {
                  printAlerts(out, alerts);
                  return ExitCodes.OK;
                }
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
          }
        });
  }

  private void print(PrintWriter out, SnapshotText text, MonitorSnapshot s, boolean live) {
    // The cost listener runs after the snapshot listeners: the cost of this poll may follow it.
    java.util.Optional<DeploymentCost> c = monitor.latestCost();
    if (format == Format.json) {
      com.fasterxml.jackson.databind.node.ObjectNode tree = SnapshotJson.tree(s);
      c.ifPresentOrElse(x -> tree.set("cost", CostJson.of(x, prices)), () -> tree.putNull("cost"));
      out.println(tree);
    } else if (terminal && live) {
      out.print(CLEAR);
      out.print(text.screen(s));
      c.ifPresent(x -> out.print(cost.screen(x, prices)));
    } else if (live) {
      out.println(text.line(s) + c.map(CostText::line).orElse(""));
    } else {
      out.print(text.screen(s));
      c.ifPresent(x -> out.print(cost.screen(x, prices)));
    }
    out.flush();
  }

  /** The alerts since the last poll: in JSON mode one object each, else lines of text. */
  private void printAlerts(PrintWriter out, MonitorAlertLines alerts) {
    if (format == Format.json) {
      alerts.json().forEach(out::println);
    } else if (terminal) {
      java.util.List<String> recent = alerts.recent();
      if (!recent.isEmpty()) {
        out.println();
        out.println("Alerts (newest last):");
        recent.forEach(l -> out.println("  " + l));
      }
    } else {
      alerts.text().forEach(out::println);
    }
    out.flush();
  }

  /** The drift section after a snapshot: a table, or one JSON object {@code {"drift": ...}}. */
  private void printDrift(PrintWriter out, SnapshotText text, Monitor monitor) {
    monitor
        .latestDrift()
        .filter(r -> !r.nodes().isEmpty() || r.problem().isPresent())
        .ifPresent(
            r -> {
              if (format == Format.json) {
                com.fasterxml.jackson.databind.node.ObjectNode o =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                o.put("deployment", r.deploymentId());
                o.set("drift", DriftText.json(r));
                out.println(o);
              } else {
                out.print(DriftText.table(r, text.names()));
              }
              out.flush();
            });
  }

  /** The model cards of the pipeline's Model score nodes, with the workspace's references. */
  private dev.streamwright.monitor.drift.live.DriftReferences driftReferences(
      dev.streamwright.app.deploy.DeploymentService service, Watched w) {
    dev.streamwright.app.workspace.WorkspaceReferences set =
        dev.streamwright.app.workspace.WorkspaceReferences.of(service.workspace());
    String modelsDir =
        models != null
            ? models.toAbsolutePath().normalize().toString()
            : service.workspace().directory().resolve("models").toString();
    return dev.streamwright.monitor.drift.live.ModelNodeReferences.of(
        w.pipeline(), modelsDir, set::forModel, node -> set.forNode(w.pipeline().id(), node));
  }

  private static void sleep(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
