package io.github.imagearray.stats;

import java.util.Arrays;
import java.util.stream.DoubleStream;
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
	/** The most percentiles one computation takes, {@link #PERCENTILES} included. */
	static final int MAX_PERCENTILES = 64;

	private Quantiles() {
	}

	/** The most ranks that {@link #ranks} wants: two for the median, two for each percentile. */
	static final int MAX_RANKS = 2 + 2 * MAX_PERCENTILES;

	/**
	 * @param extra percentiles wanted beyond {@link #PERCENTILES}, each from 0 to 100
	 * @return the sorted distinct union of both
	 * @throws IllegalArgumentException naming a percentile out of range, or too many of them
	 */
	static double[] withDefaults(final double... extra) {
		for (final double p : extra)
			if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("Percentiles must be from 0 to 100, not " + p +
				".");
		final double[] all = DoubleStream.concat(Arrays.stream(PERCENTILES), Arrays.stream(extra))
			.map(p -> p + 0.0).distinct().sorted().toArray();
		if (all.length > MAX_PERCENTILES) throw new IllegalArgumentException("At most " + MAX_PERCENTILES +
			" percentiles can be computed at once, not " + all.length + ".");
		return all;
	}

	/**
	 * @param percentiles the percentiles wanted
	 * @return the sorted distinct 0-based ranks needed for the median and those percentiles
	 */
	static long[] ranks(final long n, final double[] percentiles) {
		if (n == 0) return new long[0];
		final long[] ranks = new long[2 + 2 * percentiles.length];
		ranks[0] = (n - 1) / 2;
		ranks[1] = n / 2;
		for (int i = 0; i < percentiles.length; i++) {
			final long lower = (long) Math.floor(virtualIndex(n, percentiles[i]));
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
