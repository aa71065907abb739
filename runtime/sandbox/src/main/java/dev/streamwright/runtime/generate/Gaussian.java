package dev.streamwright.runtime.generate;

import java.util.SplittableRandom;

/** Standard normal numbers for the generators (SplittableRandom has no nextGaussian in Java 17). */
final class Gaussian {

  private Gaussian() {}

  /** One standard normal draw by Box-Muller; consumes exactly two doubles of {@code rng}. */
  static double next(SplittableRandom rng) {
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
