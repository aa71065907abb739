package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {

  private static final List<String> KAFKA =
      List.of("topic", "bootstrapServers", "groupId", "startupMode", "keyFields", "onMalformed");

  @Test
  void aSlipOfOneOrTwoLettersFindsTheName() {
    assertThat(NameSuggestions.closest("bootstrapServer", KAFKA)).hasValue("bootstrapServers");
    assertThat(NameSuggestions.closest("startupmod", KAFKA)).hasValue("startupMode");
    assertThat(NameSuggestions.closest("tpoic", KAFKA)).hasValue("topic");
  }

  @Test
  void caseAndSeparatorsDoNotCount() {
    assertThat(NameSuggestions.closest("bootstrap.servers", KAFKA)).hasValue("bootstrapServers");
    assertThat(NameSuggestions.closest("on_malformed", KAFKA)).hasValue("onMalformed");
    assertThat(NameSuggestions.closest("GROUPID", KAFKA)).hasValue("groupId");
  }

  @Test
  void aNameContainedInAKnownOneFindsIt() {
    assertThat(NameSuggestions.closest("bootstrap", KAFKA)).hasValue("bootstrapServers");
    assertThat(NameSuggestions.closest("keys", KAFKA)).isEmpty();
  }

  @Test
  void somethingElseEntirelyFindsNothing() {
    assertThat(NameSuggestions.closest("colour", KAFKA)).isEmpty();
    assertThat(NameSuggestions.closest("", KAFKA)).isEmpty();
    assertThat(NameSuggestions.closest("id", List.of("as"))).isEmpty();
  }

  @Test
  void theNearestOfSeveralCloseNamesWins() {
    assertThat(NameSuggestions.closest("mix", List.of("min", "max"))).hasValue("min");
    assertThat(NameSuggestions.closest("maxx", List.of("min", "max"))).hasValue("max");
  }
}
