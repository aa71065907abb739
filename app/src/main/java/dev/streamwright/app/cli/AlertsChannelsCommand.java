package dev.streamwright.app.cli;

import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.workspace.WorkspaceAlerts;
import dev.streamwright.monitor.alerts.RuleSetJson;
import dev.streamwright.monitor.alerts.channels.ChannelSettings;
import dev.streamwright.monitor.alerts.channels.SafeUrl;
import dev.streamwright.monitor.alerts.channels.WebhookChannel;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright alerts channels}: the channels alert rules notify besides the studio's own
 * ({@code in-app}): lists them, adds a webhook, the desktop's notifications or a command, removes
 * one. A webhook's URL and header values are secrets: read from the console without echo (or one
 * line each from standard input) and kept encrypted in the workspace, never taken from the command
 * line, which shell history and process lists show.
 */
@Command(
    name = "channels",
    description = {
      "List the alert channels rules can name (besides 'in-app', the studio's notification"
          + " centre), or add or remove one. Rules name channels in their 'channels' list"
          + " ('streamwright alerts rules')."
    },
    subcommands = {
      AlertsChannelsCommand.Webhook.class,
      AlertsChannelsCommand.Desktop.class,
      AlertsChannelsCommand.Run.class,
      AlertsChannelsCommand.Remove.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "3:the workspace cannot be read"})
final class AlertsChannelsCommand implements Callable<Integer> {

  private final AlertsCli cli;
  private final Supplier<SecretInput> secrets;

  @Spec private CommandSpec spec;
  @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();
  @Mixin private HelpOption help = new HelpOption();

  AlertsChannelsCommand(AlertsCli cli) {
    this(cli, SecretInput::system);
  }

  AlertsChannelsCommand(AlertsCli cli, Supplier<SecretInput> secrets) {
    this.cli = cli;
    this.secrets = secrets;
  }

  private SecretBox box() {
    return SecretBox.at(SecretBox.keyFileIn(cli.context().folders().data()));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return cli.run(
        workspace,
        false,
        err,
        w -> {
          WorkspaceAlerts.Channels channels = WorkspaceAlerts.of(w).channels(box());
          List<String[]> rows = new ArrayList<>();
          rows.add(new String[] {"NAME", "KIND", "TARGET"});
          rows.add(new String[] {"in-app", "studio", "the studio's notification centre"});
          for (ChannelSettings c : channels.channels()) {
            rows.add(new String[] {c.name(), kind(c), target(c)});
          }
          out.print(AlertsCli.table(rows));
          channels.problems().forEach(p -> err.println("warning: " + p));
          out.flush();
          return ExitCodes.OK;
        });
  }

  private static String kind(ChannelSettings c) {
    if (c instanceof ChannelSettings.Webhook) {
      return "webhook";
    }
    return c instanceof ChannelSettings.Desktop ? "desktop" : "command";
  }

  private static String target(ChannelSettings c) {
    if (c instanceof ChannelSettings.Webhook h) {
      return SafeUrl.mask(h.url())
          + (h.headers().isEmpty()
              ? ""
              : " (headers " + String.join(", ", h.headers().keySet()) + ")")
          + ", "
          + h.attempts()
          + " attempts of "
          + RuleSetJson.formatDuration(h.timeout());
    }
    if (c instanceof ChannelSettings.Command r) {
      return String.join(" ", r.command()) + ", within " + RuleSetJson.formatDuration(r.timeout());
    }
    return "the desktop's notifications, where available";
  }

