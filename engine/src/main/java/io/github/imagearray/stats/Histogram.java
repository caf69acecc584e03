package io.github.imagearray.stats;

import java.util.Arrays;

/**
 * Bin counts and bin edges as {@code numpy.histogram} returns them: {@code counts.length + 1}
 * edges, bin i covering {@code [edges[i], edges[i+1])}, the last bin closed. Immutable.
 * <p>
 * {@code long[] counts = statistics.histogram().counts();}
 */
public final class Histogram {

	private final long[] counts;
	private final double[] edges;

	Histogram(final long[] counts, final double[] edges) {
		if (edges.length != counts.length + 1)
			throw new IllegalArgumentException("A histogram needs one edge more than bins.");
		this.counts = counts.clone();
		this.edges = edges.clone();
	}

	/** @return a copy of the bin counts */
	public long[] counts() {
		return counts.clone();
	}

	/** @return a copy of the bin edges, one more than bins */
	public double[] edges() {
		return edges.clone();
	}

	/** @return the number of bins */
	public int bins() {
		return counts.length;
	}

	/** @return the sum of all counts */
	public long total() {
		long total = 0;
		for (final long c : counts)
			total += c;
		return total;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Histogram && Arrays.equals(counts, ((Histogram) o).counts) &&
			Arrays.equals(edges, ((Histogram) o).edges);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(counts) + Arrays.hashCode(edges);
	}
}
