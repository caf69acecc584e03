package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;

/**
 * The accumulator of the one pass over 8- and 16-bit integers: the voxels counted by value, a
 * table of 256 or 65,536 counts. Every statistic follows from it exactly.
 */
final class ValueCounts implements Accumulator<ValueCounts> {

	private final PixelKind kind;
	/** {@code counts[v]} voxels have the value {@code v + kind.lowest()}. */
	private final long[] counts;

	ValueCounts(final PixelKind kind) {
		this(kind, new long[1 << kind.keyBits()]);
	}

	private ValueCounts(final PixelKind kind, final long[] counts) {
		this.kind = kind;
		this.counts = counts;
	}

	@Override
	public void span(final int index, final SpanReader reader) {
		reader.countValues(counts);
	}

	/**
	 * @param binning the histogram's bins for voxels of the given first-pass sums
	 * @param levels the percentiles wanted, sorted
	 * @param table the values the stored ones stand for, or null for the stored values
	 * @return every statistic of the voxels counted, exactly: they follow from the counts alone
	 */
	Statistics statistics(final Function<FirstPassSums, HistogramBinning> binning, final double[] levels,
		final ValueTable table)
	{
		// the values counted, each once, in increasing order (NaN last), and their counts
		int distinct = 0;
		for (final long n : counts)
			if (n > 0) distinct++;
		final double[] values = new double[distinct];
		final long[] weights = new long[distinct];
		final long lowest = kind.lowest();
		if (table == null) for (int v = 0, i = 0; v < counts.length; v++) {
			if (counts[v] == 0) continue;
			values[i] = v + lowest;
			weights[i++] = counts[v];
		}
		else {
			final Integer[] keys = new Integer[distinct];
			for (int v = 0, i = 0; v < counts.length; v++)
				if (counts[v] > 0) keys[i++] = v;
			Arrays.sort(keys, Comparator.comparingDouble(table::valueOfKey));
			for (int i = 0; i < distinct; i++) {
				values[i] = table.valueOfKey(keys[i]);
				weights[i] = counts[keys[i]];
			}
		}
		return statistics(values, weights, binning, levels);
	}

	/** @return the statistics of weights[i] voxels of values[i], the values increasing, NaN last */
	private Statistics statistics(final double[] values, final long[] weights,
		final Function<FirstPassSums, HistogramBinning> binning, final double[] levels)
	{
		final FirstPassSums sums = FirstPassSums.ofValues(values, weights, kind);
		final MomentSums moments = new MomentSums(sums.finiteMean());
		final HistogramBinning bins = binning.apply(sums);
		final long[] histogram = new long[bins.bins()];
		for (int i = 0; i < values.length; i++)
			if (values[i] - values[i] == 0) {
				moments.add(values[i], weights[i]);
				histogram[bins.bin(values[i])] += weights[i];
			}
		// the values of all wanted ranks in one walk over the values
		final long[] ranks = Quantiles.ranks(sums.nonNaN(), levels);
		final double[] ofRank = new double[ranks.length];
		long below = 0;
		for (int r = 0, i = 0; r < ranks.length; r++) {
			while (below + weights[i] <= ranks[r])
				below += weights[i++];
			ofRank[r] = values[i];
		}
		final LongToDoubleFunction valueOfRank = rank -> ofRank[Arrays.binarySearch(ranks, rank)];
		return Statistics.of(sums, moments, levels, valueOfRank, new Histogram(histogram, bins.edges()));
	}

	@Override
	public void merge(final ValueCounts other) {
		if (other.kind != kind) throw new IllegalArgumentException("Counts of " + other.kind +
			" values cannot be added to counts of " + kind + " values.");
		for (int v = 0; v < counts.length; v++)
			counts[v] += other.counts[v];
	}

	@Override
	public void write(final DataOutput out) throws IOException {
		out.writeByte(kind.ordinal());
		BinaryForm.writeCounts(out, counts);
	}

	static ValueCounts read(final DataInput in) throws IOException {
		final PixelKind kind = BinaryForm.readKind(in);
		if (!kind.isSmallInteger()) throw new IOException("Value counts of " + kind + " voxels.");
		final long[] counts = BinaryForm.readCounts(in, 1 << kind.keyBits(), "value counts");
		if (counts == null || counts.length != 1 << kind.keyBits()) throw new IOException("Value counts of " + kind +
			" voxels need " + (1 << kind.keyBits()) + " counts.");
		return new ValueCounts(kind, counts);
	}
}
