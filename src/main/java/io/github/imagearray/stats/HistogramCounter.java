package io.github.imagearray.stats;

import java.util.List;

/** Bins the finite values of blocks with a {@link HistogramBinning}; one per worker. */
final class HistogramCounter implements BlockConsumer {

	private final HistogramBinning binning;
	private final long[] counts;

	HistogramCounter(final HistogramBinning binning) {
		this.binning = binning;
		this.counts = new long[binning.bins()];
	}

	@Override
	public void accept(final double[] values, final long[] keys, final int length) {
		for (int i = 0; i < length; i++) {
			final double v = values[i];
			if (v - v == 0) counts[binning.bin(v)]++;
		}
	}

	static Histogram merge(final HistogramBinning binning, final List<HistogramCounter> workers) {
		final long[] total = new long[binning.bins()];
		for (final HistogramCounter w : workers)
			for (int b = 0; b < total.length; b++)
				total[b] += w.counts[b];
		return new Histogram(total, binning.edges());
	}
}
