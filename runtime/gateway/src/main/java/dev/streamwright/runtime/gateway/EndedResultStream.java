package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.api.ResultRow;
import dev.streamwright.runtime.api.ResultStream;
import java.time.Duration;
import java.util.List;

/**
 * The rows of a preview sink on a remote cluster: none. Previews stream back only from the embedded
 * runtime (a remote job has no channel to the studio), so the stream has ended from the start.
 */
final class EndedResultStream implements ResultStream {

  @Override
  public List<String> columns() {
    return List.of();
  }

  @Override
  public List<ResultRow> poll(Duration timeout, int max) {
    return List.of();
  }

  @Override
  public boolean isEnded() {
    return true;
  }

  @Override
  public void close() {}
}
