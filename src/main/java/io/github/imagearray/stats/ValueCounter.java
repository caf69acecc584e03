package io.github.imagearray.stats;

import java.util.List;

/** Counts 8- and 16-bit integer voxels by value: one table of 256 or 65,536 counts per worker. */
final class ValueCounter implements SpanPass.Worker {

	final long[] counts;

	ValueCounter(final PixelKind kind) {
		counts = new long[1 << kind.keyBits()];
	}

	@Override
	public void span(final int index, final SpanReader reader) {
		reader.countValues(counts);
	}

	static long[] merge(final List<ValueCounter> workers) {
		final long[] total = new long[workers.get(0).counts.length];
		for (final ValueCounter w : workers)
			for (int v = 0; v < total.length; v++)
				total[v] += w.counts[v];
		return total;
	}
}
