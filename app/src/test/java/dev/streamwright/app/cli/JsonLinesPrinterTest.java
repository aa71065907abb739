package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.api.ResultRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesPrinterTest {

  private final StringWriter text = new StringWriter();
  private final JsonLinesPrinter printer = new JsonLinesPrinter(new PrintWriter(text));

  @Test
  void sinkComesFirstThenTheColumnsInOrder() {
    printer.print(
        List.of(new ResultRow("preview", "+I", List.of("user_id", "clicks"), List.of("u-1", 3L))));

    assertThat(text.toString())
        .isEqualTo("{\"sink\":\"preview\",\"user_id\":\"u-1\",\"clicks\":3}\n");
  }

  @Test
  void kindAppearsOnlyForUpdatesAndDeletes() throws Exception {
    printer.print(
        List.of(
            new ResultRow("p", "+I", List.of("n"), List.of(1L)),
            new ResultRow("p", "-U", List.of("n"), List.of(1L)),
            new ResultRow("p", "+U", List.of("n"), List.of(2L)),
            new ResultRow("p", "-D", List.of("n"), List.of(2L))));

    List<String> lines = text.toString().lines().toList();
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(lines.get(0)).has("kind")).isFalse();
    assertThat(lines.subList(1, 4))
        .extracting(l -> json.readTree(l).get("kind").asText())
        .containsExactly("-U", "+U", "-D");
    assertThat(lines.get(1)).startsWith("{\"sink\":\"p\",\"kind\":\"-U\",");
  }

  @Test
  void valuesKeepTheirJsonTypes() throws Exception {
    printer.print(
        List.of(
            new ResultRow(
                "p",
                "+I",
                List.of("s", "l", "d", "b", "dec", "nothing", "list"),
                Arrays.asList(
                    "a \"quoted\"\nline",
                    7L,
                    1.5,
                    true,
                    new BigDecimal("12.30"),
                    null,
                    List.of(1L, 2L)))));

    JsonNode row = new ObjectMapper().readTree(text.toString());
    assertThat(row.get("s").asText()).isEqualTo("a \"quoted\"\nline");
    assertThat(row.get("l").isIntegralNumber()).isTrue();
    assertThat(row.get("d").asDouble()).isEqualTo(1.5);
    assertThat(row.get("b").asBoolean()).isTrue();
    assertThat(row.get("dec").decimalValue()).isEqualByComparingTo("12.30");
    assertThat(row.get("nothing").isNull()).isTrue();
    assertThat(row.get("list").size()).isEqualTo(2);
    assertThat(text.toString().lines()).hasSize(1);
  }
}
