package dev.streamwright.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.app.deploy.DeploymentView;
import dev.streamwright.app.deployments.SavepointRecord;
import dev.streamwright.runtime.api.CheckpointInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamwright deployments [--env NAME] [--format table|json]}. */
@Command(
    name = "deployments",
    description = {
      "List the deployments, checked against their clusters: a job believed running that ended is"
          + " shown as it ended, an interrupted deploy whose job reached the cluster is adopted,"
          + " and Streamwright jobs this workspace does not know are shown too. A cluster that does"
          + " not answer within 10 s shows its deployments as UNKNOWN with the reason."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:listed",
      "2:usage error, or no such environment",
      "3:the workspace cannot be read"
    })
final class DeploymentsCommand implements Callable<Integer> {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  /** Output formats. */
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
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (default) or json.",
      defaultValue = "table")
  private Format format;

  @Mixin private HelpOption help = new HelpOption();

  DeploymentsCommand(LifecycleCli lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return lifecycle.run(
        workspace,
        true,
        err,
        service -> {
          if (environment != null) {
            service.requireKnownEnvironment(environment);
          }
          List<DeploymentView> views = service.list(environment);
          if (format == Format.json) {
            out.println(json(views));
          } else if (views.isEmpty()) {
            err.println(
                "No deployments"
                    + (environment == null ? "" : " in '" + environment + "'")
                    + ". Deploy one: streamwright deploy PIPELINE.json --env NAME");
          } else {
            table(out, views);
          }
          out.flush();
          return ExitCodes.OK;
        });
  }

  private static void table(PrintWriter out, List<DeploymentView> views) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "DEPLOYMENT",
          "PIPELINE",
          "VERSION",
          "ENVIRONMENT",
          "STATE",
          "UPTIME",
          "RESTARTS",
          "LAST CHECKPOINT",
          "SAVEPOINTS"
        });
    for (DeploymentView v : views) {
      rows.add(
          new String[] {
            v.id(),
            v.pipelineId(),
            v.version() == 0 ? "-" : Integer.toString(v.version()),
            v.environment(),
            v.state().name() + (v.origin() == DeploymentView.Origin.CLUSTER_ONLY ? "*" : ""),
            v.uptime() == null ? "-" : uptime(v.uptime()),
            v.restarts() < 0 ? "-" : Long.toString(v.restarts()),
            checkpoint(v.lastCheckpoint()),
            Integer.toString(v.savepoints().size())
          });
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", r[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    boolean notes = false;
    for (DeploymentView v : views) {
      List<String> lines = new ArrayList<>();
      if (!v.reason().isEmpty()) {
        lines.add(v.reason());
      }
      v.latestSavepoint().ifPresent(s -> lines.add("latest savepoint " + s.path()));
      if (!lines.isEmpty()) {
        if (!notes) {
          out.println();
          notes = true;
        }
        out.println(v.id() + ": " + String.join("; ", lines));
      }
    }
    if (views.stream().anyMatch(v -> v.origin() == DeploymentView.Origin.CLUSTER_ONLY)) {
      out.println("* on the cluster, not recorded in this workspace");
    }
  }

  private static String uptime(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    if (s < 86400) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", s / 86400, (s % 86400) / 3600);
  }

  private static String checkpoint(CheckpointInfo c) {
    if (c == null) {
      return "-";
    }
    return TIME.format(c.completedAt()) + " " + FileUtils.byteCountToDisplaySize(c.sizeBytes());
  }

  private static String json(List<DeploymentView> views) {
    ArrayNode all = JSON.createArrayNode();
    for (DeploymentView v : views) {
      ObjectNode n = all.addObject();
      n.put("id", v.id()).put("origin", v.origin().name().toLowerCase(Locale.ROOT));
      n.put("pipeline", v.pipelineId()).put("pipelineName", v.pipelineName());
      n.put("version", v.version()).put("pipelineVersion", v.pipelineVersion());
      n.put("environment", v.environment()).put("state", v.state().name());
      n.put("reason", v.reason()).put("jobId", v.jobId());
      n.put("startedAt", v.startedAt() == null ? null : v.startedAt().toString());
      if (v.uptime() == null) {
        n.putNull("uptimeSeconds");
      } else {
        n.put("uptimeSeconds", v.uptime().toSeconds());
      }
      n.put("restarts", v.restarts());
      CheckpointInfo c = v.lastCheckpoint();
      if (c == null) {
        n.putNull("lastCheckpoint");
      } else {
        n.putObject("lastCheckpoint")
            .put("completedAt", c.completedAt().toString())
            .put("sizeBytes", c.sizeBytes())
            .put("path", c.path());
      }
      ArrayNode sps = n.putArray("savepoints");
      for (SavepointRecord s : v.savepoints()) {
        sps.addObject()
            .put("path", s.path())
            .put("takenAt", s.takenAt().toString())
            .put("version", s.version())
            .put("jobId", s.jobId());
      }
    }
    try {
      return JSON.writeValueAsString(all);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }
}
