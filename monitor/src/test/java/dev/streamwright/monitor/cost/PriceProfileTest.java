package dev.streamwright.monitor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceProfileTest {

  @Test
  void everyBadFieldIsNamed() {
    PriceProfile bad =
        new PriceProfile(
            " ", "usd", -0.1, Double.NaN, 0, 0, Double.POSITIVE_INFINITY, null, "", true);

    assertThat(bad.problems())
        .containsExactly(
            "name must not be empty",
            "currency must be an ISO 4217 code such as USD or EUR, not 'usd'",
            "cpuCoreHour must be a price of at least 0, not -0.1",
            "memoryGibHour must be a price of at least 0, not NaN",
            "checkpointGbMonth must be a price of at least 0, not Infinity",
            "pricesTakenOn must give the day the prices were taken, e.g. 2026-12-07",
            "source must say where the prices come from");
    assertThat(CostMeterTest.PRICES.problems()).isEmpty();
    assertThat(
            new PriceProfile("x", "XYZ", 0, 0, 0, 0, 0, LocalDate.of(2026, 1, 1), "s", false)
                .problems())
        .anyMatch(p -> p.startsWith("currency"));
    assertThatThrownBy(() -> bad.withName("ours").check())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("price profile 'ours': ")
        .hasMessageContaining("cpuCoreHour");
  }

  @Test
  void aProfileSurvivesJson() {
    for (PriceProfile p : PricePresets.all()) {
      assertThat(PriceProfileJson.read(PriceProfileJson.write(p))).isEqualTo(p);
    }
    PriceProfile own = CostMeterTest.PRICES.withName("Our cluster, 2027 contract");
    String json = PriceProfileJson.write(own);
    assertThat(json).contains("\"pricesTakenOn\" : \"2026-12-07\"", "\"cpuCoreHour\" : 0.04");
    assertThat(PriceProfileJson.read(json)).isEqualTo(own);
  }

  @Test
  void aBadFileSaysEveryFieldToFix() {
    String json =
        "{\"name\": \"mine\", \"currency\": \"EUR\", \"cpuCoreHour\": \"0.03\","
            + " \"kafkaReadGb\": -1, \"kafkaWrittenGb\": 0, \"checkpointGbMonth\": 0,"
            + " \"pricesTakenOn\": \"7 Dec 2026\", \"source\": \"contract\", \"estimate\": false,"
            + " \"cpu\": 1}";

    assertThatThrownBy(() -> PriceProfileJson.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("price profile 'mine': ")
        .hasMessageContaining("\"cpu\" is not a field; write one of name, currency, cpuCoreHour")
        .hasMessageContaining("cpuCoreHour must be a number without quotes, not \"0.03\"")
        .hasMessageContaining("memoryGibHour is missing")
        .hasMessageContaining("kafkaReadGb must be a price of at least 0, not -1.0")
        .hasMessageContaining("pricesTakenOn must be a day written 2026-12-07, not '7 Dec 2026'");
    assertThatThrownBy(() -> PriceProfileJson.read("[1]"))
        .hasMessageStartingWith("a price profile must be a JSON object");
    assertThatThrownBy(() -> PriceProfileJson.read("{"))
        .hasMessageStartingWith("the price profile is not valid JSON");
  }

  @Test
  void presetsAreValidDatedEstimatesWithTheirPages() {
    for (PriceProfile p : PricePresets.all()) {
      assertThat(p.problems()).as(p.name()).isEmpty();
      assertThat(p.estimate()).as(p.name()).isTrue();
      assertThat(p.name()).as(p.name()).containsIgnoringCase("estimate");
      assertThat(p.source()).as(p.name()).startsWith("Estimate.").contains("https://");
      assertThat(p.pricesTakenOn()).isEqualTo(LocalDate.of(2026, 12, 7));
    }
    PriceProfile local = PricePresets.LOCAL_MACHINE;
    assertThat(local.name()).startsWith("Local machine, priced as AWS");
    assertThat(local.cpuCoreHour()).isEqualTo(PricePresets.AWS_US_EAST_1.cpuCoreHour());
    assertThat(local.kafkaReadGb()).isEqualTo(PricePresets.AWS_US_EAST_1.kafkaReadGb());
  }

  @Test
  void anInstancePriceIsSplitInOpenCostsRatio() {
    // k = 0.2016 / (4 x 0.031611 + 16 x 0.004237) = 0.2016 / 0.194236 = 1.0379126...
    // core-hour 0.031611 k = 0.0328095, GiB-hour 0.004237 k = 0.0043976 (python3, same formula)
    PriceProfile aws = PricePresets.AWS_US_EAST_1;
    assertThat(aws.cpuCoreHour()).isCloseTo(0.0328095, within(1e-7));
    assertThat(aws.memoryGibHour()).isCloseTo(0.0043976, within(1e-7));
    assertThat(4 * aws.cpuCoreHour() + 16 * aws.memoryGibHour()).isCloseTo(0.2016, within(1e-12));
    // Azure D4s v5: 0.192 / 0.194236 = 0.98849; 0.0312471 per core-hour, 0.0041882 per GiB-hour
    PriceProfile azure = PricePresets.AZURE_EAST_US;
    assertThat(azure.cpuCoreHour()).isCloseTo(0.0312471, within(1e-7));
    assertThat(azure.memoryGibHour()).isCloseTo(0.0041882, within(1e-7));
    // Google publishes per-vCPU and per-GB prices: no split
    assertThat(PricePresets.GCP_US_CENTRAL1.cpuCoreHour()).isEqualTo(0.031611);
    assertThat(PricePresets.GCP_US_CENTRAL1.memoryGibHour()).isEqualTo(0.004237);
  }
}
