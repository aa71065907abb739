package dev.streamwright.app.ui.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.deployments.DeploymentEvent;
import dev.streamwright.runtime.api.CheckpointInfo;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How the Deployments tab words checkpoints, times, savepoint paths and ids in its cells. */
class DeployTextTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-12-07T15:20:00Z"); // 16:20 in Berlin
  private static final String SAVEPOINT =
      "file:/home/ana/work/streamwright/target/savepoints/savepoint-307f72-a10c50ae9068";
  private static final String JOB = "2d6bf09a0358e7ac56551afdc5e0f61a";

  @Test
  void timesAreClockTimesTodayAndDatesOtherwise() {
    assertThat(DeployText.time(Instant.parse("2026-12-07T15:14:52Z"), NOW, ZONE))
        .isEqualTo("16:14:52");
    assertThat(DeployText.time(Instant.parse("2026-12-06T08:30:10Z"), NOW, ZONE))
        .isEqualTo("Dec 6 09:30");
    assertThat(DeployText.time(null, NOW, ZONE)).isEmpty();
  }

  @Test
  void aCheckpointCellIsIdTimeAndSize() {
    CheckpointInfo c =
        new CheckpointInfo(
            3, Instant.parse("2026-12-07T15:14:52Z"), 18_500, SAVEPOINT + "/chk-3", false);
    assertThat(DeployText.checkpoint(c, NOW, ZONE)).isEqualTo("#3 · 16:14:52 · 18 KB");
    assertThat(DeployText.checkpoint(null, NOW, ZONE)).isEmpty();
    assertThat(DeployText.checkpointDetail(c))
        .startsWith("Checkpoint #3, completed ")
        .contains("18,500 bytes")
        .endsWith(SAVEPOINT + "/chk-3");
  }

  @Test
  void aSavepointIsNamedByItsFolder() {
    assertThat(DeployText.folderName(SAVEPOINT)).isEqualTo("savepoint-307f72-a10c50ae9068");
    assertThat(DeployText.folderName("s3://bucket/sp/savepoint-1/")).isEqualTo("savepoint-1");
    assertThat(DeployText.folderName("")).isEmpty();
  }

  @Test
  void oneLineShowsFolderNamesAndShortJobIds() {
    assertThat(
            DeployText.compact(
                "Resumed 'Clicks per user' on dev as job " + JOB + " from " + SAVEPOINT))
        .isEqualTo(
            "Resumed 'Clicks per user' on dev as job 2d6bf09a from savepoint-307f72-a10c50ae9068");
    // Web addresses stay whole: they say which server.
    assertThat(DeployText.compact("Gateway http://127.0.0.1:8083/ refused"))
        .isEqualTo("Gateway http://127.0.0.1:8083/ refused");
  }

  @Test
  void theHistoryBriefLeavesVersionJobAndSavepointToTheirColumns() {
    Instant at = NOW;
    assertThat(DeployText.brief(DeploymentEvent.deployed(at, 1, JOB))).isEqualTo("deployed");
    assertThat(DeployText.brief(DeploymentEvent.stopped(at, JOB, SAVEPOINT))).isEqualTo("stopped");
    assertThat(DeployText.brief(DeploymentEvent.resumed(at, SAVEPOINT, JOB))).isEqualTo("resumed");
    assertThat(DeployText.brief(DeploymentEvent.upgraded(at, 2, SAVEPOINT, JOB)))
        .isEqualTo("upgraded");
    assertThat(DeployText.brief(DeploymentEvent.failed(at, JOB, "No space left on " + SAVEPOINT)))
        .isEqualTo("failed: No space left on savepoint-307f72-a10c50ae9068");
  }
}
