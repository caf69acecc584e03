package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

import io.github.imagearray.TestImages;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * An independent, brute-force reference for the statistics: moments in 60-digit decimal
 * arithmetic from the exact binary values, median and percentiles from a full sort with numpy's
 * formulas written out, histogram bins found by scanning the edges.
 */
final class ReferenceStatistics {

	private static final MathContext MC = new MathContext(60);

	long count, nan, posInf, negInf;
	double mean = Double.NaN, variance = Double.NaN, skewness = Double.NaN, kurtosis = Double.NaN;
	double median = Double.NaN, min = Double.NaN, max = Double.NaN;
	double[] percentiles = new double[Statistics.PERCENTILES.length];
	long[] counts;
	double[] edges;
	/** The finite values, sorted: what the histogram bins. */
	private double[] finite;

	static double[] values(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return TestImages.values(image);
	}

	static ReferenceStatistics of(final double[] data, final int bins) {
		final ReferenceStatistics r = new ReferenceStatistics();
		final double[] sorted = Arrays.stream(data).filter(v -> !Double.isNaN(v)).sorted().toArray();
		final double[] finite = Arrays.stream(sorted).filter(Double::isFinite).toArray();
		r.nan = data.length - sorted.length;
		r.posInf = Arrays.stream(sorted).filter(v -> v == Double.POSITIVE_INFINITY).count();
		r.negInf = Arrays.stream(sorted).filter(v -> v == Double.NEGATIVE_INFINITY).count();
		r.count = sorted.length;
		Arrays.fill(r.percentiles, Double.NaN);
		if (r.count > 0) {
			r.min = sorted[0];
			r.max = sorted[sorted.length - 1];
			final int n = sorted.length;
			final double a = sorted[(n - 1) / 2], b = sorted[n / 2];
			r.median = a == b ? a : (a + b) / 2;
			for (int i = 0; i < r.percentiles.length; i++)
				r.percentiles[i] = numpyPercentile(sorted, Statistics.PERCENTILES[i]);
		}
		if (finite.length > 0) moments(r, finite);
		if (r.posInf > 0 || r.negInf > 0) {
			r.variance = r.skewness = r.kurtosis = Double.NaN;
			r.mean = r.posInf > 0 && r.negInf > 0 ? Double.NaN : r.posInf > 0 ? Double.POSITIVE_INFINITY
				: Double.NEGATIVE_INFINITY;
		}
		r.finite = finite;
		histogram(r, finite, bins);
		return r;
	}

	/**
	 * @return the same reference with a histogram of {@code bins} bins: every other statistic is
	 *         independent of the bins, and is not computed again
	 */
	ReferenceStatistics withBins(final int bins) {
		final ReferenceStatistics r = new ReferenceStatistics();
		r.count = count;
		r.nan = nan;
		r.posInf = posInf;
		r.negInf = negInf;
		r.mean = mean;
		r.variance = variance;
		r.skewness = skewness;
		r.kurtosis = kurtosis;
		r.median = median;
		r.min = min;
		r.max = max;
		r.percentiles = percentiles.clone();
		r.finite = finite;
		histogram(r, finite, bins);
		return r;
	}

