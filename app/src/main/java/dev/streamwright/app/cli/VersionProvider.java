package dev.streamwright.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Answers {@code --version} from the build's own record of its versions. */
final class VersionProvider implements IVersionProvider {

  /** Written by Maven resource filtering; see app/pom.xml. */
  static final String RESOURCE = "/dev/streamwright/app/version.properties";

  @Override
  public String[] getVersion() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown": a version line is not worth failing over.
    }
    return new String[] {
      "Streamwright " + p.getProperty("version", "unknown"),
      "Apache Flink " + p.getProperty("flink.version", "unknown"),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name", "?") + ")"
    };
  }
}
