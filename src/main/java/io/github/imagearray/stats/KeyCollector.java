package io.github.imagearray.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Gathers the {@link OrderKeys order keys} of all non-NaN values of a small image, for exact
 * order statistics by sorting: for images of up to {@link #LIMIT} voxels that is cheaper than the
 * count tables of a {@link RankSelector}. One per worker.
 */
final class KeyCollector implements BlockConsumer {

	/** Images of at most this many voxels are ranked by sorting. */
	static final int LIMIT = 1 << 12;

	private long[] keys = new long[64];
	private int size;

	@Override
	public void accept(final double[] values, final long[] blockKeys, final int length) {
		reserve(length);
		for (int i = 0; i < length; i++)
			if (values[i] == values[i]) keys[size++] = blockKeys[i];
	}

	@Override
	public void acceptFloats(final float[] values, final int length) {
		reserve(length);
		for (int i = 0; i < length; i++)
			if (values[i] == values[i]) keys[size++] = OrderKeys.floatKey(values[i]);
	}

	private void reserve(final int more) {
		if (size + more > keys.length) keys = Arrays.copyOf(keys, Math.max(2 * keys.length, size + more));
	}

	/** @return the keys of all workers, sorted in unsigned order */
	static long[] sorted(final List<KeyCollector> workers) {
		int n = 0;
		for (final KeyCollector w : workers)
			n += w.size;
		final long[] all = new long[n];
		int at = 0;
		for (final KeyCollector w : workers) {
			System.arraycopy(w.keys, 0, all, at, w.size);
			at += w.size;
		}
		// flipping the top bit turns unsigned order into signed order, which Arrays.sort knows
		for (int i = 0; i < n; i++)
			all[i] ^= Long.MIN_VALUE;
		Arrays.sort(all);
		for (int i = 0; i < n; i++)
			all[i] ^= Long.MIN_VALUE;
		return all;
	}
}
