package dev.streamwright.app.cli;

import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.WorkspacePrices;
import dev.streamwright.monitor.cost.EnvironmentProfile;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.cost.PriceProfileJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code streamwright prices} subcommands that change the workspace's prices: {@code import},
 * {@code remove}, {@code use} and {@code resources} (the reading ones are in {@link
 * PricesCommand}).
 */
final class PriceChangeCommands {

  private PriceChangeCommands() {}

  /** {@code streamwright prices import FILE}. */
  @Command(
      name = "import",
      description = {
        "Add a price profile from a JSON file (every field required; see 'prices show NAME"
            + " --json' for one to copy), or replace your profile of the same name."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:imported",
        "1:the file is missing or not a valid price profile",
        "2:usage error",
        "3:the workspace failed"
      })
  static final class Import implements Callable<Integer> {

    @ParentCommand private PricesCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private PricesCommand.WorkspaceOption workspace = new PricesCommand.WorkspaceOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "The price profile as JSON.")
    private Path file;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      PriceProfile p;
      try {
        p = PriceProfileJson.read(Files.readString(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        err.println("error: there is no file " + file + ".");
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      } catch (IOException e) {
        err.println("error: cannot read " + file + ": " + e.getMessage());
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      } catch (IllegalArgumentException e) {
        err.println("error: " + file + ": " + e.getMessage());
        err.flush();
        return ExitCodes.INVALID_PIPELINE;
      }
      return parent.withWorkspace(
          workspace,
          OpenMode.READ_WRITE,
          err,
          w -> {
            WorkspacePrices.of(w).save(p);
            err.println(
                "Saved the price profile '"
                    + p.name()
                    + "'. Price an environment with it: streamwright prices use ENV '"
                    + p.name()
                    + "'");
            return ExitCodes.OK;
          });
    }
  }

  /** {@code streamwright prices remove NAME}. */
  @Command(
      name = "remove",
      description = {"Remove one of your price profiles (presets stay)."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:removed", "2:usage error, a preset or a profile in use", "3:failure"})
  static final class Remove implements Callable<Integer> {

    @ParentCommand private PricesCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private PricesCommand.WorkspaceOption workspace = new PricesCommand.WorkspaceOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "Your profile's name.")
    private String name;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      return parent.withWorkspace(
          workspace,
          OpenMode.READ_WRITE,
          err,
          w -> {
            if (!WorkspacePrices.of(w).remove(name)) {
              err.println("error: you have no price profile '" + name + "'.");
              return ExitCodes.USAGE;
            }
            err.println("Removed the price profile '" + name + "'.");
            return ExitCodes.OK;
          });
    }
  }

  /** {@code streamwright prices use ENV NAME}. */
  @Command(
      name = "use",
      description = {"Price an environment's deployments with a profile."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:chosen", "2:unknown environment or profile", "3:the workspace failed"})
  static final class Use implements Callable<Integer> {

    @ParentCommand private PricesCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private PricesCommand.WorkspaceOption workspace = new PricesCommand.WorkspaceOption();

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment, e.g. embedded.")
    private String environment;

    @Parameters(index = "1", paramLabel = "NAME", description = "The profile's (short) name.")
    private String name;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      return parent.withWorkspace(
          workspace,
          OpenMode.READ_WRITE,
          err,
          w -> {
            WorkspacePrices prices = WorkspacePrices.of(w);
            PriceProfile p = PricesCommand.find(prices, name);
            prices.use(environment, name);
            err.println(
                "Deployments in "
                    + environment
                    + " are priced with '"
                    + p.name()
                    + "' ("
                    + PricesCommand.kind(p)
                    + ", prices of "
                    + p.pricesTakenOn()
                    + ").");
            return ExitCodes.OK;
          });
    }
  }

  /** {@code streamwright prices resources ENV [--cores-per-slot N ...]}. */
  @Command(
      name = "resources",
      description = {
        "Show or set what one task slot and the JobManager of an environment get; a deployment"
            + " requests its parallelism's slots plus the JobManager. Unset values keep theirs"
            + " (default: 0.5 core and 1 GiB per slot, a JobManager of 1 core and 2 GiB)."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:shown or set", "2:unknown environment or a bad value", "3:failure"})
  static final class Resources implements Callable<Integer> {

    @ParentCommand private PricesCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private PricesCommand.WorkspaceOption workspace = new PricesCommand.WorkspaceOption();

    @Parameters(index = "0", paramLabel = "ENV", description = "The environment, e.g. embedded.")
    private String environment;

    @Option(names = "--cores-per-slot", paramLabel = "CORES", description = "CPU cores per slot.")
    private Double coresPerSlot;

    @Option(names = "--memory-per-slot", paramLabel = "GIB", description = "Memory per slot, GiB.")
    private Double memoryPerSlot;

    @Option(
        names = "--jobmanager-cores",
        paramLabel = "CORES",
        description = "The JobManager's CPU cores.")
    private Double jobManagerCores;

    @Option(
        names = "--jobmanager-memory",
        paramLabel = "GIB",
        description = "The JobManager's memory, GiB.")
    private Double jobManagerMemory;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      boolean change =
          coresPerSlot != null
              || memoryPerSlot != null
              || jobManagerCores != null
              || jobManagerMemory != null;
      return parent.withWorkspace(
          workspace,
          change ? OpenMode.READ_WRITE : OpenMode.READ_ONLY,
          err,
          w -> {
            WorkspacePrices prices = WorkspacePrices.of(w);
            EnvironmentProfile r = prices.resources(environment);
            if (change) {
              r =
                  new EnvironmentProfile(
                      coresPerSlot != null ? coresPerSlot : r.coresPerSlot(),
                      memoryPerSlot != null ? memoryPerSlot : r.memoryGibPerSlot(),
                      jobManagerCores != null ? jobManagerCores : r.jobManagerCores(),
                      jobManagerMemory != null ? jobManagerMemory : r.jobManagerMemoryGib());
              prices.setResources(environment, r);
              err.println("Set the resources of " + environment + ".");
            }
            out.println(
                environment
                    + ": "
                    + PricesCommand.price(r.coresPerSlot())
                    + " core and "
                    + PricesCommand.price(r.memoryGibPerSlot())
                    + " GiB per slot, a JobManager of "
                    + PricesCommand.price(r.jobManagerCores())
                    + " core and "
                    + PricesCommand.price(r.jobManagerMemoryGib())
                    + " GiB");
            out.flush();
            return ExitCodes.OK;
          });
    }
  }
}
