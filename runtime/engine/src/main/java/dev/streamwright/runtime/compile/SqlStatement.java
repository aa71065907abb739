package dev.streamwright.runtime.compile;

import java.util.Objects;

/**
 * One generated SQL statement and the node it came from, so a planner error on it can be reported
 * on that node.
 *
 * @param nodeId the node that rendered it
 * @param kind what the statement does
 * @param sql the statement text without a trailing semicolon
 */
public record SqlStatement(String nodeId, Kind kind, String sql) {

  /** What a statement does, which decides how a runtime submits it. */
  public enum Kind {
    /** {@code CREATE TEMPORARY TABLE} of a source or sink. */
    DDL,
    /** {@code CREATE TEMPORARY VIEW} of a transform's output. */
    VIEW,
    /** {@code INSERT INTO} a sink table; all of them run as one statement set. */
    INSERT,
    /** A {@code SELECT} whose rows stream back to the studio. */
    PREVIEW
  }

  public SqlStatement {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sql, "sql");
  }
}
