package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.gateway.Endpoint.EndpointException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.rest.header.operation.CloseOperationHeaders;
import org.apache.flink.table.gateway.rest.header.session.CloseSessionHeaders;
import org.apache.flink.table.gateway.rest.header.session.OpenSessionHeaders;
import org.apache.flink.table.gateway.rest.header.statement.ExecuteStatementHeaders;
import org.apache.flink.table.gateway.rest.header.statement.FetchResultsHeaders;
import org.apache.flink.table.gateway.rest.header.util.GetApiVersionHeaders;
import org.apache.flink.table.gateway.rest.message.operation.OperationMessageParameters;
import org.apache.flink.table.gateway.rest.message.session.OpenSessionRequestBody;
import org.apache.flink.table.gateway.rest.message.session.SessionMessageParameters;
import org.apache.flink.table.gateway.rest.message.statement.ExecuteStatementRequestBody;
import org.apache.flink.table.gateway.rest.message.statement.FetchResultsMessageParameters;
import org.apache.flink.table.gateway.rest.message.statement.FetchResultsResponseBody;
import org.apache.flink.table.gateway.rest.serde.ResultInfo;
import org.apache.flink.table.gateway.rest.util.RowFormat;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestEndpointUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQL Gateway session that remembers the statements that shape it ({@code ADD JAR}, {@code
 * SET}, {@code CREATE TEMPORARY ...}): when the gateway has forgotten the session (it expired, the
 * gateway restarted), the next statement opens a new one, replays them and carries on, so a caller
 * never sees the expiry.
 */
