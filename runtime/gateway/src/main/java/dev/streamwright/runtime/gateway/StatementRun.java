package dev.streamwright.runtime.gateway;

import dev.streamwright.runtime.api.DeployOptions;
import dev.streamwright.runtime.api.RemoteTarget;
import dev.streamwright.runtime.api.RuntimeFailure;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.compile.SqlStatement;
import dev.streamwright.runtime.gateway.Endpoint.EndpointException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deploy's statements in one SQL Gateway session: the environment's jars, the job's settings,
 * the pipeline's tables and views, and its inserts as one statement set. A refusal names the node
 * whose statement it was; the session is closed in every case, and nothing runs on the cluster
 * unless the statement set was accepted.
 */
final class StatementRun {

  private static final Logger LOG = LoggerFactory.getLogger(StatementRun.class);

  private final Endpoint gateway;
  private final RemoteTarget target;
  private final CompiledPipeline pipeline;
  private final DeployOptions options;
  private final String jobName;
  private final Duration statementTimeout;

  /** Called before each statement, with its index; tests use it to expire the session. */
  static volatile java.util.function.BiConsumer<GatewaySession, Integer> beforeStatement =
      (s, i) -> {};

  StatementRun(
      Endpoint gateway,
      RemoteTarget target,
      CompiledPipeline pipeline,
      DeployOptions options,
      String jobName,
      Duration statementTimeout) {
    this.gateway = gateway;
    this.target = target;
    this.pipeline = pipeline;
    this.options = options;
    this.jobName = jobName;
    this.statementTimeout = statementTimeout;
  }

  /** The job's settings, in the order they are set. */
  Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("pipeline.name", jobName);
    int parallelism = options.parallelism() > 0 ? options.parallelism() : target.parallelism();
    if (parallelism > 0) {
      s.put("parallelism.default", Integer.toString(parallelism));
    }
    Duration interval = options.checkpointInterval();
    if (!interval.isZero() && !interval.isNegative()) {
      s.put("execution.checkpointing.interval", interval.toMillis() + " ms");
    }
    // A later resume may start from the last checkpoint when no savepoint was taken.
    s.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    if (!target.savepointDir().isBlank()) {
      s.put("execution.checkpointing.savepoint-dir", target.savepointDir());
    }
    if (options.restores()) {
      s.put("execution.state-recovery.path", options.restoreFrom());
    }
    // INSERTs return once the job is submitted; the deploy then follows it over REST.
    s.put("table.dml-sync", "false");
    s.putAll(pipeline.jobConfiguration());
    s.putAll(options.configuration());
    return s;
  }

  /** Runs every statement and returns the job id of the statement set. */
  String run() throws RuntimeFailure {
    GatewaySession session;
    try {
      session =
          GatewaySession.open(gateway, "streamwright " + pipeline.pipelineId(), statementTimeout);
    } catch (EndpointException e) {
      if (e.status() == 404 || e.status() == 405) {
        throw new RuntimeFailure(TargetCheck.notAGateway(gateway), e);
      }
      throw new RuntimeFailure(e.getMessage(), e);
    }
    int index = 0;
    try {
      for (String jar : target.jars()) {
        beforeStatement.accept(session, index++);
        try {
          session.execute("ADD JAR '" + quote(jar) + "'", true);
        } catch (EndpointException e) {
          throw new RuntimeFailure(
              "The SQL Gateway could not load the jar '"
                  + jar
                  + "': "
                  + refusal(e)
                  + " Check that the path or URI is right and readable from the gateway's"
                  + " machine.",
              e);
        }
      }
      for (Map.Entry<String, String> s : settings().entrySet()) {
        beforeStatement.accept(session, index++);
        try {
          session.execute("SET '" + quote(s.getKey()) + "' = '" + quote(s.getValue()) + "'", true);
        } catch (EndpointException e) {
          throw new RuntimeFailure(
              "The cluster refused the setting "
                  + s.getKey()
                  + " = "
                  + s.getValue()
                  + ": "
                  + refusal(e),
              e);
        }
      }
      for (SqlStatement s : pipeline.statements()) {
        beforeStatement.accept(session, index++);
        try {
          session.execute(s.sql(), true);
        } catch (EndpointException e) {
          throw nodeFailure(GatewayErrors.tableNamedIn(pipeline, e.serverText()).orElse(s), e);
        }
      }
      beforeStatement.accept(session, index);
      String set =
          "EXECUTE STATEMENT SET\nBEGIN\n"
              + pipeline.inserts().stream()
                  .map(SqlStatement::sql)
                  .collect(Collectors.joining(";\n"))
              + ";\nEND";
      GatewaySession.Result result;
      try {
        result = session.execute(set, false);
      } catch (EndpointException e) {
        if (options.restores() && e.serverText().contains(options.restoreFrom())) {
          throw new RuntimeFailure(
              "The job could not start from '"
                  + options.restoreFrom()
                  + "': "
                  + refusal(e)
                  + " Check the path: it must be a savepoint or retained checkpoint of this"
                  + " pipeline that the cluster can read.",
              e);
        }
        Optional<SqlStatement> blamed = GatewayErrors.tableNamedIn(pipeline, e.serverText());
        if (blamed.isEmpty() && pipeline.inserts().size() == 1) {
          blamed = Optional.of(pipeline.inserts().get(0));
        }
        if (blamed.isPresent()) {
          throw nodeFailure(blamed.get(), e);
        }
        throw new RuntimeFailure(refusal(e), e);
      }
      if (result.jobId() == null) {
        throw new RuntimeFailure(
            "The SQL Gateway at "
                + target.gatewayUrl()
                + " accepted the pipeline's inserts but reported no job: check the gateway's"
                + " log.");
      }
      return result.jobId();
    } finally {
      session.close();
    }
  }

  private static RuntimeFailure nodeFailure(SqlStatement s, EndpointException e) {
    if (e.status() != 500 && e.status() != 400) {
      return new RuntimeFailure(e.getMessage(), e);
    }
    LOG.info("The cluster refused the statement of node '{}'", s.nodeId(), e);
    return new RuntimeFailure("node '" + s.nodeId() + "': " + refusal(e), e);
  }

  /** What the gateway said, in words; a connection failure says so instead. */
  static String refusal(EndpointException e) {
    String server = e.serverText();
    return server.isEmpty() ? e.getMessage() : GatewayErrors.rootMessage(server);
  }

  private static String quote(String s) {
    return s.replace("'", "''");
  }
}
