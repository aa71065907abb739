package dev.streamwright.app.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

/** Builds the {@code streamwright} command line: its subcommands, error handling and exit codes. */
public final class Cli {

  private Cli() {}

  /** The command line, ready for {@link CommandLine#execute(String...)}. */
  public static CommandLine create(CliContext context) {
    CommandLine cli = new CommandLine(new StreamwrightCommand());
    cli.addSubcommand("validate", new ValidateCommand());
    cli.addSubcommand("sql", new SqlCommand());
    cli.addSubcommand("run", new RunCommand(context));
    cli.addSubcommand("sandbox", new SandboxCommand(context));
    cli.addSubcommand("model", new ModelCommand());
    cli.addSubcommand("dev-cluster", new DevClusterCommand(context));
    cli.addSubcommand("env", new EnvCommand(context));
    cli.addSubcommand("prices", new PricesCommand(context));
    LifecycleCli lifecycle = new LifecycleCli(context);
    cli.addSubcommand("deploy", new DeployCommand(lifecycle));
    cli.addSubcommand("deployments", new DeploymentsCommand(lifecycle));
    cli.addSubcommand("stop", new StopCommand(lifecycle));
    cli.addSubcommand("resume", new ResumeCommand(lifecycle));
    cli.addSubcommand("upgrade", new UpgradeCommand(lifecycle));
    cli.addSubcommand("rollback", new RollbackCommand(lifecycle));
    cli.addSubcommand("monitor", new MonitorCommand(lifecycle));
    AlertsCli alerts = new AlertsCli(context);
    cli.addSubcommand(
        "alerts",
        new CommandLine(new AlertsCommand(alerts))
            .addSubcommand("rules", new AlertsRulesCommand(alerts))
            .addSubcommand("ack", new AlertsAckCommand(alerts))
            .addSubcommand("channels", new AlertsChannelsCommand(alerts)));
    cli.addSubcommand("cost", new CostCommand(lifecycle));
    cli.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    // Set after the subcommands are added: these setters apply to the subcommands known so far.
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ErrorReporter(context.folders().logFile()));
    cli.setParameterExceptionHandler(new UsageErrorReporter());
    return cli;
  }
}
