package dev.streamwright.monitor.drift.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.monitor.drift.CategoricalProfile;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.ProfileOptions;
import dev.streamwright.runtime.models.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References from files of rows and from model cards, and the errors of bad ones. */
class ReferenceFilesTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aCsvFileGivesNumericAndCategoricalProfiles() throws Exception {
    Path file = write("rows.csv", "amount,country\n1,DE\n2,DE\n3,\"FR\"\n4,DE\n,FR\n");
    Map<String, ColumnProfile> p = ReferenceFiles.read(file, List.of(), ProfileOptions.DEFAULTS);
    assertThat(p).containsOnlyKeys("amount", "country");
    NumericProfile amount = (NumericProfile) p.get("amount");
    assertThat(amount.count()).isEqualTo(4);
    assertThat(amount.missing()).isEqualTo(1);
    // np.mean([1,2,3,4]) = 2.5, np.std([1,2,3,4]) = 1.118033988749895
    assertThat(amount.mean()).isEqualTo(2.5);
    assertThat(amount.std()).isCloseTo(1.118033988749895, within(1e-12));
    assertThat(amount.sample()).hasSize(4);
    CategoricalProfile country = (CategoricalProfile) p.get("country");
    assertThat(country.categories()).containsExactly("DE", "FR");
    assertThat(country.counts()).containsExactly(3, 2, 0);
  }

  @Test
  void jsonLinesWithAbsentKeysCountThemMissing() throws Exception {
    Path file = write("rows.jsonl", "{\"a\": 1.5, \"b\": \"x\"}\n\n{\"b\": null}\n{\"a\": 2.5}\n");
    Map<String, ColumnProfile> p = ReferenceFiles.read(file, List.of("a"), ProfileOptions.DEFAULTS);
    NumericProfile a = (NumericProfile) p.get("a");
    assertThat(a.count()).isEqualTo(2);
    assertThat(a.missing()).isEqualTo(1);
    assertThat(a.mean()).isEqualTo(2.0);
  }

  @Test
  void badFilesNameTheLineAndColumn() throws Exception {
    assertThatThrownBy(
            () ->
                ReferenceFiles.read(
                    write("short.csv", "a,b\n1,2\n3\n"), List.of(), ProfileOptions.DEFAULTS))
        .hasMessageContaining("line 3: 1 fields where the header has 2");
    assertThatThrownBy(
            () ->
                ReferenceFiles.read(
                    write("dup.csv", "a,a\n1,2\n"), List.of(), ProfileOptions.DEFAULTS))
        .hasMessageContaining("line 1: column 2 of the header is 'a' again");
    assertThatThrownBy(
            () ->
                ReferenceFiles.read(
                    write("bad.jsonl", "{\"a\": 1}\n{\"a\": \n"),
                    List.of(),
                    ProfileOptions.DEFAULTS))
        .hasMessageContaining("bad.jsonl line 2 is not JSON");
    assertThatThrownBy(
            () ->
                ReferenceFiles.read(
                    write("nested.jsonl", "{\"a\": [1]}\n"), List.of(), ProfileOptions.DEFAULTS))
        .hasMessageContaining("line 1, column 'a': a nested value");
    assertThatThrownBy(
            () ->
                ReferenceFiles.read(
                    write("ok.csv", "a,b\n1,2\n"), List.of("c"), ProfileOptions.DEFAULTS))
        .hasMessageContaining("has no column 'c'; its columns are a, b");
    assertThatThrownBy(
            () ->
                ReferenceFiles.read(
                    write("empty.csv", "a,b\n,x\n"), List.of("a"), ProfileOptions.DEFAULTS))
        .hasMessageContaining("Column 'a'")
        .hasMessageContaining("has no value");
    assertThatThrownBy(
            () -> ReferenceFiles.read(write("none.csv", ""), List.of(), ProfileOptions.DEFAULTS))
        .hasMessageContaining("has no rows");
    assertThatThrownBy(
            () ->
                ReferenceFiles.read(dir.resolve("absent.csv"), List.of(), ProfileOptions.DEFAULTS))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aCardsProfileBecomesAReferenceWithEmptyOuterBins() throws Exception {
    String json =
        "{\"columns\": {\"amount\": {\"edges\": [0, 1, 2], \"counts\": [3, 5],"
            + " \"mean\": 1.1, \"std\": 0.5, \"sample\": [0.5, 1.5]}}}";
    ModelCard card =
        new ModelCard(
            "m",
            3,
            "m.onnx",
            "00",
            "d",
            List.of(),
            null,
            List.of(),
            0,
            new ObjectMapper().readTree(json));
    LiveReference ref = CardReferences.of(card).get("amount");
    assertThat(ref.source()).isEqualTo("model card m v3");
    NumericProfile p = (NumericProfile) ref.profile();
    assertThat(p.counts()).containsExactly(0, 3, 5, 0);
    assertThat(p.sample()).containsExactly(0.5, 1.5);
    assertThat(p.mean()).isEqualTo(1.1);

    ModelCard bad =
        new ModelCard(
            "m",
            3,
            "m.onnx",
            "00",
            "d",
            List.of(),
            null,
            List.of(),
            0,
            new ObjectMapper()
                .readTree("{\"columns\": {\"x\": {\"edges\": [0, 1, 2], \"counts\": [3]}}}"));
    assertThatThrownBy(() -> CardReferences.of(bad))
        .hasMessageContaining("column 'x' in the card of model 'm' v3 is malformed")
        .hasMessageContaining("3 edges need 2 counts");
  }
}
