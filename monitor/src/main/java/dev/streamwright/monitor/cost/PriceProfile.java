package dev.streamwright.monitor.cost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The rates a deployment is priced at: an hourly rate per CPU core and per GiB of memory for the
 * allocation costs, a rate per GB of Kafka bytes read and written and per GB-month of checkpoint
 * storage for the usage costs, in one currency. A GB is 10^9 bytes; a month is {@link
 * CostMeter#HOURS_PER_MONTH} hours. Values are plain and editable: build one with any numbers, show
 * {@link #problems()} beside the fields, and let {@link CostMeter} accept only a valid one. {@link
 * PriceProfileJson} keeps profiles as JSON; {@link PricePresets} ships dated estimates.
 *
 * @param name what the profile is called, e.g. {@code AWS m7i us-east-1 (estimate)}
 * @param currency an ISO 4217 code, e.g. {@code USD}
 * @param cpuCoreHour the price of one CPU core for one hour
 * @param memoryGibHour the price of one GiB of memory for one hour
 * @param kafkaReadGb the price of one GB read from Kafka
 * @param kafkaWrittenGb the price of one GB written to Kafka
 * @param checkpointGbMonth the price of keeping one GB of checkpoint state for a month
 * @param pricesTakenOn the day the prices were taken from their source
 * @param source where each number comes from, in words and with the public page's address
 * @param estimate whether the numbers are an estimate rather than the user's own contract prices
 */
public record PriceProfile(
    String name,
    String currency,
    double cpuCoreHour,
    double memoryGibHour,
    double kafkaReadGb,
    double kafkaWrittenGb,
    double checkpointGbMonth,
    LocalDate pricesTakenOn,
    String source,
    boolean estimate) {

  public PriceProfile {
    name = name == null ? "" : name;
    currency = currency == null ? "" : currency;
    source = source == null ? "" : source;
  }

  /** The problems of these values, each naming its field; empty when the profile is valid. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (name.isBlank()) {
      out.add("name must not be empty");
    }
    if (!currency.matches("[A-Z]{3}") || !knownCurrency(currency)) {
      out.add("currency must be an ISO 4217 code such as USD or EUR, not '" + currency + "'");
    }
    rate(out, "cpuCoreHour", cpuCoreHour);
    rate(out, "memoryGibHour", memoryGibHour);
    rate(out, "kafkaReadGb", kafkaReadGb);
    rate(out, "kafkaWrittenGb", kafkaWrittenGb);
    rate(out, "checkpointGbMonth", checkpointGbMonth);
    if (pricesTakenOn == null) {
      out.add("pricesTakenOn must give the day the prices were taken, e.g. 2026-12-07");
    }
    if (source.isBlank()) {
      out.add("source must say where the prices come from");
    }
    return out;
  }

  /**
   * This profile, when valid.
   *
   * @throws IllegalArgumentException naming the profile and every field that is wrong
   */
  public PriceProfile check() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "price profile '" + name + "': " + String.join("; ", problems));
    }
    return this;
  }

  /** This profile under another name (an edited copy of a preset). */
  public PriceProfile withName(String newName) {
    return new PriceProfile(
        newName,
        currency,
        cpuCoreHour,
        memoryGibHour,
        kafkaReadGb,
        kafkaWrittenGb,
        checkpointGbMonth,
        pricesTakenOn,
        source,
        estimate);
  }

  private static void rate(List<String> out, String field, double v) {
    if (!Double.isFinite(v) || v < 0) {
      out.add(field + " must be a price of at least 0, not " + v);
    }
  }

  private static boolean knownCurrency(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
