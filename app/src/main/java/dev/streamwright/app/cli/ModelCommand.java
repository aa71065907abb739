package dev.streamwright.app.cli;

import dev.streamwright.plugin.onnx.OnnxModelException;
import dev.streamwright.plugin.onnx.OnnxModelInspector;
import dev.streamwright.plugin.onnx.OnnxModelRunner;
import dev.streamwright.plugin.onnx.OnnxModelSignature;
import dev.streamwright.runtime.models.ModelCard;
import dev.streamwright.runtime.models.ModelException;
import dev.streamwright.runtime.models.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamwright model}: the models a pipeline scores with, and their cards. */
@Command(
    name = "model",
    description = "Inspect a model file, list registered models, check a model against its card.",
    subcommands = {
      ModelCommand.Inspect.class,
      ModelCommand.ListModels.class,
      ModelReferenceCommand.class,
      ModelCommand.Register.class,
      ModelCommand.Verify.class
    })
final class ModelCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** {@code streamwright model inspect <file.onnx>}. */
  @Command(
      name = "inspect",
      description = {
        "Print an ONNX model's signature as ONNX Runtime reads it: each input and output with its"
            + " element type and shape (N: the batch dimension), and whether a Model score node"
            + " can use it."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the model loads",
        "1:the file is missing, not ONNX, truncated or damaged",
        "2:usage error"
      })
  static final class Inspect implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private HelpOption help = new HelpOption();

    @Parameters(paramLabel = "<file.onnx>", description = "The model file.")
    private Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      OnnxModelSignature signature;
      try {
        signature = OnnxModelInspector.inspect(file);
      } catch (OnnxModelException e) {
        err.println(e.getMessage());
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      }
      out.println(file.toAbsolutePath().normalize());
      print(out, "input ", signature.inputs());
      print(out, "output", signature.outputs());
      out.flush();
      return ExitCodes.OK;
    }

    private static void print(
        PrintWriter out, String kind, List<OnnxModelSignature.Tensor> tensors) {
      for (OnnxModelSignature.Tensor t : tensors) {
        out.printf(
            Locale.ROOT,
            "  %s %-24s %-8s %-8s %s%n",
            kind,
            t.name(),
            t.elementType(),
            t.describeShape(),
            t.supported() ? "" : "(not usable: " + t.unsupportedReason() + ")");
      }
    }
  }

  /** {@code streamwright model list [--dir]}. */
  @Command(
      name = "list",
      description = "List the models of a model folder (one folder per model with its card.json).",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:listed", "1:a card cannot be read", "2:usage error"})
  static final class ListModels implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private HelpOption help = new HelpOption();

    @Option(
        names = "--dir",
        paramLabel = "<folder>",
        defaultValue = "samples/models",
        description = "The model folder (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<ModelCard> cards;
      try {
        cards = ModelRegistry.at(dir).list();
      } catch (ModelException e) {
        err.println(e.getMessage());
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      }
      if (cards.isEmpty()) {
        err.println("No models in " + dir.toAbsolutePath().normalize() + ".");
      }
      for (ModelCard c : cards) {
        List<String> inputs = new ArrayList<>();
        c.inputs().forEach(i -> inputs.add(i.name()));
        out.printf(
            Locale.ROOT,
            "%-20s v%-3d %-26s %s -> %s%n",
            c.id(),
            c.version(),
            c.file(),
            String.join(", ", inputs),
            c.output().name());
      }
      out.flush();
      err.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code streamwright model register <file.onnx> [--id] [--dir]}. */
  @Command(
      name = "register",
      description = {
        "Register an ONNX model: check that a Model score node can score with it, copy it into a"
            + " model folder (the studio's workspace models by default) and write its card with"
            + " the file's SHA-256. Other bytes under a registered id become its next version;"
            + " the same bytes again change nothing."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:registered (or already registered)",
        "1:the file is not a usable model, or the folder cannot be written",
        "2:usage error"
      })
  static final class Register implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private HelpOption help = new HelpOption();

    @Option(
        names = "--id",
        paramLabel = "<id>",
        description =
            "The model id (lower-case letters, digits, '.', '_', '-'); default: from the file"
                + " name.")
    private String id;

    @Option(
        names = "--dir",
        paramLabel = "<folder>",
        description = "The model folder; default: the studio workspace's models folder.")
    private Path dir;

    @Parameters(paramLabel = "<file.onnx>", description = "The model file.")
    private Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path folder =
          dir != null
              ? dir
              : dev.streamwright.app.workspace.Workspace.defaultDirectory().resolve("models");
      String modelId = id != null ? id : ModelRegistry.suggestId(file);
      try {
        ModelRegistry registry = ModelRegistry.at(folder);
        ModelCard card = registry.register(file, modelId);
        out.printf(
            Locale.ROOT,
            "%s v%d registered in %s%n  model path for a Model score node: %s%n",
            card.id(),
            card.version(),
            registry.directory(),
            ModelRegistry.modelPath(card));
        out.flush();
        return ExitCodes.OK;
      } catch (ModelException e) {
        err.println(e.getMessage());
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      }
    }
  }

  /** {@code streamwright model verify <card.json>}. */
  @Command(
      name = "verify",
      description = {
        "Check a model against its card: the file's SHA-256 is the registered one, and every"
            + " example row scores within the card's tolerance.",
        "Prints one line per example: expected, actual, error."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the model matches its card",
        "1:the file changed, cannot be loaded, or an example scores wrong",
        "2:usage error"
      })
  static final class Verify implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private HelpOption help = new HelpOption();

    @Parameters(paramLabel = "<card.json>", description = "The model card.")
    private Path cardFile;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        ModelCard card = ModelCard.read(cardFile);
        Path model = card.modelFile(cardFile);
        ModelRegistry.checkHash(card, model);
        out.printf(
            Locale.ROOT,
            "%s v%d: %s, SHA-256 as registered%n",
            card.id(),
            card.version(),
            model.getFileName());
        if (card.examples().isEmpty()) {
          err.println("The card has no example rows: nothing to score.");
          err.flush();
          out.flush();
          return ExitCodes.OK;
        }
        List<String> features = new ArrayList<>();
        card.inputs().forEach(i -> features.add(i.name()));
        List<double[]> rows = new ArrayList<>();
        for (ModelCard.Example e : card.examples()) {
          rows.add(features.stream().mapToDouble(f -> e.inputs().get(f)).toArray());
        }
        double[] scores;
        try (OnnxModelRunner runner = OnnxModelRunner.open(model)) {
          scores = runner.score(features, rows, card.output().name());
        }
        int wrong = 0;
        for (int i = 0; i < scores.length; i++) {
          ModelCard.Example e = card.examples().get(i);
          double error = Math.abs(scores[i] - e.expected());
          boolean ok = error <= card.tolerance();
          wrong += ok ? 0 : 1;
          out.printf(
              Locale.ROOT,
              "%-4s example %d (%s): expected %.9f, got %.9f, error %.2e%n",
              ok ? "ok" : "FAIL",
              i + 1,
              e.source(),
              e.expected(),
              scores[i],
              error);
        }
        out.printf(
            Locale.ROOT,
            "%d of %d examples within %.0e%n",
            scores.length - wrong,
            scores.length,
            card.tolerance());
        out.flush();
        return wrong == 0 ? ExitCodes.OK : ExitCodes.INVALID_PIPELINE;
      } catch (ModelException | IllegalArgumentException e) {
        out.flush();
        err.println(e.getMessage());
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      }
    }
  }
}
