package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The exact sum is the correctly rounded sum of its values, as {@link BigDecimal} has it, however
 * they are split, merged and written out: magnitudes from subnormals to the largest doubles,
 * cancellation down to one unit of 2^-1074, ties rounded to even, and infinities and NaN as IEEE
 * arithmetic sums them.
 */
class ExactSumTest {

	@Test
	void sumsAreTheCorrectlyRoundedSumsOfTheValuesHoweverSplitAndWrittenOut() throws IOException {
		final SplittableRandom random = new SplittableRandom(14);
		for (int trial = 0; trial < 300; trial++) {
			final int n = 1 + random.nextInt(400);
			final double[] values = new double[n];
			for (int i = 0; i < n; i++)
				values[i] = value(random, trial % 4);
			BigDecimal exact = BigDecimal.ZERO;
			for (final double v : values)
				exact = exact.add(new BigDecimal(v));
			final double expected = exact.doubleValue();
			final ExactSum whole = new ExactSum(), first = new ExactSum(), second = new ExactSum();
			final int split = random.nextInt(n + 1);
			for (int i = 0; i < n; i++) {
				whole.add(values[i]);
				(i < split ? first : second).add(values[i]);
			}
			final ExactSum merged = readBack(second);
			merged.merge(readBack(first));
			assertEquals(expected, whole.value(), "trial " + trial);
			assertEquals(expected, merged.value(), "trial " + trial);
		}
	}

	@Test
	void cancellationTiesAndNonFiniteValues() {
		assertEquals(1, sum(1e100, 1, -1e100));
		assertEquals(Double.MIN_VALUE, sum(Double.MAX_VALUE, Double.MIN_VALUE, -Double.MAX_VALUE));
		assertEquals(-Double.MIN_VALUE, sum(3 * Double.MIN_VALUE, -4 * Double.MIN_VALUE));
		// 2^53 + 1 is a tie between 2^53 and 2^53 + 2: to even, 2^53; 2^53 + 3 rounds up to 2^53 + 4
		assertEquals(0x1p53, sum(0x1p53, 1));
		assertEquals(0x1p53 + 4, sum(0x1p53, 3));
		assertEquals(0x1p53 + 2, sum(0x1p53, 1, 0x1p-60));
		assertEquals(0, sum(0.1, 0.2, -0.1, -0.2));
		// a sum beyond the largest double is infinite, as it would be rounded
		assertEquals(Double.POSITIVE_INFINITY, sum(Double.MAX_VALUE, Double.MAX_VALUE));
		assertEquals(Double.MAX_VALUE, sum(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
		assertEquals(Double.NEGATIVE_INFINITY, sum(1, Double.NEGATIVE_INFINITY));
		assertEquals(Double.NaN, sum(Double.POSITIVE_INFINITY, 2, Double.NEGATIVE_INFINITY));
		assertEquals(Double.NaN, sum(1, Double.NaN));
		assertEquals(0, sum());
	}

	private static double sum(final double... values) {
		final ExactSum s = new ExactSum();
		for (final double v : values)
			s.add(v);
		return s.value();
	}

	/** @return a value of one of four shapes: any finite double, near 1, subnormal, or cancelling pairs' halves */
	private static double value(final SplittableRandom random, final int shape) {
		switch (shape) {
			case 0:
				double v;
				do
					v = Double.longBitsToDouble(random.nextLong());
				while (!Double.isFinite(v) || Math.abs(v) > 0x1p1010);
				return v;
			case 1:
				return random.nextDouble() * 2 - 1;
			case 2:
				return (random.nextInt(1 << 20) - (1 << 19)) * Double.MIN_VALUE;
			default:
				return Math.scalb(random.nextDouble() - 0.5, random.nextInt(-1074, 1000));
		}
	}

	private static ExactSum readBack(final ExactSum sum) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		sum.write(new DataOutputStream(bytes));
		return ExactSum.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
	}
}
