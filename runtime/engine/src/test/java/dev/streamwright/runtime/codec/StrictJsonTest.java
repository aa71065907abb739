package dev.streamwright.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The strict reader's tree knows where each value stands; what it refuses it refuses in words. */
class StrictJsonTest {

  @Test
  void everyValueAndFieldNameKnowsItsLineAndColumn() throws Exception {
    JsonDocument doc = StrictJson.parse("{\"a\": [1,\n  {\"b\": true}]}");

    assertThat(doc.valueAt("")).isEqualTo(new JsonDocument.Place(1, 1));
    assertThat(doc.valueAt("a")).isEqualTo(new JsonDocument.Place(1, 7));
    assertThat(doc.valueAt("a[1]")).isEqualTo(new JsonDocument.Place(2, 3));
    assertThat(doc.valueAt("a[1].b")).isEqualTo(new JsonDocument.Place(2, 9));
    assertThat(doc.nameAt("a[1].b")).isEqualTo(new JsonDocument.Place(2, 4));
    assertThat(doc.valueAt("nowhere").line()).isEqualTo(-1);
    assertThat(doc.root().get("a").get(1).get("b").asBoolean()).isTrue();
  }

  @Test
  void numbersKeepTheirKindAndWholeNumbersBeyondALongAreNotCutDown() throws Exception {
    JsonNode root = StrictJson.parse("[7, 5000000000, 1.5, 18446744073709551621]").root();

    assertThat(root.get(0).isInt()).isTrue();
    assertThat(root.get(1).isLong()).isTrue();
    assertThat(root.get(2).isDouble()).isTrue();
    assertThat(root.get(3).canConvertToLong()).isFalse();
    assertThat(root.get(3).asText()).isEqualTo("18446744073709551621");
  }

  @Test
  void linesEndWithLineFeedsCarriageReturnsOrBoth() throws Exception {
    JsonDocument doc = StrictJson.parse("[1,\r\n2,\r3,\n4]");

    assertThat(doc.valueAt("[1]")).isEqualTo(new JsonDocument.Place(2, 1));
    assertThat(doc.valueAt("[2]")).isEqualTo(new JsonDocument.Place(3, 1));
    assertThat(doc.valueAt("[3]")).isEqualTo(new JsonDocument.Place(4, 1));
  }

  @Test
  void emptyTextAndTextAfterAScalarAreRefused() {
    assertThatThrownBy(() -> StrictJson.parse(" \n"))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessage("the file is empty");
    assertThatThrownBy(() -> StrictJson.parse("5 6"))
        .isInstanceOfSatisfying(
            JsonSyntaxException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "line 1, column 3: the top-level value starts at line 1, column 1, but the"
                          + " file goes on with '6'; remove what follows it");
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(3);
            });
  }

  @Test
  void nestingBeyondTheParsersLimitIsToldInWords() {
    assertThatThrownBy(() -> StrictJson.parse("[".repeat(1200)))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageStartingWith("line 1, column ")
        .hasMessageEndingWith(": lists and objects nest more than 1000 levels deep here");
  }

  @Test
  void describingAValueNamesItsKindAsAUserWouldSayIt() throws Exception {
    JsonNode root = StrictJson.parse("[null, \"abc\", 5, true, [], [1], {}, {\"a\": 1}]").root();

    assertThat(root)
        .extracting(JsonDocument::describe)
        .containsExactly(
            "null",
            "text (\"abc\")",
            "the number 5",
            "true",
            "an empty list",
            "a list",
            "an empty object",
            "an object");
  }
}
