package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The radix selection finds the values of the wanted ranks exactly, for 32- and 64-bit keys,
 * whether the passes take floats as the fast path does or values with their keys; checked
 * against a full sort.
 */
class RankSelectorTest {

	@ParameterizedTest
	@ValueSource(ints = { 32, 64 })
	void ranksAreTheSortedValues(final int keyBits) {
		final PixelKind kind = keyBits == 32 ? PixelKind.FLOAT32 : PixelKind.FLOAT64;
		final double[] values = values(keyBits == 32, 300_000);
		final int block = BlockAccumulator.BLOCK;
		final FirstPassSums summary = new FirstPassSums(kind, RankSelector.firstDigitBits(keyBits), null);
		final long[] keys = new long[block];
		for (int from = 0; from < values.length; from += block) {
			final double[] part = Arrays.copyOfRange(values, from, Math.min(values.length, from + block));
			OrderKeys.fill(kind, part, keys, part.length);
			// 32-bit: every other block offered as floats (raw-bit buckets), declined when not finite
			if (keyBits == 32 && from / block % 2 == 0 && summary.acceptFloats(floats(part), 0, part.length)) continue;
			summary.accept(part, keys, part.length);
		}
		summary.endSpan(0);
		final FirstPassSums merged = new FirstPassSums(kind, RankSelector.firstDigitBits(keyBits), null);
		merged.merge(summary);

		final RankSelector selector = new RankSelector(keyBits);
		final long[] ranks = Quantiles.ranks(merged.nonNaN(), Quantiles.PERCENTILES);
		selector.select(ranks);
		selector.advanceFirstDigit(merged.firstDigits());
		int passes = 1;
		while (!selector.isDone()) {
			final RankSelector.DigitCounts counter = selector.newCounts(kind);
			for (int from = 0; from < values.length; from += block) {
				final double[] part = Arrays.copyOfRange(values, from, Math.min(values.length, from + block));
				OrderKeys.fill(kind, part, keys, part.length);
				if (keyBits == 64 || from / block % 2 == 1) counter.accept(part, keys, part.length);
				else for (final double v : part) // finite floats one by one, as the fast path offers them
					if (v - v == 0) counter.countFloat((float) v);
					else counter.accept(new double[] { v }, new long[] { OrderKeys.floatKey((float) v) }, 1);
			}
			selector.advance(counter);
			passes++;
		}
		assertTrue(passes <= RankSelector.maxPasses(keyBits), passes + " passes");
		assertEquals(keyBits == 32 ? 2 : 4, RankSelector.maxPasses(keyBits));
		final double[] sorted = Arrays.stream(values).filter(v -> v == v).sorted().toArray();
		for (final long rank : ranks)
			assertEquals(sorted[(int) rank], OrderKeys.value(kind, selector.key(rank)), 0, "rank " + rank);
	}

	/** Gaussian values, many duplicates, tiny and huge magnitudes of both signs, NaN and infinities. */
	private static double[] values(final boolean asFloats, final int n) {
		final Random random = new Random(17);
		final double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			final int kind = random.nextInt(20);
			double v = kind < 10 ? random.nextGaussian() * 1e3 : kind < 16 ? random.nextInt(7) - 3 : kind < 18 ? random
				.nextGaussian() * 1e-30 : random.nextGaussian() * 1e30;
			if (random.nextInt(5000) == 0) v = Double.NaN;
			else if (random.nextInt(5000) == 0) v = random.nextBoolean() ? Double.POSITIVE_INFINITY
				: Double.NEGATIVE_INFINITY;
			values[i] = asFloats ? (float) v : v;
		}
		return values;
	}

	private static float[] floats(final double[] values) {
		final float[] floats = new float[values.length];
		for (int i = 0; i < values.length; i++)
			floats[i] = (float) values[i];
		return floats;
	}
}
