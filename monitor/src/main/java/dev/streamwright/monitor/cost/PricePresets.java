package dev.streamwright.monitor.cost;

import java.time.LocalDate;
import java.util.List;

/**
 * Price profiles shipped with Streamwright: on-demand list prices of a general-purpose VM of three
 * public clouds, each labelled an estimate, with its day and the public pages it comes from in its
 * {@link PriceProfile#source() source}, and a {@link #localMachine local machine} profile for the
 * embedded runtime. They are a starting point: copy one and put in the prices you actually pay
 * (discounts, reservations, another region).
 *
 * <p>A VM is priced per instance, not per core and GiB. Where a provider publishes only the
 * instance's price, it is split the way OpenCost's specification (Appendix A) recommends: the ratio
 * of the per-core to the per-GiB price is held at OpenCost's defaults (GCP us-central1 N2: 0.031611
 * per vCPU-hour to 0.004237 per GiB-hour) and both are scaled so that the instance's cores and
 * memory add up to its price ({@link #split}). Kafka bytes are priced only where the provider sells
 * Kafka by the byte; elsewhere the rate is 0 and the source says why.
 */
public final class PricePresets {

  /** The day the preset figures were written in. */
  public static final LocalDate TAKEN_ON = LocalDate.of(2026, 12, 7);

  /** OpenCost's default price of a core-hour (GCP us-central1 N2), the split's CPU weight. */
  static final double OPENCOST_CPU_HOUR = 0.031611;

  /** OpenCost's default price of a GiB-hour (GCP us-central1 N2), the split's memory weight. */
  static final double OPENCOST_GIB_HOUR = 0.004237;

  private static final String CHECK =
      " Figures are list prices as that page published them, written in on "
          + TAKEN_ON
          + " without a live check of the page; check it before relying on them.";

  /** AWS us-east-1: EC2 m7i.xlarge, MSK Serverless, S3 Standard. */
  public static final PriceProfile AWS_US_EAST_1 = aws();

  /** Google Cloud us-central1: N2 vCPU and memory, Cloud Storage Standard. */
  public static final PriceProfile GCP_US_CENTRAL1 = gcp();

  /** Azure East US: Dsv5 (D4s v5), Blob Storage hot. */
  public static final PriceProfile AZURE_EAST_US = azure();

  /** The embedded runtime on this machine, priced as {@link #AWS_US_EAST_1}. */
  public static final PriceProfile LOCAL_MACHINE = localMachine(AWS_US_EAST_1);

  private PricePresets() {}

  /** Every preset, the local machine first. */
  public static List<PriceProfile> all() {
    return List.of(LOCAL_MACHINE, AWS_US_EAST_1, GCP_US_CENTRAL1, AZURE_EAST_US);
  }

  /**
   * The "local machine" profile for the embedded runtime: the rates of a deployed profile, so that
   * a sandbox run shows what the same load would cost deployed there. The machine itself is already
   * paid for; these are not its costs.
   */
  public static PriceProfile localMachine(PriceProfile deployedAs) {
    return new PriceProfile(
        "Local machine, priced as " + deployedAs.name(),
        deployedAs.currency(),
        deployedAs.cpuCoreHour(),
        deployedAs.memoryGibHour(),
        deployedAs.kafkaReadGb(),
        deployedAs.kafkaWrittenGb(),
        deployedAs.checkpointGbMonth(),
        deployedAs.pricesTakenOn(),
        "Estimate. The embedded runtime on this machine, priced at the rates of '"
            + deployedAs.name()
            + "' to show what the same load would cost deployed there; the machine itself costs"
            + " nothing extra. Those rates: "
            + deployedAs.source(),
        true);
  }

  /**
   * Splits an instance's hourly price into a price per core-hour and per GiB-hour: {@code k = price
   * / (cores x 0.031611 + gib x 0.004237)}, core-hour {@code = 0.031611 k}, GiB-hour {@code =
   * 0.004237 k}, so {@code cores x coreHour + gib x gibHour = price}.
   *
   * @return the core-hour and GiB-hour prices, in that order
   */
  public static double[] split(double instanceHour, double cores, double gib) {
    double k = instanceHour / (cores * OPENCOST_CPU_HOUR + gib * OPENCOST_GIB_HOUR);
    return new double[] {OPENCOST_CPU_HOUR * k, OPENCOST_GIB_HOUR * k};
  }

  private static PriceProfile aws() {
    double[] rates = split(0.2016, 4, 16);
    return new PriceProfile(
        "AWS us-east-1, m7i on-demand (estimate)",
        "USD",
        rates[0],
        rates[1],
        0.10,
        0.05,
        0.023,
        TAKEN_ON,
        "Estimate. CPU and memory: EC2 m7i.xlarge (4 vCPU, 16 GiB), Linux on-demand in us-east-1,"
            + " 0.2016 USD per hour, split into core and GiB prices in OpenCost's ratio;"
            + " https://aws.amazon.com/ec2/pricing/on-demand/. Kafka: MSK Serverless in us-east-1,"
            + " 0.10 USD per GB in and 0.05 USD per GB out (its cluster and partition hours are"
            + " not counted); https://aws.amazon.com/msk/pricing/. Checkpoints: S3 Standard, first"
            + " 50 TB, 0.023 USD per GB-month; https://aws.amazon.com/s3/pricing/."
            + CHECK,
        true);
  }

  private static PriceProfile gcp() {
    return new PriceProfile(
        "Google Cloud us-central1, N2 on-demand (estimate)",
        "USD",
        0.031611,
        0.004237,
        0,
        0,
        0.020,
        TAKEN_ON,
        "Estimate. CPU and memory: N2 predefined vCPU 0.031611 and memory 0.004237 USD per hour"
            + " in us-central1 (Google publishes them per vCPU and per GB; an n2-standard-4 is"
            + " 4 x 0.031611 + 16 x 0.004237 = 0.194236 USD per hour);"
            + " https://cloud.google.com/compute/vm-instance-pricing. Kafka: 0, Google Cloud"
            + " Managed Service for Apache Kafka bills cluster capacity, not bytes; put in your"
            + " own price per GB to count it. Checkpoints: Cloud Storage Standard in us-central1,"
            + " 0.020 USD per GB-month; https://cloud.google.com/storage/pricing."
            + CHECK,
        true);
  }

  private static PriceProfile azure() {
    double[] rates = split(0.192, 4, 16);
    return new PriceProfile(
        "Azure East US, Dsv5 pay-as-you-go (estimate)",
        "USD",
        rates[0],
        rates[1],
        0,
        0,
        0.02,
        TAKEN_ON,
        "Estimate. CPU and memory: D4s v5 (4 vCPU, 16 GiB), Linux pay-as-you-go in East US,"
            + " 0.192 USD per hour, split into core and GiB prices in OpenCost's ratio;"
            + " https://azure.microsoft.com/pricing/details/virtual-machines/linux/. Kafka: 0,"
            + " Event Hubs (its Kafka endpoint) bills throughput or processing units and events,"
            + " not bytes; put in your own price per GB to count it. Checkpoints: Blob Storage hot"
            + " LRS, rounded to 0.02 USD per GB-month;"
            + " https://azure.microsoft.com/pricing/details/storage/blobs/."
            + CHECK,
        true);
  }
}
