package dev.streamwright.runtime.compile;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the known name a misspelled one most likely meant, for "did you mean" hints. */
public final class NameSuggestions {

  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private NameSuggestions() {}

  /**
   * The known name closest to {@code typed}, if it is close enough to be a slip: names are compared
   * without case and without separators (so {@code bootstrap.servers} finds {@code
   * bootstrapServers}); a third of the shorter name's letters may differ (two for short names, one
   * for names of three letters or fewer), or one name may contain the other. Ties go to the name
   * listed first.
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String t = normalize(typed);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : known) {
      String k = normalize(name);
      int distance = DISTANCE.apply(t, k);
      int shorter = Math.min(t.length(), k.length());
      int allowed = shorter <= 3 ? 1 : Math.max(2, shorter / 3);
      boolean close = distance <= allowed || (shorter >= 4 && (k.contains(t) || t.contains(k)));
      if (close && distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
