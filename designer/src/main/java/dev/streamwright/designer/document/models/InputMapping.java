package dev.streamwright.designer.document.models;

import dev.streamwright.designer.document.models.ModelDetails.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Model score node's {@code inputs} property as the mapping editor sees it: the column picked for
 * each model input slot. It reads and writes the value format the node and the generic rows editor
 * use, a list of {@code {input, column}} records, where an {@code [N,k]} input is listed k times in
 * order.
 */
public final class InputMapping {

  private InputMapping() {}

  /**
   * The column each slot reads according to the stored value, or null where the value picks none (a
   * single-value slot then reads the column of its own name).
   */
  public static List<String> columns(List<Slot> slots, Object value) {
    Map<String, List<String>> listed = listed(value);
    List<String> out = new ArrayList<>();
    for (Slot slot : slots) {
      List<String> columns = listed.getOrDefault(slot.input(), List.of());
      String column = slot.index() < columns.size() ? columns.get(slot.index()) : null;
      out.add(column == null || column.isEmpty() ? null : column);
    }
    return out;
  }

  /**
   * The value for these picks (null per slot left at its default): one record per picked
   * single-value slot, and all k records of an {@code [N,k]} input once any of its values is
   * picked, so each value keeps its place (an unpicked one has no column, which the node reports).
   * Records of inputs the model does not have are kept from {@code previous}, so the node keeps
   * reporting them instead of the edit dropping them silently.
   *
   * @return the list of records, or null when nothing is mapped
   */
  public static List<Map<String, Object>> value(
      List<Slot> slots, List<String> picked, Object previous) {
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> inputs = new LinkedHashSet<>();
    slots.forEach(s -> inputs.add(s.input()));
    for (String input : inputs) {
      List<String> columns = new ArrayList<>();
      boolean matrix = false;
      for (int i = 0; i < slots.size(); i++) {
        if (slots.get(i).input().equals(input)) {
          columns.add(picked.get(i));
          matrix |= slots.get(i).matrix();
        }
      }
      if (columns.stream().allMatch(Objects::isNull)) {
        continue;
      }
      for (String column : matrix ? columns : columns.subList(0, 1)) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("input", input);
        if (column != null) {
          record.put("column", column);
        }
        out.add(record);
      }
    }
    if (previous instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && !inputs.contains(String.valueOf(m.get("input")).trim())) {
          Map<String, Object> copy = new LinkedHashMap<>();
          m.forEach((k, v) -> copy.put(String.valueOf(k), v));
          out.add(copy);
        }
      }
    }
    return out.isEmpty() ? null : out;
  }

  /** The columns the value lists per model input, in order; "" where a record has none. */
  private static Map<String, List<String>> listed(Object value) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("input") != null) {
          Object column = m.get("column");
          out.computeIfAbsent(String.valueOf(m.get("input")).trim(), k -> new ArrayList<>())
              .add(column == null ? "" : String.valueOf(column).trim());
        }
      }
    }
    return out;
  }
}
