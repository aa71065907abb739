package dev.streamwright.app.cli;

import dev.streamwright.runtime.validate.PlannerValidator;

/** Wires the planner layer of {@link PipelineChecker} to the runtime's planner validator. */
final class PlannerCheck {

  private PlannerCheck() {}

  /** Flink's planner, in-process: the same checks a deploy would hit, without running anything. */
  static PipelineChecker.PlanCheck create() {
    return new PlannerValidator()::validate;
  }
}
