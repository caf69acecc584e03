package io.github.imagearray.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The display range by selection equals the order statistics of a full sort. */
class DisplayRangeTest {

	@Test
	void automaticContrastIsTheOrderStatisticsOfTheSortedFiniteValues() {
		final Random random = new Random(91);
		for (final int n : new int[] { 1, 2, 3, 285, 286, 1000, 65536, 786432 }) {
			final double[] v = new double[n];
			for (int i = 0; i < n; i++)
				v[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(7) == 0 ? random.nextInt(5) : random
					.nextGaussian() * 100;
			if (n > 3) v[1] = Double.POSITIVE_INFINITY;
			final double[] sorted = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
			final int cut = (int) (sorted.length * DisplayRange.SATURATED / 2);
			final DisplayRange auto = DisplayRange.of(v.clone(), true), minMax = DisplayRange.of(v.clone(), false);
			final boolean flat = sorted[cut] == sorted[sorted.length - 1 - cut];
			assertEquals(flat ? sorted[0] : sorted[cut], auto.min(), 0, "n " + n);
			assertEquals(flat ? sorted[sorted.length - 1] : sorted[sorted.length - 1 - cut], auto.max(), 0, "n " + n);
			assertEquals(sorted[0], minMax.min(), 0);
			assertEquals(sorted[sorted.length - 1], minMax.max(), 0);
		}
		// all equal: the selection ends; no finite value: [0, 1]
		assertEquals(0, DisplayRange.of(new double[10000], true).max(), 0);
		assertEquals(1, DisplayRange.of(new double[] { Double.NaN, Double.NEGATIVE_INFINITY }, true).max(), 0);
	}
}
