package dev.streamwright.samples.models;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The card next to a sample model ({@code card.json}): what a Streamwright user, the drift panel
 * and the tests need to know about the model without opening the ONNX file. It names the inputs and
 * output with types, shapes and ranges, lists the weights, holds the reference profile of every
 * input and of the score, and gives example rows with the scores ONNX Runtime must reproduce.
 */
public final class ModelCard {

  /** Examples must match ONNX Runtime's scores this closely. */
  public static final double TOLERANCE = 1e-6;

  /** Example inputs are rounded to this many decimals, so that a reader can retype them. */
  private static final double EXAMPLE_SCALE = 1e4;

  /** Where, by score rank, the examples from the reference traffic are picked. */
  private static final double[] EXAMPLE_QUANTILES = {0, 0.5, 0.99, 1};

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelCard() {}

  /** The card of {@code sample}'s model, whose ONNX file holds {@code onnx}. */
  public static byte[] write(SampleModels sample, byte[] onnx) {
    LogisticModel model = sample.model();
    ReferenceTraffic traffic = sample.reference().get();
    ObjectNode card = JSON.createObjectNode();
    card.put("id", model.id());
    card.put("version", model.version());
    card.put("file", model.fileName());
    card.put("sha256", sha256(onnx));
    card.put("description", model.description());
    card.put("sample", model.sample());
    card.put("replacesPipelineNode", model.pipelineNode());
    card.put("placeholderFormula", model.formula());
    ObjectNode format = card.putObject("format");
    format.put("irVersion", OnnxWriter.IR_VERSION);
    format.put("opset", OnnxWriter.OPSET);
    format.put("producer", OnnxWriter.PRODUCER);
    format.put(
        "graph",
        "Concat(inputs, axis=1) -> "
            + (model.centersFeatures() ? "Sub(center) -> " : "")
            + "MatMul(weights) -> Add(bias) -> Sigmoid");
    format.put(
        "inputLayout",
        "one float tensor [N, 1] per feature, named as the pipeline column: columns bind to inputs"
            + " by name, and the drift profile of each input is the profile of that column");

    ArrayNode inputs = card.putArray("inputs");
    for (Feature f : model.features()) {
      ObjectNode in = inputs.addObject();
      in.put("name", f.name());
      in.put("elementType", "float32");
      shape(in);
      in.put("unit", f.unit());
      in.putArray("expectedRange").add(f.expectedMin()).add(f.expectedMax());
      in.put("description", f.description());
    }
    ObjectNode out = card.putObject("output");
    out.put("name", model.outputName());
    out.put("elementType", "float32");
    shape(out);
    out.putArray("range").add(0).add(1);
    out.put("meaning", model.outputMeaning());

    ObjectNode weights = card.putObject("weights");
    weights.put(
        "form",
        "score = 1 / (1 + exp(-(bias + sum of weight * (x - center)))); the ONNX initializers hold"
            + " these values rounded to float32");
    weights.put("bias", model.bias());
    ArrayNode perFeature = weights.putArray("features");
    for (Feature f : model.features()) {
      perFeature
          .addObject()
          .put("name", f.name())
          .put("weight", f.weight())
          .put("center", f.center());
    }

    card.set("referenceProfile", profiles(model, traffic));
    card.set("examples", examples(sample, traffic));
    return json(card);
  }

  private static void shape(ObjectNode value) {
    value.putArray("shape").add(OnnxWriter.BATCH).add(1);
  }

  private static ObjectNode profiles(LogisticModel model, ReferenceTraffic traffic) {
    ObjectNode reference = JSON.createObjectNode();
    ObjectNode source = reference.putObject("source");
    source.put("generator", traffic.generator());
    source.put("seed", traffic.seed());
    source.put("rate", traffic.rate());
    source.put("duration", traffic.durationText());
    source.put("scenario", "none (normal traffic only)");
    source.put("events", traffic.events());
    source.put("rows", traffic.rows().size());
    source.put("features", traffic.features());
    reference.put(
        "binning",
        "10 quantile bins: edge j (j = 1..9) is the value at 0-based rank floor(j * rows / 10) of"
            + " the sorted reference, the outer edges are min and max; bin i holds edges[i] <= x <"
            + " edges[i+1], the last bin also its upper edge; repeated edges are merged (discrete"
            + " columns get fewer bins); values outside [min, max] fall in underflow and overflow"
            + " bins, empty in the reference. std is the population standard deviation.");
    reference.put(
        "sample",
        "each column's sample holds its values in the same (at most) "
            + REFERENCE_SAMPLE
            + " reference rows, drawn uniformly without replacement (seeded with the traffic's"
            + " seed) and kept in row order, written as the shortest text of their float32; the"
            + " drift measures that compare values rather than bins (Kolmogorov-Smirnov,"
            + " Wasserstein) use it");
    ObjectNode columns = reference.putObject("columns");
    List<double[]> rows = traffic.rows();
    int[] picked = sampleRows(rows.size(), REFERENCE_SAMPLE, traffic.seed());
    for (int i = 0; i < model.features().size(); i++) {
      int column = i;
      double[] values = rows.stream().mapToDouble(r -> r[column]).toArray();
      ObjectNode profile = profile(FeatureProfile.of(values));
      sample(profile, values, picked);
      columns.set(model.features().get(i).name(), profile);
    }
    double[] scores = rows.stream().mapToDouble(model::score).toArray();
    ObjectNode output = profile(FeatureProfile.of(scores));
    sample(output, scores, picked);
    output.put("computedAs", "the placeholder formula in double precision on the reference rows");
    columns.set(model.outputName(), output);
    return reference;
  }

