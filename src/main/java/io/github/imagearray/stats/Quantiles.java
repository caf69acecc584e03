package io.github.imagearray.stats;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;

/**
 * Median and percentiles as numpy computes them from order statistics: the median is the middle
 * value, or the mean of the two middle values for an even count ({@code numpy.median}); a
 * percentile p uses the virtual index {@code h = (n - 1) * (p / 100)} and interpolates linearly
 * between the values of rank {@code floor(h)} and {@code floor(h) + 1} with numpy's
 * {@code _lerp} ({@code numpy.percentile}, method "linear"). Where numpy's formula would turn an
 * infinite neighbour into NaN ({@code inf - inf}) the limit is returned instead: the value itself
 * where h is a whole number, else the infinity approached. Used when the plan finishes.
 */
final class Quantiles {

	/** The percentiles every statistics result carries. */
	static final double[] PERCENTILES = { 1, 5, 25, 75, 95, 99 };

	private Quantiles() {
	}

	/** The most ranks that {@link #ranks} wants: two for the median, two for each percentile. */
	static final int MAX_RANKS = 2 + 2 * PERCENTILES.length;

	/** @return the sorted distinct 0-based ranks needed for the median and {@link #PERCENTILES} */
	static long[] ranks(final long n) {
		if (n == 0) return new long[0];
		final long[] ranks = new long[MAX_RANKS];
		ranks[0] = (n - 1) / 2;
		ranks[1] = n / 2;
		for (int i = 0; i < PERCENTILES.length; i++) {
			final long lower = (long) Math.floor(virtualIndex(n, PERCENTILES[i]));
			ranks[2 + 2 * i] = lower;
			ranks[3 + 2 * i] = Math.min(lower + 1, n - 1);
		}
		return Arrays.stream(ranks).distinct().sorted().toArray();
	}

	/** @return the median of n values, given the value of each rank */
	static double median(final long n, final LongToDoubleFunction valueOfRank) {
		if (n == 0) return Double.NaN;
		final double a = valueOfRank.applyAsDouble((n - 1) / 2);
		final double b = valueOfRank.applyAsDouble(n / 2);
		if (a == b) return a;
		final double mean = (a + b) / 2;
		return Double.isInfinite(mean) && Double.isFinite(a) && Double.isFinite(b) ? a / 2 + b / 2 : mean;
	}

	/** @return percentile p of n values, given the value of each rank */
	static double percentile(final long n, final double p, final LongToDoubleFunction valueOfRank) {
		if (n == 0) return Double.NaN;
		final double h = virtualIndex(n, p);
		final long lower = (long) Math.floor(h);
		final double t = h - lower;
		final double a = valueOfRank.applyAsDouble(lower);
		if (t == 0 || lower + 1 >= n) return a;
		final double b = valueOfRank.applyAsDouble(lower + 1);
		if (a == b) return a;
		final double diff = b - a;
		if (Double.isInfinite(b)) return a + diff * t;
		if (Double.isInfinite(a)) return b - diff * (1 - t);
		return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
	}

	private static double virtualIndex(final long n, final double p) {
		return (n - 1) * (p / 100);
	}
}
