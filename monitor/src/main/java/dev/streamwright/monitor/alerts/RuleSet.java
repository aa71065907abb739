package dev.streamwright.monitor.alerts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered set of rules with unique ids, an immutable value: editing returns a new set, {@link
 * RuleSetJson} writes and reads it so a workspace can keep it.
 *
 * @param rules the rules in the order they were added
 */
public record RuleSet(List<Rule> rules) {

  /** A set without rules. */
  public static final RuleSet EMPTY = new RuleSet(List.of());

  public RuleSet {
    rules = List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (Rule r : rules) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException(
            "rule id '" + r.id() + "' is used twice; give each rule its own id");
      }
    }
  }

  /** A set of the given rules. */
  public static RuleSet of(Rule... rules) {
    return new RuleSet(List.of(rules));
  }

  /** The rule with this id. */
  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** This set with the rule added, or replacing the rule of the same id in its place. */
  public RuleSet with(Rule rule) {
    Objects.requireNonNull(rule, "rule");
    List<Rule> out = new ArrayList<>(rules);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).id().equals(rule.id())) {
        out.set(i, rule);
        return new RuleSet(out);
      }
    }
    out.add(rule);
    return new RuleSet(out);
  }

  /** This set without the rule of this id (the same set when there is none). */
  public RuleSet without(String id) {
    List<Rule> out = new ArrayList<>(rules);
    out.removeIf(r -> r.id().equals(id));
    return new RuleSet(out);
  }
}