  /** Saves a channel in the workspace, turning a refused setting into a usage error. */
  int save(LifecycleCli.WorkspaceOption option, PrintWriter err, Supplier<ChannelSettings> make) {
    ChannelSettings settings;
    try {
      settings = make.get();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage() + ". Nothing was saved.");
      err.flush();
      return ExitCodes.USAGE;
    }
    return cli.run(
        option,
        true,
        err,
        w -> {
          WorkspaceAlerts.of(w).saveChannel(settings, box());
          err.println(
              "Saved the alert channel '"
                  + settings.name()
                  + "'. Name it in a rule's channels to use it ('streamwright alerts rules').");
          return ExitCodes.OK;
        });
  }

  /** {@code alerts channels webhook NAME [--header KEY]...}. */
  @Command(
      name = "webhook",
      description = {
        "Add (or replace) a webhook channel: each alert is POSTed to it as JSON. The URL, then"
            + " the value of each --header, are asked for without echo (or read one line each"
            + " from standard input) and stored encrypted."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:saved", "2:usage error or a bad setting", "3:the workspace failed"})
  static final class Webhook implements Callable<Integer> {

    @ParentCommand private AlertsChannelsCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
    private String name;

    @Option(
        names = "--header",
        paramLabel = "KEY",
        description = "A request header to send, e.g. Authorization; its value is asked for.")
    private List<String> headers = new ArrayList<>();

    @Option(
        names = "--timeout",
        paramLabel = "<duration>",
        converter = DurationConverter.class,
        description = "How long one attempt may take (default: 5s).")
    private Duration timeout = WebhookChannel.DEFAULT_TIMEOUT;

    @Option(
        names = "--attempts",
        paramLabel = "<n>",
        description = "How many attempts at most, 1 to 10 (default: 3).")
    private int attempts = WebhookChannel.DEFAULT_ATTEMPTS;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      return parent.save(
          workspace,
          err,
          () -> {
            ChannelSettings.checkName(name);
            SecretInput input = parent.secrets.get();
            String url = required(input.read("URL of webhook '" + name + "': "), "its URL");
            Map<String, String> values = new LinkedHashMap<>();
            for (String h : headers) {
              String key = h.strip();
              values.put(
                  key,
                  required(
                      input.read("Value of header '" + key + "' of webhook '" + name + "': "),
                      "the value of header '" + key + "'"));
            }
            return new ChannelSettings.Webhook(name, uri(url), values, timeout, attempts);
          });
    }

    private String required(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "no value was given for "
                + what
                + " of webhook '"
                + name
                + "': type it when asked, or pipe one line per value into standard input (the URL"
                + " first, then the headers in the order of the options)");
      }
      return value.strip();
    }

    private URI uri(String url) {
      try {
        return new URI(url);
      } catch (URISyntaxException e) {
        // The reason, not the URL: it may carry a token.
        throw new IllegalArgumentException(
            "the URL of webhook '" + name + "' is not a URL (" + e.getReason() + ")");
      }
    }
  }

  /** {@code alerts channels desktop NAME}. */
  @Command(
      name = "desktop",
      description = {
        "Add a channel for the desktop's notifications (notify-send on Linux, osascript on"
            + " macOS; elsewhere it reports itself unavailable once)."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:saved", "2:usage error", "3:the workspace failed"})
  static final class Desktop implements Callable<Integer> {

    @ParentCommand private AlertsChannelsCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
    private String name;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      return parent.save(
          workspace, spec.commandLine().getErr(), () -> new ChannelSettings.Desktop(name));
    }
  }

  /** {@code alerts channels command NAME [--timeout D] PROGRAM [ARG...]}. */
  @Command(
      name = "command",
      description = {
        "Add a channel that runs a program per alert, with the alert's JSON on its standard input"
            + " and STREAMWRIGHT_ALERT_* variables set; no shell. Keep secrets out of its"
            + " arguments."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:saved", "2:usage error or a bad setting", "3:the workspace failed"})
  static final class Run implements Callable<Integer> {

    @ParentCommand private AlertsChannelsCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
    private String name;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "PROGRAM",
        description = "The program and its arguments (after -- when an argument starts with -).")
    private List<String> command = new ArrayList<>();

    @Option(
        names = "--timeout",
        paramLabel = "<duration>",
        converter = DurationConverter.class,
        description = "How long it may run (default: 10s).")
    private Duration timeout = Duration.ofSeconds(10);

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      return parent.save(
          workspace,
          spec.commandLine().getErr(),
          () -> new ChannelSettings.Command(name, command, timeout));
    }
  }

  /** {@code alerts channels remove NAME}. */
  @Command(
      name = "remove",
      description = {"Remove a channel; rules that name it report it as unknown until changed."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:removed", "2:no such channel", "3:the workspace failed"})
  static final class Remove implements Callable<Integer> {

    @ParentCommand private AlertsChannelsCommand parent;
    @Spec private CommandSpec spec;
    @Mixin private LifecycleCli.WorkspaceOption workspace = new LifecycleCli.WorkspaceOption();

    @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
    private String name;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      return parent.cli.run(
          workspace,
          true,
          err,
          w -> {
            WorkspaceAlerts alerts = WorkspaceAlerts.of(w);
            if (!alerts.channelNames().contains(name)) {
              err.println(
                  "error: there is no alert channel '"
                      + name
                      + "'; 'streamwright alerts channels' lists them.");
              return ExitCodes.USAGE;
            }
            alerts.removeChannel(name);
            err.println("Removed the alert channel '" + name + "'.");
            return ExitCodes.OK;
          });
    }
  }
}
