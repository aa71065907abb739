package dev.streamwright.app.cli;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} option every command has, mixed in with {@code @Mixin}. */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
