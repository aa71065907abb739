package dev.streamwright.monitor.drift.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.streamwright.monitor.drift.CategoricalProfile;
import dev.streamwright.monitor.drift.ColumnProfile;
import dev.streamwright.monitor.drift.NumericProfile;
import dev.streamwright.monitor.drift.ProfileOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reference profiles from a file of rows: CSV with a header line ({@code .csv}), or JSON lines, one
 * object per line ({@code .jsonl}, {@code .ndjson}, {@code .json}). A column is numeric when every
 * value that is not empty or null is a number (in CSV, text Java reads as a double; in JSON, a
 * number), else categorical; an empty CSV field, a JSON null or a missing key is a missing value. A
 * bad file is refused with its line and column named.
 */
public final class ReferenceFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceFiles() {}

  /** A file of rows that cannot become references: says which file, line and column. */
  public static final class BadReferenceFile extends Exception {
    private static final long serialVersionUID = 1L;

    BadReferenceFile(String message) {
      super(message);
    }
  }

  /**
   * The reference profile of each of the wanted columns in a file of rows.
   *
   * @param file the rows
   * @param columns the columns wanted; empty for every column of the file
   * @return profiles by column, in the file's order
   * @throws BadReferenceFile naming the file, line and column of the problem
   */
  public static Map<String, ColumnProfile> read(
      Path file, Collection<String> columns, ProfileOptions options) throws BadReferenceFile {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    Map<String, List<Object>> values;
    try {
      values = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(file) : jsonLines(file, name);
    } catch (NoSuchFileException e) {
      throw new BadReferenceFile("Reference file " + file + " does not exist.");
    } catch (IOException e) {
      throw new BadReferenceFile("Cannot read reference file " + file + ": " + e.getMessage());
    }
    if (values.isEmpty()) {
      throw new BadReferenceFile(
          "Reference file "
              + file
              + " has no rows: give a CSV file with a header line and rows,"
              + " or JSON lines.");
    }
    Map<String, ColumnProfile> out = new LinkedHashMap<>();
    List<String> wanted =
        columns.isEmpty() ? new ArrayList<>(values.keySet()) : List.copyOf(columns);
    for (String column : wanted) {
      List<Object> v = values.get(column);
      if (v == null) {
        throw new BadReferenceFile(
            "Reference file "
                + file
                + " has no column '"
                + column
                + "'; its columns are "
                + String.join(", ", values.keySet())
                + ".");
      }
      out.put(column, profile(file, column, v, options));
    }
    return out;
  }

  private static ColumnProfile profile(
      Path file, String column, List<Object> values, ProfileOptions options)
      throws BadReferenceFile {
    boolean numeric = values.stream().allMatch(v -> v == null || v instanceof Double);
    if (numeric) {
      double[] d = values.stream().mapToDouble(v -> v == null ? Double.NaN : (Double) v).toArray();
      if (java.util.Arrays.stream(d).noneMatch(Double::isFinite)) {
        throw new BadReferenceFile(
            "Column '" + column + "' of " + file + " has no value: every row leaves it empty.");
      }
      return NumericProfile.reference(d, options);
    }
    List<String> s = new ArrayList<>(values.size());
    for (Object v : values) {
      s.add(v == null ? null : v instanceof Double x ? number(x) : v.toString());
    }
    return CategoricalProfile.reference(s, options);
  }

  private static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  private static Map<String, List<Object>> csv(Path file) throws IOException, BadReferenceFile {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    Map<String, List<Object>> out = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(in)) {
      if (!rows.hasNext()) {
        return out;
      }
      String[] header = rows.next();
      for (int i = 0; i < header.length; i++) {
        String h = header[i].strip();
        if (h.isEmpty() || out.containsKey(h)) {
          throw new BadReferenceFile(
              file
                  + " line 1: column "
                  + (i + 1)
                  + " of the header is "
                  + (h.isEmpty() ? "empty" : "'" + h + "' again")
                  + "; name every column once.");
        }
        out.put(h, new ArrayList<>());
      }
      List<List<Object>> cols = new ArrayList<>(out.values());
      int line = 1;
      while (rows.hasNext()) {
        String[] row;
        try {
          row = rows.next();
        } catch (RuntimeException e) {
          throw new BadReferenceFile(
              file + " line " + (line + 1) + " is not CSV: " + e.getMessage());
        }
        line++;
        if (row.length == 1 && row[0].isBlank()) {
          continue;
        }
        if (row.length != header.length) {
          throw new BadReferenceFile(
              file
                  + " line "
                  + line
                  + ": "
                  + row.length
                  + " fields where the header has "
                  + header.length
                  + "; quote fields that contain commas.");
        }
        for (int i = 0; i < row.length; i++) {
          cols.get(i).add(csvValue(row[i]));
        }
      }
    }
    return out;
  }

  private static Object csvValue(String field) {
    String f = field.strip();
    if (f.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(f);
    } catch (NumberFormatException e) {
      return f;
    }
  }

  private static Map<String, List<Object>> jsonLines(Path file, String name)
      throws IOException, BadReferenceFile {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, List<Object>> out = new LinkedHashMap<>();
    int rows = 0;
    for (int n = 0; n < lines.size(); n++) {
      String text = lines.get(n).strip();
      if (text.isEmpty()) {
        continue;
      }
      JsonNode row;
      try {
        row = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new BadReferenceFile(
            name
                + " line "
                + (n + 1)
                + " is not JSON ("
                + e.getOriginalMessage()
                + "); write one JSON object per line, or a CSV file with a .csv name.");
      }
      if (!row.isObject()) {
        throw new BadReferenceFile(
            name + " line " + (n + 1) + " is not a JSON object; write one object per line.");
      }
      for (var it = row.fields(); it.hasNext(); ) {
        var f = it.next();
        JsonNode v = f.getValue();
        if (!v.isNull() && !v.isValueNode()) {
          throw new BadReferenceFile(
              name
                  + " line "
                  + (n + 1)
                  + ", column '"
                  + f.getKey()
                  + "': a nested value; give numbers or text.");
        }
        List<Object> col = out.computeIfAbsent(f.getKey(), k -> new ArrayList<>());
        while (col.size() < rows) {
          col.add(null); // absent from earlier rows
        }
        col.add(v.isNull() ? null : v.isNumber() ? (Object) v.asDouble() : v.asText());
      }
      rows++;
      for (List<Object> col : out.values()) {
        while (col.size() < rows) {
          col.add(null);
        }
      }
    }
    return out;
  }
}