final class GatewaySession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);

  /** How often a statement's result is asked for while the gateway prepares it. */
  private static final Duration FETCH_EVERY = Duration.ofMillis(100);

  /** The gateway's words for a session it does not know (any more). */
  private static final Pattern SESSION_GONE =
      Pattern.compile("Session '[^']*' does not exist|Can not find the session");

  /** What a statement returned: the job it started, if any, and its rows as text. */
  record Result(String jobId, List<List<String>> rows) {}

  private final Endpoint gateway;
  private final SqlGatewayRestAPIVersion version;
  private final String name;
  private final Duration statementTimeout;
  private final List<String> replay = new ArrayList<>();
  private SessionHandle handle;
  private int reopened;

  private GatewaySession(
      Endpoint gateway, SqlGatewayRestAPIVersion version, String name, Duration timeout) {
    this.gateway = gateway;
    this.version = version;
    this.name = name;
    this.statementTimeout = timeout;
  }

  /** Opens a session on the gateway. */
  static GatewaySession open(Endpoint gateway, String name, Duration statementTimeout)
      throws EndpointException {
    GatewaySession s = new GatewaySession(gateway, negotiate(gateway), name, statementTimeout);
    s.openNew();
    return s;
  }

  /**
   * The newest API version both sides speak, asked with the oldest stable one (as Flink's SQL
   * client does: a client newer than the gateway would otherwise get 404).
   */
  static SqlGatewayRestAPIVersion negotiate(Endpoint gateway) throws EndpointException {
    List<String> theirs =
        gateway
            .send(
                GetApiVersionHeaders.getInstance(),
                EmptyMessageParameters.getInstance(),
                EmptyRequestBody.getInstance(),
                Collections.min(SqlGatewayRestAPIVersion.getStableVersions()))
            .getVersions();
    SqlGatewayRestAPIVersion best = null;
    for (String v : theirs) {
      SqlGatewayRestAPIVersion candidate;
      try {
        candidate = SqlGatewayRestAPIVersion.valueOf(v);
      } catch (IllegalArgumentException e) {
        continue; // newer than this client knows
      }
      if (candidate.isStableVersion()
          && candidate.compareTo(SqlGatewayRestAPIVersion.V2) >= 0
          && (best == null || candidate.compareTo(best) > 0)) {
        best = candidate;
      }
    }
    if (best == null) {
      throw new EndpointException(
          "The SQL Gateway at "
              + gateway.url()
              + " speaks only REST API versions "
              + theirs
              + "; Streamwright needs V2 or newer (Flink 1.17+).",
          0,
          null);
    }
    return best;
  }

  private void openNew() throws EndpointException {
    handle =
        new SessionHandle(
            UUID.fromString(
                gateway
                    .send(
                        OpenSessionHeaders.getInstance(),
                        EmptyMessageParameters.getInstance(),
                        new OpenSessionRequestBody(name, Map.of()),
                        version)
                    .getSessionHandle()));
  }

  /** The gateway's handle of the current session. */
  SessionHandle handle() {
    return handle;
  }

  /** How often the session was re-opened because the gateway had forgotten it. */
  int reopened() {
    return reopened;
  }

  /**
   * Runs a statement and returns its result; {@code keep} statements are replayed into a re-opened
   * session.
   *
   * @throws EndpointException when the gateway refuses the statement ({@link
   *     EndpointException#serverText()} holds its error) or cannot be reached
   */
  Result execute(String sql, boolean keep) throws EndpointException {
    Result r;
    try {
      r = run(sql);
    } catch (EndpointException e) {
      if (!SESSION_GONE.matcher(e.serverText()).find()) {
        throw e;
      }
      LOG.info("SQL Gateway session {} is gone; opening a new one and replaying it", handle);
      reopened++;
      openNew();
      for (String s : replay) {
        run(s);
      }
      r = run(sql);
    }
    if (keep) {
      replay.add(sql);
    }
    return r;
  }

  private Result run(String sql) throws EndpointException {
    OperationHandle op =
        new OperationHandle(
            UUID.fromString(
                gateway
                    .send(
                        ExecuteStatementHeaders.getInstance(),
                        new SessionMessageParameters(handle),
                        new ExecuteStatementRequestBody(sql),
                        version)
                    .getOperationHandle()));
    try {
      return fetchAll(op);
    } finally {
      try {
        gateway.send(
            CloseOperationHeaders.getInstance(),
            new OperationMessageParameters(handle, op),
            EmptyRequestBody.getInstance(),
            version);
      } catch (EndpointException e) {
        LOG.debug("Could not close operation {} of session {}", op, handle, e);
      }
    }
  }

  private Result fetchAll(OperationHandle op) throws EndpointException {
    long deadline = System.nanoTime() + statementTimeout.toNanos();
    Long token = 0L;
    String jobId = null;
    List<List<String>> rows = new ArrayList<>();
    while (token != null) {
      FetchResultsResponseBody page =
          gateway.send(
              FetchResultsHeaders.getDefaultInstance(),
              new FetchResultsMessageParameters(handle, op, token, RowFormat.JSON),
              EmptyRequestBody.getInstance(),
              version);
      if (page.getResultType() == ResultSet.ResultType.NOT_READY) {
        if (System.nanoTime() - deadline > 0) {
          throw new EndpointException(
              "The SQL Gateway at "
                  + gateway.url()
                  + " did not finish a statement within "
                  + statementTimeout.toSeconds()
                  + " s: check the cluster's load and its JobManager.",
              0,
              null);
        }
        sleep();
        continue;
      }
      JobID job = page.getJobID();
      if (job != null) {
        jobId = job.toHexString();
      }
      ResultInfo info = page.getResults();
      if (info != null) {
        List<RowData.FieldGetter> getters = info.getFieldGetters();
        for (RowData row : info.getData()) {
          List<String> values = new ArrayList<>();
          for (RowData.FieldGetter g : getters) {
            values.add(String.valueOf(g.getFieldOrNull(row)));
          }
          rows.add(values);
        }
      }
      if (page.getResultType() == ResultSet.ResultType.EOS) {
        break;
      }
      token = SqlGatewayRestEndpointUtils.parseToken(page.getNextResultUri());
    }
    return new Result(jobId, rows);
  }

  private static void sleep() throws EndpointException {
    try {
      Thread.sleep(FETCH_EVERY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EndpointException("Interrupted while waiting for the SQL Gateway.", 0, e);
    }
  }

  /** Closes the session; jobs it started keep running. Never throws. */
  @Override
  public void close() {
    try {
      gateway.send(
          CloseSessionHeaders.getInstance(),
          new SessionMessageParameters(handle),
          EmptyRequestBody.getInstance(),
          version);
    } catch (EndpointException e) {
      LOG.debug("Could not close SQL Gateway session {}", handle, e);
    }
  }
}
