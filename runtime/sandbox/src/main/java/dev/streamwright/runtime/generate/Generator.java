package dev.streamwright.runtime.generate;

import java.util.Iterator;

/**
 * A seeded source of events. {@link #events()} returns a fresh iterator over the complete run each
 * time it is called; the same configuration (seed, rate, duration, start, scenario) yields the same
 * events, byte for byte. Events come in emit order ({@link Event#offset()} non-decreasing); event
 * times are in order too, except for events a {@code late} step delayed.
 */
public interface Generator {

  /** A short name, e.g. {@code fraud-transactions}. */
  String name();

  /** The topic the sample reads, e.g. {@code transactions}. */
  String topic();

  GeneratorConfig config();

  Iterator<Event> events();
}
