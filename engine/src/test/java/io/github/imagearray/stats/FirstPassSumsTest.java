package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The first pass's digit counts stay exact when one worker counts more values than an int holds,
 * and when written out and read back;
 * its extremes are those of a sorted copy, whatever floats the blocks hold.
 */
class FirstPassSumsTest {

	@Test
	void digitCountsOfMoreThanTwoBillionValuesDoNotOverflow() throws IOException {
		final int keyBits = PixelKind.FLOAT32.keyBits();
		final int topBits = RankSelector.firstDigitBits(keyBits);
		final int blocksPerSpan = VoxelSource.SPAN / BlockAccumulator.BLOCK;
		final int spans = (int) ((1L << 31) / VoxelSource.SPAN) + 2; // two spans more than 2^31 values
		final FirstPassSums summary = new FirstPassSums(PixelKind.FLOAT32, topBits, null);
		// most values in one digit, a few in another: 2.5 and -1 are in different buckets
		final float[] block = new float[BlockAccumulator.BLOCK];
		Arrays.fill(block, 2.5f);
		block[7] = -1;
		for (int span = 0; span < spans; span++) {
			summary.beginSpan(span);
			for (int b = 0; b < blocksPerSpan; b++)
				summary.acceptFloats(block, 0, block.length);
			summary.endSpan(span);
		}
		// written out and read back: the counts survive the serialized form too
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		summary.write(new DataOutputStream(bytes));
		final FirstPassSums merged = FirstPassSums.read(new DataInputStream(new ByteArrayInputStream(bytes
			.toByteArray())));
		final long values = (long) spans * VoxelSource.SPAN;
		assertEquals(values, merged.nonNaN());
		final int shift = keyBits - topBits;
		final long[] expected = new long[1 << topBits];
		expected[(int) (OrderKeys.floatKey(2.5f) >>> shift)] = values - values / BlockAccumulator.BLOCK;
		expected[(int) (OrderKeys.floatKey(-1) >>> shift)] = values / BlockAccumulator.BLOCK;
		// more than Integer.MAX_VALUE in one digit
		assertTrue(expected[(int) (OrderKeys.floatKey(2.5f) >>> shift)] > Integer.MAX_VALUE);
		assertArrayEquals(expected, merged.firstDigits());
		assertEquals(-1, merged.finiteMin());
		assertEquals(2.5, merged.finiteMax());
	}

	@Test
	void extremesOfFloatBlocksAreThoseOfSortedValues() {
		// differences that overflow (±MAX_VALUE), products that underflow (subnormals, zeros of both
		// signs), new extremes in each of the four lanes and in the tail, and a block declined for
		// holding an infinity, whose values must not count
		final float tiny = Float.MIN_VALUE;
		final float[][] cases = { //
			{ 1, 2, 3, 4, 5, 6, 7, 8, 9 }, //
			{ 5, 5, 5, 5, 4, 5, 5, 5, 5, 5, 5, 6, 5, 5, 5, 5, 3 }, //
			{ 0, tiny, -tiny, 0, 2 * tiny, -0f, 3 * tiny, -2 * tiny }, //
			{ tiny, tiny, tiny, tiny, 0, 0, 0, -tiny, 0, 0, 0, 0 }, //
			{ -Float.MAX_VALUE, Float.MAX_VALUE, 1, -1, Float.MAX_VALUE, -Float.MAX_VALUE, 0, 0 }, //
			{ 1e-30f, 1e30f, -1e30f, 1e-30f, 1e-30f, 1e-30f, 1e-30f, 1e-30f, -1e-30f, 1e31f }, //
			{ 7 } };
		final SplittableRandom random = new SplittableRandom(18);
		for (final float[] values : cases)
			for (int shuffle = 0; shuffle < 20; shuffle++) {
				final float[] block = values.clone();
				for (int i = block.length - 1; shuffle > 0 && i > 0; i--) {
					final int j = random.nextInt(i + 1);
					final float t = block[i];
					block[i] = block[j];
					block[j] = t;
				}
				final FirstPassSums summary = new FirstPassSums(PixelKind.FLOAT32, RankSelector.firstDigitBits(32), null);
				assertEquals(false, summary.acceptFloats(new float[] { -1e38f, Float.POSITIVE_INFINITY, 1e38f, 2 }, 0, 4));
				for (int from = 0; from < block.length; from += 5)
					assertTrue(summary.acceptFloats(block, from, Math.min(block.length, from + 5)));
				final float[] sorted = block.clone();
				Arrays.sort(sorted);
				final String where = Arrays.toString(block);
				assertEquals(sorted[0], (float) summary.finiteMin(), 0, where);
				assertEquals(sorted[sorted.length - 1], (float) summary.finiteMax(), 0, where);
				assertEquals(block.length, summary.nonNaN(), where);
			}
	}
}
