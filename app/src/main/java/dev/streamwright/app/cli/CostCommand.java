package dev.streamwright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.app.deploy.DeployException;
import dev.streamwright.app.deploy.DeploymentService;
import dev.streamwright.app.deploy.DeploymentView;
import dev.streamwright.app.deploy.Watched;
import dev.streamwright.app.deployments.DeploymentState;
import dev.streamwright.app.workspace.WorkspacePrices;
import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.MonitorSettings;
import dev.streamwright.monitor.MonitorTarget;
import dev.streamwright.monitor.cost.CostSettings;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.Showback;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright cost}: what every running deployment of the workspace costs now, measured
 * over a short sample, and the showback: the costs added up by the pipelines' {@code cost_center},
 * {@code project} and {@code team} tags.
 */
@Command(
    name = "cost",
    description = {
      "Show what the workspace's running deployments cost: each is polled over a short sample"
          + " (--sample) and priced with its environment's price profile ('streamwright prices')."
          + " Then the showback: costs added up by the pipeline tags cost_center, project and team"
          + " (written key:value among a pipeline's tags; without one a deployment is 'untagged')."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:shown (deployments that could not be watched are named on stderr)",
      "2:usage error",
      "3:the workspace could not be opened"
    })
final class CostCommand implements Callable<Integer> {

  enum Format {
    table,
    json
  }

  private final LifecycleCli lifecycle;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

  @Option(names = "--env", paramLabel = "NAME", description = "Only this environment's.")
  private String environment;

  @Option(
      names = "--by",
      paramLabel = "KEY",
      description = "Only this showback key: cost_center, project or team (default: all three).")
  private String by;

