package dev.streamwright.designer.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.designer.ui.properties.PropertyValues.Parsed;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyValuesTest {

  private static PropertySpec spec(PropertyKind kind) {
    return PropertySpec.of("p", kind).label("Rate").build();
  }

  @Test
  void blankTextClearsTheProperty() {
    assertThat(PropertyValues.parse(spec(PropertyKind.INTEGER), "  ")).isEqualTo(Parsed.ok(null));
  }

  @Test
  void wholeNumbersAreLongsAndOtherTextIsRefusedWithTheLabel() {
    assertThat(PropertyValues.parse(spec(PropertyKind.INTEGER), "1_000").value()).isEqualTo(1000L);
    assertThat(PropertyValues.parse(spec(PropertyKind.INTEGER), "1.5").error())
        .isEqualTo("'1.5' is not a whole number; Rate takes digits only, e.g. 100");
  }

  @Test
  void decimalNumbersKeepWholeValuesWhole() {
    assertThat(PropertyValues.parse(spec(PropertyKind.NUMBER), "20").value()).isEqualTo(20L);
    assertThat(PropertyValues.parse(spec(PropertyKind.NUMBER), "2.5").value()).isEqualTo(2.5);
    assertThat(PropertyValues.parse(spec(PropertyKind.NUMBER), "NaN").valid()).isFalse();
  }

  @Test
  void durationsAreCheckedButStoredAsTyped() {
    assertThat(PropertyValues.parse(spec(PropertyKind.DURATION), "5 min").value())
        .isEqualTo("5 min");
    assertThat(PropertyValues.parse(spec(PropertyKind.DURATION), "soon").error())
        .contains("is not a duration");
  }

  @Test
  void expressionsThatCannotBeEmbeddedAreRefused() {
    assertThat(PropertyValues.parse(spec(PropertyKind.EXPRESSION), "a > (1").error())
        .isEqualTo("The expression opens 1 bracket(s) that are never closed; add the matching ')'");
    assertThat(PropertyValues.parse(spec(PropertyKind.EXPRESSION), "a > 1; DROP").valid())
        .isFalse();
    assertThat(PropertyValues.parse(spec(PropertyKind.EXPRESSION), "a > (1)").value())
        .isEqualTo("a > (1)");
  }

  @Test
  void columnListsAreCommaSeparated() {
    assertThat(PropertyValues.parse(spec(PropertyKind.COLUMNS), "a, b ,,c").value())
        .isEqualTo(List.of("a", "b", "c"));
    assertThat(PropertyValues.format(List.of("a", "b"))).isEqualTo("a, b");
  }

  @Test
  void storedValuesFormatTheWayTheyAreTyped() {
    assertThat(PropertyValues.format(null)).isEmpty();
    assertThat(PropertyValues.format(20L)).isEqualTo("20");
    assertThat(PropertyValues.format(2.0)).isEqualTo("2.0");
    assertThat(PropertyValues.format(0.25)).isEqualTo("0.25");
  }

  @Test
  void thePromptNamesTheDefault() {
    PropertySpec withDefault =
        PropertySpec.of("w", PropertyKind.ENUM).choices("a", "b").defaultValue("a").build();
    assertThat(PropertyValues.prompt(withDefault)).isEqualTo("default: a");
  }

  @Test
  void aRequiredPropertyPromptsWithItsExampleAnOptionalOneWithNothing() {
    PropertySpec topic =
        PropertySpec.of("topic", PropertyKind.STRING).required().example("transactions").build();
    PropertySpec group = PropertySpec.of("groupId", PropertyKind.STRING).example("g").build();

    assertThat(PropertyValues.prompt(topic)).isEqualTo("required, e.g. transactions");
    assertThat(PropertyValues.prompt(group)).isEmpty();
  }

  @Test
  void theTooltipIsTheDescriptionWithAnExampleThatFitsOnALine() {
    PropertySpec keys =
        PropertySpec.of("keys", PropertyKind.COLUMNS)
            .description("Key columns")
            .example(List.of("user_id", "page"))
            .build();
    PropertySpec rules =
        PropertySpec.of("rules", PropertyKind.LIST)
            .description("The rules")
            .example(List.of(Map.of("column", "a")))
            .build();

    assertThat(PropertyValues.tooltip(keys)).isEqualTo("Key columns\nExample: user_id, page");
    assertThat(PropertyValues.tooltip(rules)).isEqualTo("The rules");
  }
}
