package dev.streamwright.runtime.codec;

import java.util.Arrays;

/** Turns character offsets of a text into 1-based lines and columns, as an editor counts them. */
final class TextLines {

  private final int[] starts;

  TextLines(String text) {
    int[] found = new int[16];
    int count = 0;
    found[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak =
          c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
      if (lineBreak) {
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(found, count);
  }

  JsonDocument.Place place(int offset) {
    int index = Arrays.binarySearch(starts, offset);
    int line = index >= 0 ? index : -index - 2;
    return new JsonDocument.Place(line + 1, offset - starts[line] + 1);
  }
}
