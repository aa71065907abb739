/**
 * Seeded, scripted data generators for the samples: a {@link
 * dev.streamwright.runtime.generate.Generator} produces {@link
 * dev.streamwright.runtime.generate.Event}s in emit order from a seed, a rate, a duration and a
 * {@link dev.streamwright.runtime.generate.Scenario}; a {@link
 * dev.streamwright.runtime.generate.GeneratorRun} paces them to the wall clock (scenario time
 * compressed by a speed factor) into an {@link dev.streamwright.runtime.generate.EventSink}.
 */
package dev.streamwright.runtime.generate;