  @Option(
      names = "--sample",
      paramLabel = "DURATION",
      description = "How long to measure each deployment's rate (default 5s, at least 1s).",
      defaultValue = "5s",
      converter = DurationConverter.class)
  private Duration sample;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (default) or json.",
      defaultValue = "table")
  private Format format;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description = "The folder the deployments' models are in, for pipelines with Model nodes.")
  private java.nio.file.Path models;

  @Mixin private HelpOption help = new HelpOption();

  CostCommand(LifecycleCli lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sample.toMillis() < 1000) {
      err.println("error: --sample must be at least 1s, was " + sample.toMillis() + "ms.");
      err.flush();
      return ExitCodes.USAGE;
    }
    List<String> keys;
    if (by == null) {
      keys = Showback.KEYS;
    } else if (Showback.KEYS.contains(by.trim().toLowerCase(java.util.Locale.ROOT))) {
      keys = List.of(by.trim().toLowerCase(java.util.Locale.ROOT));
    } else {
      err.println(
          "error: '"
              + by
              + "' is not a showback key; use one of "
              + String.join(", ", Showback.KEYS));
      err.flush();
      return ExitCodes.USAGE;
    }
    return lifecycle.run(
        workspace,
        true,
        true,
        err,
        service -> {
          List<Measured> measured = measure(service, err);
          if (format == Format.json) {
            out.println(json(measured, keys));
          } else {
            out.print(table(measured, keys));
          }
          out.flush();
          err.flush();
          return ExitCodes.OK;
        });
  }

  /** One deployment's cost and what it is grouped by. */
  private record Measured(
      DeploymentView view, DeploymentCost cost, CostSettings pricing, List<String> tags) {}

  /** A deployment being sampled. */
  private record Watching(
      Monitor monitor, DeploymentView view, CostSettings pricing, List<String> tags) {}

  private List<Measured> measure(DeploymentService service, PrintWriter err)
      throws DeployException {
    Map<String, String> env =
        models == null
            ? Map.of()
            : Map.of(
                dev.streamwright.runtime.models.ModelRegistry.ENVIRONMENT_KEY,
                models.toAbsolutePath().normalize().toString());
    List<Watching> monitors = new ArrayList<>();
    try {
      for (DeploymentView v : service.list(environment)) {
        if (v.state() != DeploymentState.RUNNING || v.record() == null) {
          continue;
        }
        try {
          Watched w = service.watch(v.id(), env);
          CostSettings pricing =
              WorkspacePrices.of(service.workspace()).costSettings(v.environment());
          Monitor m =
              Monitor.of(
                      MonitorTarget.of(w.deployment(), w.runtime(), w.pipeline(), w.compilation()),
                      MonitorSettings.DEFAULTS)
                  .costSettings(pricing);
          monitors.add(new Watching(m, v, pricing, w.pipeline().tags()));
          m.pollNow();
        } catch (DeployException | IllegalArgumentException e) {
          err.println("skipped " + v.id() + ": " + e.getMessage());
        }
      }
      if (!monitors.isEmpty()) {
        Thread.sleep(sample.toMillis());
      }
      List<Measured> out = new ArrayList<>();
      for (Watching w : monitors) {
        w.monitor().pollNow();
        java.util.Optional<DeploymentCost> c =
            w.monitor().latestCost().filter(x -> x.projectedMonthly().isPresent());
        if (c.isEmpty()) {
          err.println("skipped " + w.view().id() + ": its Flink did not answer during the sample.");
          continue;
        }
        out.add(new Measured(w.view(), c.get(), w.pricing(), w.tags()));
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      monitors.forEach(w -> w.monitor().close());
    }
  }

  private static String table(List<Measured> measured, List<String> keys) {
    StringBuilder out = new StringBuilder();
    if (measured.isEmpty()) {
      return "No running deployment to cost.\n";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "DEPLOYMENT",
          "PIPELINE",
          "ENV",
          "CORES REQ/USED",
          "IDLE",
          "PROJECTED MONTHLY",
          "PRICED WITH"
        });
    for (Measured m : measured) {
      DeploymentCost c = m.cost();
      double idleShare = c.cost().total() > 0 ? c.cost().idle() / c.cost().total() : 0;
      rows.add(
          new String[] {
            m.view().id(),
            m.view().pipelineId(),
            m.view().environment(),
            CostText.number(c.requestedCores()) + "/" + CostText.number(c.usedCores()),
            SnapshotText.percent(idleShare),
            CostText.money(c.projectedMonthly(), c.currency()),
            CostText.pricedWith(m.pricing().prices())
          });
    }
    SnapshotText.table(out, rows);
    List<DeploymentCost> costs = measured.stream().map(Measured::cost).toList();
    Map<String, List<String>> tags = new LinkedHashMap<>();
    measured.forEach(m -> tags.put(m.cost().deploymentId(), m.tags()));
    for (String key : keys) {
      out.append("\nSHOWBACK by ").append(key).append('\n');
      out.append(CostText.showback(Showback.rows(key, costs, tags)));
    }
    return out.toString();
  }

  private static String json(List<Measured> measured, List<String> keys) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ArrayNode deployments = root.putArray("deployments");
    for (Measured x : measured) {
      ObjectNode d = deployments.addObject();
      d.put("deployment", x.view().id());
      d.put("pipeline", x.view().pipelineId());
      d.put("environment", x.view().environment());
      x.tags().forEach(d.putArray("tags")::add);
      d.set("cost", CostJson.of(x.cost(), x.pricing().prices()));
    }
    List<DeploymentCost> costs = measured.stream().map(Measured::cost).toList();
    Map<String, List<String>> tags = new LinkedHashMap<>();
    measured.forEach(x -> tags.put(x.cost().deploymentId(), x.tags()));
    ObjectNode showback = root.putObject("showback");
    for (String key : keys) {
      ArrayNode rows = showback.putArray(key);
      for (Showback.Row r : Showback.rows(key, costs, tags)) {
        ObjectNode o = rows.addObject();
        o.put("value", r.value());
        o.put("currency", r.currency());
        r.deployments().forEach(o.putArray("deployments")::add);
        o.put("total", r.cost().total());
        o.put("idle", r.cost().idle());
        o.put("projectedMonthly", r.projectedMonthly());
      }
    }
    return root.toPrettyString();
  }
}
