package dev.streamwright.monitor.ui;

import dev.streamwright.monitor.figures.Link;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The Monitor view's header: deployment, job state, uptime and whether Flink and Kafka answer. */
final class HeaderBar extends HBox {

  private static final List<String> LINK_CLASSES =
      List.of("link-connected", "link-disconnected", "link-ended", "link-none");

  private final Label deployment = label("monitor-deployment", "Waiting for the first poll…");
  private final Label state = label("monitor-state", "");
  private final Label uptime = label("monitor-uptime", "");
  private final Label flink = label("monitor-flink", "");
  private final Label kafka = label("monitor-kafka", "");

  HeaderBar() {
    getStyleClass().add("monitor-header");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(16);
    deployment.getStyleClass().add("monitor-title");
    state.getStyleClass().add("job-state");
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    getChildren().addAll(deployment, state, uptime, grow, flink, kafka);
  }

  private static Label label(String id, String text) {
    Label l = new Label(text);
    l.setId(id);
    return l;
  }

  void show(MonitorSnapshot s, ZoneId zone) {
    deployment.setText(s.deploymentId());
    String jobState = s.job().map(j -> j.state()).orElse("unknown");
    if (s.flink().state() == Link.State.ENDED) {
      jobState = s.job().map(j -> j.state()).orElse("ENDED");
    }
    state.setText(jobState);
    String stateClass = "state-" + jobState.toLowerCase(Locale.ROOT);
    if (!state.getStyleClass().contains(stateClass)) {
      state.getStyleClass().removeIf(c -> c.startsWith("state-"));
      state.getStyleClass().add(stateClass);
    }
    uptime.setText(
        s.job()
            .filter(j -> j.uptime() != null)
            .map(j -> "up " + Fmt.duration(j.uptime()))
            .orElse(""));
    link(flink, "Flink", s.flink(), zone);
    link(kafka, "Kafka", s.kafka(), zone);
  }

  private static void link(Label label, String system, Link link, ZoneId zone) {
    label.setText(system + ": " + link.describe(zone));
    Tables.styleOnly(label, LINK_CLASSES, "link-" + link.state().name().toLowerCase(Locale.ROOT));
  }

  // For tests.
  String text(String which) {
    return switch (which) {
      case "deployment" -> deployment.getText();
      case "state" -> state.getText();
      case "uptime" -> uptime.getText();
      case "flink" -> flink.getText();
      case "kafka" -> kafka.getText();
      default -> throw new IllegalArgumentException(which);
    };
  }
}