	/** @param finite sorted: equal values, which stand side by side, are taken once with their count */
	private static void moments(final ReferenceStatistics r, final double[] finite) {
		final BigDecimal n = BigDecimal.valueOf(finite.length);
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0, run; i < finite.length; i += run) {
			run = run(finite, i);
			sum = sum.add(new BigDecimal(finite[i]).multiply(BigDecimal.valueOf(run)));
		}
		final BigDecimal mean = sum.divide(n, MC);
		BigDecimal m2 = BigDecimal.ZERO, m3 = BigDecimal.ZERO, m4 = BigDecimal.ZERO;
		for (int i = 0, run; i < finite.length; i += run) {
			run = run(finite, i);
			final BigDecimal count = BigDecimal.valueOf(run);
			final BigDecimal d = new BigDecimal(finite[i]).subtract(mean, MC);
			final BigDecimal d2 = d.multiply(d, MC);
			m2 = m2.add(d2.multiply(count, MC), MC);
			m3 = m3.add(d2.multiply(d, MC).multiply(count, MC), MC);
			m4 = m4.add(d2.multiply(d2, MC).multiply(count, MC), MC);
		}
		m2 = m2.divide(n, MC);
		m3 = m3.divide(n, MC);
		m4 = m4.divide(n, MC);
		r.mean = mean.doubleValue();
		r.variance = m2.doubleValue();
		if (m2.signum() > 0) {
			BigDecimal sd = new BigDecimal(Math.sqrt(m2.doubleValue()));
			sd = sd.add(m2.divide(sd, MC), MC).divide(BigDecimal.valueOf(2), MC); // one Newton step
			r.skewness = m3.divide(m2.multiply(sd, MC), MC).doubleValue();
			r.kurtosis = m4.divide(m2.multiply(m2, MC), MC).subtract(BigDecimal.valueOf(3)).doubleValue();
		}
	}

	/** @return how many values from {@code from} on equal the one there */
	private static int run(final double[] sorted, final int from) {
		int to = from + 1;
		while (to < sorted.length && sorted[to] == sorted[from])
			to++;
		return to - from;
	}

	/**
	 * numpy.percentile, method 'linear', written out from numpy's _quantile and _lerp; where an
	 * infinite neighbour would give inf - inf, the documented limit instead.
	 */
	static double numpyPercentile(final double[] sorted, final double p) {
		final int n = sorted.length;
		final double virtual = (n - 1) * (p / 100);
		final int previous = (int) Math.floor(virtual);
		if (virtual >= n - 1) return sorted[n - 1];
		final double gamma = virtual - previous;
		final double a = sorted[previous], b = sorted[previous + 1];
		if (gamma == 0 || a == b) return a;
		final double diff = b - a;
		if (Double.isInfinite(a) || Double.isInfinite(b)) return Double.isInfinite(b) ? b : a;
		return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
	}

	private static void histogram(final ReferenceStatistics r, final double[] finite, final int bins) {
		double lo = 0, hi = 1;
		if (finite.length > 0) {
			lo = finite[0];
			hi = finite[finite.length - 1];
			if (lo == hi) {
				lo -= 0.5;
				hi += 0.5;
			}
		}
		r.edges = new double[bins + 1];
		final double step = (hi - lo) / bins;
		for (int i = 0; i < bins; i++)
			r.edges[i] = i * step + lo;
		r.edges[bins] = hi;
		r.counts = new long[bins];
		for (final double v : finite) {
			// the last edge <= v, by bisection; the last bin is closed
			int low = 0, high = bins;
			while (high - low > 1) {
				final int mid = (low + high) >>> 1;
				if (r.edges[mid] <= v) low = mid;
				else high = mid;
			}
			r.counts[low]++;
		}
	}

	/** Asserts that {@code s} agrees with this reference within the tolerances of issue #2. */
	void assertAgrees(final Statistics s) {
		assertEquals(count, s.count(), "count");
		assertEquals(nan, s.nanCount(), "nan count");
		assertEquals(posInf, s.posInfCount(), "+inf count");
		assertEquals(negInf, s.negInfCount(), "-inf count");
		assertClose(mean, s.mean(), 1e-12, 0, "mean");
		assertClose(variance, s.variance(), 1e-12, 0, "variance");
		assertClose(Math.sqrt(variance), s.standardDeviation(), 1e-12, 0, "standard deviation");
		assertClose(skewness, s.skewness(), 1e-9, 1e-7, "skewness");
		assertClose(kurtosis, s.kurtosis(), 1e-9, 1e-7, "kurtosis");
		assertEquals(median, s.median(), 0, "median");
		assertEquals(min, s.minimum(), 0, "minimum");
		assertEquals(max, s.maximum(), 0, "maximum");
		for (int i = 0; i < percentiles.length; i++)
			assertEquals(percentiles[i], s.percentile(Statistics.PERCENTILES[i]), 0, "percentile " +
				Statistics.PERCENTILES[i]);
		assertArrayEquals(edges, s.histogram().edges(), "histogram edges");
		assertArrayEquals(counts, s.histogram().counts(), "histogram counts");
	}

	static void assertClose(final double expected, final double actual, final double relative,
		final double absolute, final String what)
	{
		if (Double.isNaN(expected) || Double.isInfinite(expected)) {
			assertEquals(expected, actual, 0, what);
			return;
		}
		final double tolerance = Math.max(absolute, relative * Math.abs(expected));
		assertEquals(expected, actual, tolerance, what);
	}
}
