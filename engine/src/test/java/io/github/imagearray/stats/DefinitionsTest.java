package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;

/** Hand-computed cases for every definition, and the edge cases of issue #2. */
class DefinitionsTest {

	private static Statistics of(final double... values) {
		return new StatisticsCalculator().compute(ArrayImgs.doubles(values, values.length));
	}

	@Test
	void evenCountMomentsMedianAndPercentiles() {
		final Statistics s = of(4, 1, 3, 2);
		assertEquals(2.5, s.mean(), 0);
		assertEquals(2.5, s.median(), 0);
		assertEquals(1.25, s.variance(), 0);
		assertEquals(Math.sqrt(1.25), s.standardDeviation(), 0);
		assertEquals(0, s.skewness(), 1e-15);
		assertEquals(2.5625 / 1.5625 - 3, s.kurtosis(), 1e-15); // m4 = 2.5625, m2 = 1.25
		assertEquals(1.03, s.percentile(1), 1e-15); // h = 3 * 0.01
		assertEquals(1.75, s.percentile(25), 0);
		assertEquals(3.25, s.percentile(75), 0);
		assertEquals(3.97, s.percentile(99), 1e-15); // b - (b - a) * (1 - 0.97)
		assertEquals(1, s.minimum(), 0);
		assertEquals(4, s.maximum(), 0);
	}

	@Test
	void skewedSampleMatchesClosedFormAndCommonsMath() {
		final double[] v = { 0, 0, 0, 10 };
		final Statistics s = of(v);
		assertEquals(2 / Math.sqrt(3), s.skewness(), 1e-15); // m3 = 93.75, m2 = 18.75
		assertEquals(820.3125 / (18.75 * 18.75) - 3, s.kurtosis(), 1e-15);
		assertEquals(0, s.median(), 0);
		// commons-math3 gives the bias-corrected G1 and G2; undo the corrections
		final double n = v.length;
		final double g1 = new Skewness().evaluate(v) * (n - 2) / Math.sqrt(n * (n - 1));
		final double g2 = (new Kurtosis().evaluate(v) * (n - 2) * (n - 3) / (n - 1) - 6) / (n + 1);
		assertEquals(g1, s.skewness(), 1e-14);
		assertEquals(g2, s.kurtosis(), 1e-14);
	}

	@Test
	void oddCountMedianIsTheMiddleValue() {
		assertEquals(5, of(9, 1, 5, 7, 2).median(), 0);
	}

	@Test
	void histogramBinsAsNumpyWithLastBinClosed() {
		final Statistics s = new StatisticsCalculator().bins(4).compute(ArrayImgs.doubles(new double[] { 0, 1, 2, 3,
			4 }, 5));
		assertArrayEquals(new double[] { 0, 1, 2, 3, 4 }, s.histogram().edges(), 0);
		assertArrayEquals(new long[] { 1, 1, 1, 2 }, s.histogram().counts());
	}

	@Test
	void integerImagesGetOneBinPerValue() {
		final Statistics s = new StatisticsCalculator().compute(ArrayImgs.unsignedShorts(new short[] { 10, 12, 12,
			13 }, 4));
		assertArrayEquals(new long[] { 1, 0, 2, 1 }, s.histogram().counts());
		assertEquals(10, s.histogram().edges()[0], 0);
		assertEquals(13, s.histogram().edges()[4], 0);
		final Statistics wide = new StatisticsCalculator().compute(ArrayImgs.ints(new int[] { -1_000_000,
			1_000_000 }, 2));
		assertEquals(StatisticsCalculator.MAX_DEFAULT_INTEGER_BINS, wide.histogram().bins());
	}

	@Test
	void floatImagesGet255BinsByDefault() {
		assertEquals(255, of(1, 2, 3).histogram().bins());
	}

	@Test
	void constantImageHasZeroVarianceAndNoShape() {
		final Statistics s = of(0.1, 0.1, 0.1, 0.1, 0.1);
		assertEquals(0.1, s.mean(), 0);
		assertEquals(0, s.variance(), 0);
		assertTrue(Double.isNaN(s.skewness()));
		assertTrue(Double.isNaN(s.kurtosis()));
		assertEquals(-0.4, s.histogram().edges()[0], 1e-15); // [min - 0.5, max + 0.5]
		assertEquals(0.6, s.histogram().edges()[255], 1e-15);
		assertEquals(5, s.histogram().total());
	}

