package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.imagearray.stats.StatisticsCalculatorTest.Kind;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;

/**
 * Percentiles asked for beyond the six defaults are exact on every pixel type, by value counts,
 * radix selection and sorting alike, also when the plan travels as bytes; bad requests are refused.
 * The reference is a full sort with numpy's linear rule written out.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
class ArbitraryPercentilesTest {

	private static final double[] ASKED = { 0, 0.175, 33.3, 50, 99.825, 100 };

	@ParameterizedTest
	@EnumSource(Kind.class)
	void askedPercentilesEqualASortWithNumpysRule(final Kind kind) {
		// 64 x 64 x 40 voxels: value counts or radix selection; 20 x 20 x 9: ranked by sorting
		for (final long[] size : new long[][] { { 64, 64, 40 }, { 20, 20, 9 } }) {
			final RandomAccessibleInterval<? extends RealType<?>> image = (Img) StatisticsCalculatorTest.image(kind,
				false, 71, size);
			final double[] sorted = ReferenceStatistics.values(image).clone();
			Arrays.sort(sorted);
			final StatisticsCalculator calculator = new StatisticsCalculator().threads(2).percentiles(ASKED);
			final Statistics s = calculator.compute(image);
			final StatisticsPlan plan = calculator.plan(image);
			while (!plan.isDone())
				plan.advance(StatisticsPlan.fromBytes(plan.toBytes()).accumulate(image));
			for (final double p : ASKED) {
				assertEquals(ReferenceStatistics.numpyPercentile(sorted, p), s.percentile(p), 0, kind + " p" + p);
				assertEquals(s.percentile(p), plan.statistics().percentile(p), 0, kind + " p" + p + " from bytes");
			}
			for (final double p : Statistics.PERCENTILES)
				assertEquals(ReferenceStatistics.numpyPercentile(sorted, p), s.percentile(p), 0, kind + " p" + p);
			assertEquals(sorted[0], s.percentile(0), 0);
			assertEquals(sorted[sorted.length - 1], s.percentile(100), 0);
		}
	}

	@Test
	void theLevelsAreTheDefaultsAndThoseAskedForSortedOnce() {
		final Statistics s = new StatisticsCalculator().percentiles(99.825, 0.175, 5, 0.175).compute((Img)
			StatisticsCalculatorTest.image(Kind.FLOAT32, false, 72, 10, 10, 10));
		assertArrayEquals(new double[] { 0.175, 1, 5, 25, 75, 95, 99, 99.825 }, s.percentileLevels());
		assertArrayEquals(Statistics.PERCENTILES, new StatisticsCalculator().compute((Img) StatisticsCalculatorTest
			.image(Kind.FLOAT32, false, 72, 10, 10, 10)).percentileLevels());
		final IllegalArgumentException notAsked = assertThrows(IllegalArgumentException.class, () -> s.percentile(
			42));
		assertTrue(notAsked.getMessage().contains("42"), notAsked.getMessage());
	}

	@Test
	void percentilesOutOfRangeOrTooManyAreRefused() {
		for (final double bad : new double[] { -0.1, 100.5, Double.NaN, Double.POSITIVE_INFINITY }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new StatisticsCalculator().percentiles(bad));
			assertTrue(e.getMessage().contains("from 0 to 100") && e.getMessage().contains(String.valueOf(bad)), e
				.getMessage());
		}
		final double[] many = new double[Quantiles.MAX_PERCENTILES];
		for (int i = 0; i < many.length; i++)
			many[i] = 0.5 + i;
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new StatisticsCalculator().percentiles(many));
		assertTrue(e.getMessage().contains("At most " + Quantiles.MAX_PERCENTILES), e.getMessage());
	}
}
