package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

/** The first pass's digit counts stay exact when one worker counts more values than an int holds. */
class SummaryTest {

	@Test
	void digitCountsOfMoreThanTwoBillionValuesDoNotOverflow() {
		final int keyBits = PixelKind.FLOAT32.keyBits();
		final int topBits = RankSelector.firstDigitBits(keyBits);
		final int blocksPerSpan = VoxelSource.SPAN / BlockWorker.BLOCK;
		final int spans = (int) ((1L << 31) / VoxelSource.SPAN) + 2; // two spans more than 2^31 values
		final CompensatedSum[] sums = new CompensatedSum[spans];
		final Summary summary = new Summary(PixelKind.FLOAT32, topBits, sums, new boolean[spans]);
		// most values in one digit, a few in another: 2.5 and -1 are in different buckets
		final float[] block = new float[BlockWorker.BLOCK];
		Arrays.fill(block, 2.5f);
		block[7] = -1;
		for (int span = 0; span < spans; span++) {
			for (int b = 0; b < blocksPerSpan; b++)
				summary.acceptFloats(block, 0, block.length);
			summary.endSpan(span);
		}
		final Summary merged = Summary.merge(Collections.singletonList(summary), keyBits, sums);
		final long values = (long) spans * VoxelSource.SPAN;
		assertEquals(values, merged.count());
		final int shift = keyBits - topBits;
		final long[] expected = new long[1 << topBits];
		expected[(int) (OrderKeys.floatKey(2.5f) >>> shift)] = values - values / BlockWorker.BLOCK;
		expected[(int) (OrderKeys.floatKey(-1) >>> shift)] = values / BlockWorker.BLOCK;
		// more than Integer.MAX_VALUE in one digit
		assertTrue(expected[(int) (OrderKeys.floatKey(2.5f) >>> shift)] > Integer.MAX_VALUE);
		assertArrayEquals(expected, merged.topDigits);
		assertEquals(-1, merged.finiteMin);
		assertEquals(2.5, merged.finiteMax);
	}
}
