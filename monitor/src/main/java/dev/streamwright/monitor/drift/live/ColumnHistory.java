package dev.streamwright.monitor.drift.live;

import dev.streamwright.plugin.onnx.tap.TapWindow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the monitor keeps of one tapped column: the subtasks' windows merged by window start, the
 * last {@value #VIEW_WINDOWS} closed windows (whose merge is the sliding 15-minute view), and the
 * windows before them merged into blocks of {@value #VIEW_WINDOWS}, of which the last {@value
 * #HOUR_BLOCKS} are kept, so that "the last hour" (the view plus those blocks: 46 to 60 windows)
 * can become a reference. Memory is bounded: at most {@value #VIEW_WINDOWS} window samples of
 * {@value #WINDOW_SAMPLE} values and {@value #HOUR_BLOCKS} + 1 block samples of {@value
 * #BLOCK_SAMPLE} values per numeric column.
 *
 * <p>A window is complete when every subtask that ever reported the column has reported it or a
 * later one; a subtask's window that arrives after its window left the kept ones is dropped, and a
 * subtask's window is merged once however often it is read.
 */
public final class ColumnHistory {

  /** Closed windows kept: the sliding view. */
  public static final int VIEW_WINDOWS = 15;

  /** Blocks of older windows kept for "the last hour". */
  public static final int HOUR_BLOCKS = 3;

  /** Values a merged window keeps: a tap's window sample. */
  public static final int WINDOW_SAMPLE = 2_000;

  /** Values the sliding view and the hour keep: a reference's sample. */
  public static final int VIEW_SAMPLE = 10_000;

  /** Values a block of older windows keeps. */
  public static final int BLOCK_SAMPLE = VIEW_SAMPLE / (HOUR_BLOCKS + 1);

  private final long seed;

  /** Open and closed windows by start, each with the subtasks merged into it. */
  private final TreeMap<Long, Merging> windows = new TreeMap<>();

  /** The last start each subtask reported. */
  private final Map<String, Long> lastBySubtask = new HashMap<>();

  /** Full blocks, newest first, and the block being filled. */
  private final Deque<ColumnSummary> blocks = new ArrayDeque<>();

  private ColumnSummary filling;
  private int fillingWindows;
  private long length;
  private String kindProblem = "";

  private record Merging(ColumnSummary summary, Set<String> subtasks) {}

  /**
   * @param seed seed of the sample merges
   */
  public ColumnHistory(long seed) {
    this.seed = seed;
  }

  /**
   * Adds a subtask's last closed window.
   *
   * @param subtask the subtask's index as Flink names it
   * @param window its window
   * @return whether the window was new (not read before)
   */
  public boolean add(String subtask, TapWindow window) {
    Long last = lastBySubtask.get(subtask);
    if (last != null && window.start() <= last) {
      return false;
    }
    lastBySubtask.put(subtask, window.start());
    if (length != 0 && window.length() != length) {
      // The tap's window length changed (a redeploy): start over.
      windows.clear();
      blocks.clear();
      filling = null;
      fillingWindows = 0;
    }
    length = window.length();
    if (!windows.isEmpty() && window.start() < windows.firstKey()) {
      return false; // its window already left the view
    }
    Merging m =
        windows.computeIfAbsent(
            window.start(),
            s -> new Merging(ColumnSummary.of(window, WINDOW_SAMPLE, seed ^ s), new HashSet<>()));
    if (!m.summary().accepts(window)) {
      kindProblem =
          "the tap sent a "
              + (m.summary() instanceof NumericSummary ? "categorical" : "numeric")
              + " window for a "
              + m.summary().kind()
              + " column";
      return false;
    }
    if (m.subtasks().add(subtask)) {
      m.summary().add(window);
    }
    evict();
    return true;
  }

  /** Moves windows past the view into the blocks, and forgets blocks past the hour. */
  private void evict() {
    Long complete = lastComplete();
    while (windows.size() > VIEW_WINDOWS && (complete == null || windows.firstKey() < complete)) {
      ColumnSummary oldest = windows.pollFirstEntry().getValue().summary();
      if (filling == null) {
        filling = blockOf(oldest);
      }
      filling.add(oldest);
      if (++fillingWindows == VIEW_WINDOWS) {
        blocks.addFirst(filling);
        filling = null;
        fillingWindows = 0;
        while (blocks.size() > HOUR_BLOCKS) {
          blocks.removeLast();
        }
      }
    }
  }

  private ColumnSummary blockOf(ColumnSummary like) {
    return like instanceof NumericSummary
        ? new NumericSummary(BLOCK_SAMPLE, seed * 31 + blocks.size())
        : new CategoricalSummary(CategoricalSummary.DEFAULT_LIMIT);
  }

  /** The start of the newest window every subtask reported, if any. */
  public Long lastComplete() {
    Long complete = null;
    for (long start : lastBySubtask.values()) {
      complete = complete == null ? start : Math.min(complete, start);
    }
    if (complete == null) {
      return null;
    }
    Long key = windows.floorKey(complete);
    return key;
  }

  /** The window length in milliseconds, 0 before the first window. */
  public long length() {
    return length;
  }

  /** Subtasks that reported this column. */
  public int subtasks() {
    return lastBySubtask.size();
  }

  /** A window sent with the other kind than the column's, or empty. */
  public String problem() {
    return kindProblem;
  }

  /** The last complete window, merged over the subtasks. */
  public Optional<Window> lastWindow() {
    Long start = lastComplete();
    if (start == null) {
      return Optional.empty();
    }
    Merging m = windows.get(start);
    return Optional.of(new Window(start, length, 1, m.summary()));
  }

  /** The sliding view: the merge of the complete windows kept, up to the last complete one. */
  public Optional<Window> view() {
    Long last = lastComplete();
    if (last == null) {
      return Optional.empty();
    }
    ColumnSummary merged = null;
    int n = 0;
    long first = last;
    for (Map.Entry<Long, Merging> e : windows.headMap(last, true).entrySet()) {
      ColumnSummary s = e.getValue().summary();
      if (merged == null) {
        merged = fresh(s, VIEW_SAMPLE, last);
        first = e.getKey();
      }
      merged.add(s);
      n++;
    }
    return Optional.of(new Window(first, last + length - first, n, merged));
  }

  /**
   * The last hour: the view's windows and the kept blocks before them (between 46 and 60 windows
   * once an hour has passed, fewer before).
   */
  public Optional<Window> lastHour() {
    Optional<Window> view = view();
    if (view.isEmpty()) {
      return Optional.empty();
    }
    ColumnSummary merged = fresh(view.get().summary(), VIEW_SAMPLE, ~view.get().start());
    merged.add(view.get().summary());
    int n = view.get().windows();
    long first = view.get().start();
    int usedBlocks = 0;
    if (filling != null) {
      merged.add(filling);
      n += fillingWindows;
      usedBlocks++;
    }
    for (Iterator<ColumnSummary> it = blocks.iterator();
        it.hasNext() && usedBlocks < HOUR_BLOCKS;
        usedBlocks++) {
      merged.add(it.next());
      n += VIEW_WINDOWS;
    }
    first = view.get().start() - (long) (n - view.get().windows()) * length;
    long end = view.get().start() + view.get().length();
    return Optional.of(new Window(first, end - first, n, merged));
  }

  private ColumnSummary fresh(ColumnSummary like, int sample, long salt) {
    return like instanceof NumericSummary
        ? new NumericSummary(sample, seed ^ salt)
        : new CategoricalSummary(CategoricalSummary.DEFAULT_LIMIT);
  }

  /**
   * A merge of consecutive windows.
   *
   * @param start the first window's start, epoch milliseconds
   * @param length from that start to the last window's end, milliseconds
   * @param windows windows merged
   * @param summary their merge
   */
  public record Window(long start, long length, int windows, ColumnSummary summary) {}
}
