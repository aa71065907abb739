package dev.streamwright.app.cli;

import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.app.workspace.WorkspaceReferences;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.ProfileOptions;
import dev.streamwright.monitor.drift.live.CardReferences;
import dev.streamwright.monitor.drift.live.LiveReference;
import dev.streamwright.monitor.drift.live.ReferenceFiles;
import dev.streamwright.runtime.models.ModelCard;
import dev.streamwright.runtime.models.ModelException;
import dev.streamwright.runtime.models.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright model reference <model>}: show or set the drift references of a model. */
@Command(
    name = "reference",
    description = {
      "Show the drift reference of each column of a model's current version (its card's profile,"
          + " or one set in the workspace), or set it from a file of rows: CSV with a header line"
          + " (.csv) or JSON lines (one object per line). References are kept per model version;"
          + " --clear goes back to the card's.",
      "To use a window of live data instead, freeze the last hour in the studio's drift panel."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:shown or set",
      "1:no such model, or the file of rows is missing or malformed",
      "2:usage error",
      "3:the workspace cannot be written"
    })
final class ModelReferenceCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private HelpOption help = new HelpOption();

  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

  @Parameters(paramLabel = "<model>", description = "The registered model's id.")
  private String modelId;

  @Option(
      names = "--from",
      paramLabel = "<rows>",
      description = "A file of rows (.csv with a header, or JSON lines) to profile as reference.")
  private Path from;

  @Option(
      names = "--column",
      paramLabel = "<column>",
      description =
          "Only this column (repeatable); default: every column of the model's card the file has.")
  private List<String> columns = new ArrayList<>();

  @Option(names = "--clear", description = "Forget the references set, back to the card's.")
  private boolean clear;

  @Option(
      names = "--dir",
      paramLabel = "<folder>",
      description = "The model folder; default: the studio workspace's models folder.")
  private Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (from != null && clear) {
        err.println("Give either --from <rows> or --clear, not both.");
        return ExitCodes.USAGE;
      }
      Path workspaceDir =
          workspace.directory != null ? workspace.directory : Workspace.defaultDirectory();
      Path folder = dir != null ? dir : workspaceDir.resolve("models");
      ModelCard card;
      Map<String, LiveReference> fromCard;
      try {
        card = ModelRegistry.at(folder).card(modelId);
        fromCard = CardReferences.of(card);
      } catch (ModelException | IllegalArgumentException e) {
        err.println(e.getMessage());
        return ExitCodes.INVALID_PIPELINE;
      }
      Set<String> cardColumns = new LinkedHashSet<>(fromCard.keySet());
      card.inputs().forEach(i -> cardColumns.add(i.name()));
      if (card.output() != null) {
        cardColumns.add(card.output().name());
      }
      Map<String, ColumnProfile> read = Map.of();
      if (from != null) {
        try {
          read = ReferenceFiles.read(from, columns, ProfileOptions.DEFAULTS);
        } catch (ReferenceFiles.BadReferenceFile e) {
          err.println(e.getMessage());
          return ExitCodes.INVALID_PIPELINE;
        }
        if (columns.isEmpty()) {
          Map<String, ColumnProfile> kept = new LinkedHashMap<>(read);
          kept.keySet().retainAll(cardColumns);
          if (kept.isEmpty()) {
            err.println(
                from
                    + " has none of the columns of model '"
                    + card.id()
                    + "' ("
                    + String.join(", ", cardColumns)
                    + "); its columns are "
                    + String.join(", ", read.keySet())
                    + ". Name one with --column.");
            return ExitCodes.INVALID_PIPELINE;
          }
          read = kept;
        }
      }
      try (Workspace w = Workspace.open(workspaceDir, OpenMode.READ_WRITE)) {
        WorkspaceReferences refs = WorkspaceReferences.of(w);
        String source = from == null ? "" : "file " + from.getFileName();
        read.forEach(
            (column, profile) ->
                refs.setForModel(
                    card.id(), card.version(), column, new LiveReference(profile, source)));
        if (clear) {
          for (String column : columns.isEmpty() ? cardColumns : columns) {
            refs.clearForModel(card.id(), card.version(), column);
          }
        }
        Map<String, LiveReference> set = refs.forModel(card.id(), card.version());
        out.printf(Locale.ROOT, "%s v%d drift references%n", card.id(), card.version());
        Set<String> shown = new LinkedHashSet<>(cardColumns);
        shown.addAll(set.keySet());
        for (String column : shown) {
          LiveReference r = set.containsKey(column) ? set.get(column) : fromCard.get(column);
          out.println("  " + describe(column, r));
        }
      }
      return ExitCodes.OK;
    } catch (WorkspaceException e) {
      err.println(e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** One column's line: its kind, rows, sample and source, or that it has no reference. */
  static String describe(String column, LiveReference r) {
    if (r == null) {
      return String.format(Locale.ROOT, "%-24s no reference", column);
    }
    ColumnProfile p = r.profile();
    String what =
        p instanceof NumericProfile n
            ? String.format(
                Locale.ROOT,
                "numeric, %d rows, %d bins, sample of %d",
                p.rows(),
                Math.max(1, n.edges().length - 1),
                n.sample().length)
            : String.format(
                Locale.ROOT,
                "categorical, %d rows, %d categories",
                p.rows(),
                p.counts().length - 1);
    return String.format(Locale.ROOT, "%-24s %-48s from %s", column, what, r.source());
  }
}
