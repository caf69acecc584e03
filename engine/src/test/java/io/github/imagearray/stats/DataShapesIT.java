package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.imglib2.img.array.ArrayImgs;

/**
 * The shapes of real float32 volumes that strain the engine: a large share of voxels at one value
 * (CT air, padding) that holds the median and several percentiles, several such atoms, far
 * outliers at one or both ends (which cancel in the mean), all values within a few floats, values
 * over many orders of magnitude, and all-negative data; in spatially coherent order and shuffled.
 * Each is compared with the brute-force {@link ReferenceStatistics} (a sorted copy for median and
 * every percentile, every histogram count against the edges, the moments in 60-digit arithmetic,
 * the mean to 1e-12), and the results must be bit-identical with one and two threads. Two million
 * voxels: more than are ranked by sorting, enough for a bulk between outliers and for hot digits.
 */
class DataShapesIT {

	private static final int SIZE = 128;

	@ParameterizedTest
	@CsvSource({ "phantom, false", "ct-air, false", "ct-air, true", "atoms, false", "atoms, true",
		"outliers, false", "ct-air-outliers, false", "steps, false", "hot-pixels, false", "narrow, false", "narrow, true", "negative-narrow, true",
		"lognormal, true", "negative-lognormal, true" })
	void everyShapeIsExactAndTheSameWithAnyThreads(final String shape, final boolean shuffled) {
		final float[] voxels = shape(shape, shuffled);
		final double[] values = new double[voxels.length];
		for (int i = 0; i < voxels.length; i++)
			values[i] = voxels[i];
		// the moments in 60-digit arithmetic take most of the time: once for both numbers of bins
		final ReferenceStatistics reference = ReferenceStatistics.of(values, 255);
		for (final int bins : new int[] { 255, 7 }) {
			final StatisticsCalculator calculator = new StatisticsCalculator().bins(bins);
			final Statistics one = calculator.threads(1).compute(ArrayImgs.floats(voxels, SIZE, SIZE, SIZE));
			final Statistics two = calculator.threads(2).compute(ArrayImgs.floats(voxels, SIZE, SIZE, SIZE));
			reference.withBins(bins).assertAgrees(one);
			assertEquals(one.describe(), two.describe(), shape + ": the same with one and two threads");
			assertEquals(one.histogram(), two.histogram(), shape + ": the same histogram with one and two threads");
			for (final double p : Statistics.PERCENTILES)
				assertEquals(one.percentile(p), two.percentile(p), 0, shape + ": percentile " + p);
		}
	}

	/**
	 * The 64-bit paths share the cause of a poor mean: far outliers that cancel must not round away
	 * the other voxels in the plain sums.
	 */
	@ParameterizedTest
	@CsvSource({ "outliers, float64", "hot-pixels, float64", "ct-air, float64", "outliers, int64" })
	void sixtyFourBitOutliersLeaveTheMeanExact(final String shape, final String type) {
		final float[] voxels = shape(shape, false);
		final double[] values = new double[voxels.length];
		final long[] longs = new long[voxels.length];
		for (int i = 0; i < voxels.length; i++) {
			// whole numbers: the phantom in thousandths, the outliers at +-2^60
			longs[i] = Math.abs(voxels[i]) == 1e30f ? (long) Math.signum(voxels[i]) << 60 : Math.round(voxels[i] * 1000.0);
			values[i] = type.equals("int64") ? longs[i] : voxels[i];
		}
		final Statistics s = type.equals("int64") ? new StatisticsCalculator().compute(ArrayImgs.longs(longs, SIZE, SIZE,
			SIZE)) : new StatisticsCalculator().compute(ArrayImgs.doubles(values, SIZE, SIZE, SIZE));
		ReferenceStatistics.of(values, s.histogram().counts().length).assertAgrees(s);
	}

	/** @return the voxels of a shape, z slowest, from a fixed seed */
	static float[] shape(final String shape, final boolean shuffled) {
		final SplittableRandom random = new SplittableRandom(shape.hashCode());
		final float[] v = new float[SIZE * SIZE * SIZE];
		for (int z = 0, i = 0; z < SIZE; z++)
			for (int y = 0; y < SIZE; y++)
				for (int x = 0; x < SIZE; x++, i++) {
					final double r = Math.sqrt(sq(x - SIZE / 2) + sq(y - SIZE / 2) + sq(z - SIZE / 2)) / (SIZE / 2);
					final double noise = gaussian(random) * 0.05;
					v[i] = value(shape, r, noise, random);
				}
		if (shape.endsWith("outliers") || shape.equals("hot-pixels")) for (int k = 0; k < 100; k++)
			v[random.nextInt(v.length)] = shape.equals("hot-pixels") || k % 2 == 0 ? 1e30f : -1e30f;
		if (shuffled) for (int i = v.length - 1; i > 0; i--) {
			final int j = random.nextInt(i + 1);
			final float t = v[i];
			v[i] = v[j];
			v[j] = t;
		}
		return v;
	}

	private static float value(final String shape, final double r, final double noise, final SplittableRandom random) {
		// a head: 1 inside the inner ball, 0.2 in the shell, 0 outside
		final double density = r < 0.7 ? 0.2 : r < 0.8 ? 1 : 0;
		switch (shape) {
			case "ct-air":
			case "ct-air-outliers":
				// about 73 % outside the head: air at exactly -1024
				return r < 0.8 ? (float) ((density + noise) * 1000 - 1000) : -1024;
			case "atoms":
				// air, water and a saturated detector, each a share of the voxels, and tissue between
				if (r >= 0.9) return -1024;
				if (r >= 0.75) return 0;
				return r < 0.3 ? 3071 : (float) ((density + noise) * 1000);
			case "steps":
				// runs of whole numbers 0 to 7: with 7 bins, each on a bin edge
				return Math.min(7, (int) (r * 8));
			case "narrow":
				return Math.nextUp(1000f) + random.nextInt(16) * Math.ulp(1000f);
			case "negative-narrow":
				return -1000f - random.nextInt(16) * Math.ulp(1000f);
			case "lognormal":
				return (float) Math.exp(3 * gaussian(random));
			case "negative-lognormal":
				return (float) -Math.exp(3 * gaussian(random));
			default:
				return (float) (density + noise);
		}
	}

	/** Box-Muller: a standard normal from two uniforms (Java 8 has no nextGaussian here). */
	private static double gaussian(final SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	private static double sq(final double d) {
		return d * d;
	}
}