  /** Rows in a reference's sample: at most this many. */
  static final int REFERENCE_SAMPLE = 2_000;

  /** {@code k} distinct row indices of {@code n}, uniform (partial Fisher-Yates), ascending. */
  static int[] sampleRows(int n, int k, long seed) {
    int[] index = IntStream.range(0, n).toArray();
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int take = Math.min(k, n);
    for (int i = 0; i < take; i++) {
      int j = i + random.nextInt(n - i);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(index, take);
    java.util.Arrays.sort(out);
    return out;
  }

  private static void sample(ObjectNode profile, double[] values, int[] rows) {
    ArrayNode sample = profile.putArray("sample");
    for (int r : rows) {
      sample.add(new java.math.BigDecimal(Float.toString((float) values[r])));
    }
  }

  private static ObjectNode profile(FeatureProfile p) {
    ObjectNode node = JSON.createObjectNode();
    node.put("count", p.count());
    node.put("mean", p.mean());
    node.put("std", p.std());
    node.put("min", p.min());
    node.put("max", p.max());
    ArrayNode edges = node.putArray("edges");
    for (double e : p.edges()) {
      edges.add(e);
    }
    ArrayNode counts = node.putArray("counts");
    for (long c : p.counts()) {
      counts.add(c);
    }
    ArrayNode proportions = node.putArray("proportions");
    for (double share : p.proportions()) {
      proportions.add(share);
    }
    return node;
  }

  private static ObjectNode examples(SampleModels sample, ReferenceTraffic traffic) {
    LogisticModel model = sample.model();
    ObjectNode examples = JSON.createObjectNode();
    examples.put(
        "expectedOutputs",
        "each input rounded to float32, then the placeholder formula in double precision, the"
            + " score cast to float32");
    examples.put("tolerance", TOLERANCE);

    List<double[]> rows = traffic.rows();
    double[] scores = rows.stream().mapToDouble(model::score).toArray();
    List<Integer> byScore =
        IntStream.range(0, rows.size())
            .boxed()
            .sorted(Comparator.<Integer>comparingDouble(i -> scores[i]).thenComparing(i -> i))
            .toList();
    List<SampleModels.ScenarioRow> picked = new ArrayList<>();
    for (double q : EXAMPLE_QUANTILES) {
      int rank = (int) Math.min(rows.size() - 1, Math.floor(q * rows.size()));
      String label =
          q == 0
              ? "reference traffic, lowest score"
              : q == 1
                  ? "reference traffic, highest score"
                  : "reference traffic, score quantile " + q;
      picked.add(new SampleModels.ScenarioRow(label, rows.get(byScore.get(rank))));
    }
    picked.addAll(sample.scenarioRows());

    ArrayNode out = examples.putArray("rows");
    for (SampleModels.ScenarioRow row : picked) {
      ObjectNode example = out.addObject();
      example.put("source", row.source());
      ObjectNode in = example.putObject("inputs");
      double[] asFloat = new double[row.values().length];
      for (int i = 0; i < asFloat.length; i++) {
        double rounded = Math.round(row.values()[i] * EXAMPLE_SCALE) / EXAMPLE_SCALE;
        in.put(model.features().get(i).name(), rounded);
        asFloat[i] = (float) rounded;
      }
      example.put(model.outputName(), (float) model.score(asFloat));
    }
    return examples;
  }

  private static byte[] json(ObjectNode card) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      String text = JSON.writer(printer).writeValueAsString(card) + "\n";
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower-case hex SHA-256, as {@code sha256sum} prints it. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
