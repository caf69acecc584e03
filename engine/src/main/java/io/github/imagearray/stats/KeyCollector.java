package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Gathers the {@link OrderKeys order keys} of all non-NaN values of a small image, for exact
 * order statistics by sorting: for images of up to {@link #LIMIT} voxels that is cheaper than the
 * count tables of a {@link RankSelector}. Part of the first pass's {@link FirstPassSums}.
 */
final class KeyCollector {

	/** Images of at most this many voxels are ranked by sorting. */
	static final int LIMIT = 1 << 16;
	/** Bits sorted per pass: 32-bit keys take three passes, 64-bit keys six. */
	private static final int SORT_BITS = 11;

	private long[] keys;
	private int size;

	/** @param expected the number of keys expected, at most {@link #LIMIT}: room is made for them at once */
	KeyCollector(final long expected) {
		keys = new long[(int) Math.max(64, Math.min(LIMIT, expected))];
	}

	void accept(final double[] values, final long[] blockKeys, final int length) {
		reserve(length);
		for (int i = 0; i < length; i++)
			if (values[i] == values[i]) keys[size++] = blockKeys[i];
	}

	boolean acceptFloats(final float[] values, final int from, final int to) {
		reserve(to - from);
		for (int i = from; i < to; i++)
			if (values[i] == values[i]) keys[size++] = OrderKeys.floatKey(values[i]);
		return true;
	}

	/** Adds the keys of another collector: their order does not matter, they are sorted at the end. */
	void merge(final KeyCollector other) {
		reserve(other.size);
		System.arraycopy(other.keys, 0, keys, size, other.size);
		size += other.size;
	}

	void write(final DataOutput out) throws IOException {
		out.writeInt(size);
		for (int i = 0; i < size; i++)
			out.writeLong(keys[i]);
	}

	static KeyCollector read(final DataInput in) throws IOException {
		final int size = BinaryForm.length(in, LIMIT, "collected keys");
		final KeyCollector collector = new KeyCollector(size);
		for (int i = 0; i < size; i++)
			collector.keys[i] = in.readLong();
		collector.size = size;
		return collector;
	}

	private void reserve(final int more) {
		if (size + more > keys.length) keys = Arrays.copyOf(keys, Math.max(2 * keys.length, size + more));
	}

	/**
	 * @param keyBits the width of the keys: 32 or 64
	 * @return the keys, sorted in unsigned order by a least-significant-digit radix sort, 11 bits a
	 *         pass (passes where every key has the same digit are skipped)
	 */
	long[] sorted(final int keyBits) {
		final int n = size;
		long[] from = Arrays.copyOf(keys, n), to = new long[n];
		final int[] counts = new int[(1 << SORT_BITS) + 1];
		final int mask = (1 << SORT_BITS) - 1;
		for (int shift = 0; shift < keyBits; shift += SORT_BITS) {
			Arrays.fill(counts, 0);
			for (int i = 0; i < n; i++)
				counts[(int) (from[i] >>> shift & mask) + 1]++;
			if (n == 0 || counts[(int) (from[0] >>> shift & mask) + 1] == n) continue;
			for (int d = 0; d < mask + 1; d++)
				counts[d + 1] += counts[d];
			for (int i = 0; i < n; i++)
				to[counts[(int) (from[i] >>> shift & mask)]++] = from[i];
			final long[] swap = from;
			from = to;
			to = swap;
		}
		return from;
	}
}