	@Test
	void nanIsLeftOutAndCounted() {
		final Statistics s = of(Double.NaN, 1, 3, Double.NaN);
		assertEquals(2, s.count());
		assertEquals(2, s.nanCount());
		assertEquals(2, s.mean(), 0);
		assertEquals(2, s.median(), 0);
		assertEquals(1, s.variance(), 0);
		assertEquals(2, s.histogram().total());
	}

	@Test
	void infinitiesAreValuesButOnlyFiniteOnesAreBinned() {
		final Statistics s = of(1, 2, Double.POSITIVE_INFINITY);
		assertEquals(Double.POSITIVE_INFINITY, s.mean(), 0);
		assertEquals(Double.POSITIVE_INFINITY, s.maximum(), 0);
		assertEquals(1, s.minimum(), 0);
		assertEquals(2, s.median(), 0);
		assertTrue(Double.isNaN(s.variance()));
		assertTrue(Double.isNaN(s.skewness()));
		assertTrue(Double.isNaN(s.kurtosis()));
		assertEquals(1, s.posInfCount());
		assertEquals(2, s.histogram().total());
		assertEquals(2, s.histogram().edges()[255], 0);
		assertEquals(1.02, s.percentile(1), 1e-15);
		assertEquals(Double.POSITIVE_INFINITY, s.percentile(99), 0); // numpy: inf - inf = NaN
		final Statistics low = of(Double.NEGATIVE_INFINITY, 1, 2);
		assertEquals(Double.NEGATIVE_INFINITY, low.percentile(25), 0);
		assertEquals(1.98, low.percentile(99), 1e-15);
		final Statistics both = of(Double.NEGATIVE_INFINITY, 3, Double.POSITIVE_INFINITY);
		assertTrue(Double.isNaN(both.mean()));
		assertEquals(3, both.median(), 0);
		assertEquals(Double.NEGATIVE_INFINITY, both.minimum(), 0);
		assertEquals(1, both.negInfCount());
	}

	@Test
	void noVoxelsGiveNaNEverywhereWithoutException() {
		final Statistics allNan = of(Double.NaN, Double.NaN);
		final Statistics empty = new StatisticsCalculator().compute(Views.interval(ArrayImgs.floats(4, 4),
			new long[] { 0, 0 }, new long[] { -1, 3 }));
		for (final Statistics s : new Statistics[] { allNan, empty }) {
			for (final double v : s.describe().values())
				assertTrue(Double.isNaN(v));
			for (final double p : Statistics.PERCENTILES)
				assertTrue(Double.isNaN(s.percentile(p)));
			assertEquals(0, s.count());
			assertEquals(0, s.histogram().total());
			assertEquals(0, s.histogram().edges()[0], 0);
			assertEquals(1, s.histogram().edges()[s.histogram().bins()], 0);
		}
		assertEquals(2, allNan.nanCount());
	}

	@Test
	void extremeValuesDoNotOverflowMeanOrMedian() {
		final Statistics s = of(Double.MAX_VALUE, Double.MAX_VALUE);
		assertEquals(Double.MAX_VALUE, s.mean(), 0);
		assertEquals(Double.MAX_VALUE, s.median(), 0);
		final Statistics mixed = of(Double.MAX_VALUE, Double.MAX_VALUE / 2);
		assertEquals(0.75 * Double.MAX_VALUE, mixed.median(), 0);
		assertEquals(0.75 * Double.MAX_VALUE, mixed.mean(), Math.ulp(Double.MAX_VALUE));
	}

	@Test
	void negativeZeroAndZeroAreEqualValues() {
		final Statistics s = of(-0.0, 0.0, -0.0);
		assertEquals(0, s.median(), 0);
		assertEquals(0, s.variance(), 0);
	}

	@Test
	void unsignedLongAboveSignedRange() {
		final long[] v = { -1L, 0, 5, Long.MIN_VALUE }; // as unsigned: 2^64-1, 0, 5, 2^63
		final Statistics s = new StatisticsCalculator().compute(ArrayImgs.unsignedLongs(v, 4));
		assertEquals(0x1p64, s.maximum(), 0);
		assertEquals(0x1p63 / 2 + 2.5, s.median(), 1); // (5 + 2^63) / 2
		assertEquals(0, s.minimum(), 0);
	}

	@Test
	void badBinsAreRefusedWithTheAllowedRange() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StatisticsCalculator()
			.bins(0));
		assertEquals("bins must be between 1 and 1048576, not 0.", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new StatisticsCalculator().bins(StatisticsCalculator.MAX_BINS +
			1));
	}
}
