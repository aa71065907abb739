package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionsTest {

  @Test
  void ordinaryExpressionsPass() {
    assertThat(Expressions.problem("amount > 100 AND currency IN ('EUR', 'USD')")).isEmpty();
    assertThat(Expressions.problem("name = 'it''s; -- fine'")).isEmpty();
    assertThat(Expressions.problem("`odd;name` > 1")).isEmpty();
  }

  @Test
  void closingMoreBracketsThanOpenedIsRefused() {
    assertThat(Expressions.problem("1) UNION SELECT * FROM secrets WHERE (1"))
        .get()
        .asString()
        .contains("never opened");
  }

  @Test
  void statementSeparatorIsRefused() {
    assertThat(Expressions.problem("1 = 1; DROP TABLE x")).get().asString().contains("';'");
  }

  @Test
  void commentsAreRefused() {
    assertThat(Expressions.problem("a > 1 -- and more")).get().asString().contains("comment");
    assertThat(Expressions.problem("a > 1 /* x */")).get().asString().contains("comment");
  }

  @Test
  void unclosedQuoteOrBracketIsRefused() {
    assertThat(Expressions.problem("name = 'abc")).get().asString().contains("never closed");
    assertThat(Expressions.problem("f(a")).get().asString().contains("never closed");
  }

  @Test
  void emptyIsRefused() {
    assertThat(Expressions.problem("  ")).isPresent();
  }
}
