package io.github.imagearray.stats;

import java.util.List;

/**
 * The second pass over the values, in one loop: the power sums of the finite values' deviations
 * from the first pass's mean ({@link MomentSums}, one per span for merging in span order), their
 * {@code numpy.histogram} ({@link HistogramBinning}) and, when ranks are still open, the next
 * digit of the {@link RankSelector}. One per worker.
 */
final class SecondPass implements BlockConsumer {

	private final double centre;
	private final MomentSums[] spanSums;
	private final HistogramBinning binning;
	private final long[] counts;
	/** Counts of every second value of float blocks, added to {@link #counts} when merging. */
	private final long[] oddCounts;
	private final RankSelector.DigitCounter digits;
	private final int[] bins = new int[BlockWorker.BLOCK];
	private final int[] candidates = new int[BlockWorker.BLOCK];
	private MomentSums current;

	/**
	 * @param spanSums shared by all workers of the pass, one slot per span
	 * @param digits counts the next rank digit, or null when all ranks are known
	 */
	SecondPass(final double centre, final MomentSums[] spanSums, final HistogramBinning binning,
		final RankSelector.DigitCounter digits)
	{
		this.centre = centre;
		this.spanSums = spanSums;
		this.binning = binning;
		this.counts = new long[binning.bins()];
		this.oddCounts = new long[binning.bins()];
		this.digits = digits;
		this.current = new MomentSums(centre);
	}

	@Override
	public void accept(final double[] values, final long[] keys, final int length) {
		binning.bins(values, bins, length);
		current.addBlock(values, length);
		final long[] c = counts;
		for (int i = 0; i < length; i++) {
			final int b = bins[i];
			if (b >= 0) c[b]++;
		}
		if (digits != null) digits.accept(values, keys, length);
	}

	@Override
	public void acceptFloats(final float[] values, final int length) {
		final double c = centre;
		final HistogramBinning binning = this.binning;
		final long[] counts = this.counts;
		final RankSelector.DigitCounter digits = this.digits;
		final int[] candidates = this.candidates;
		final long[] odd = this.oddCounts;
		final boolean rank = digits != null;
		double a1 = 0, a2 = 0, a3 = 0, a4 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0;
		int n = 0, m = 0;
		int i = 0;
		for (; i + 1 < length; i += 2) {
			final float v = values[i], w = values[i + 1];
			if (rank) {
				candidates[m] = i;
				m += digits.mayMatch(OrderKeys.floatTop(v));
				candidates[m] = i + 1;
				m += digits.mayMatch(OrderKeys.floatTop(w));
			}
			final boolean vFinite = v - v == 0, wFinite = w - w == 0;
			// two tables, so that runs of equal bins do not wait on each other's increments
			if (vFinite) counts[binning.bin(v)]++;
			if (wFinite) odd[binning.bin(w)]++;
			n += (vFinite ? 1 : 0) + (wFinite ? 1 : 0);
			final double d = vFinite ? v - c : 0, e = wFinite ? w - c : 0;
			final double d2 = d * d, e2 = e * e;
			a1 += d;
			b1 += e;
			a2 += d2;
			b2 += e2;
			a3 += d2 * d;
			b3 += e2 * e;
			a4 += d2 * d2;
			b4 += e2 * e2;
		}
		if (i < length) {
			if (rank) {
				candidates[m] = i;
				m += digits.mayMatch(OrderKeys.floatTop(values[i]));
			}
			if (values[i] - values[i] == 0) {
				final double d = values[i] - c, d2 = d * d;
				counts[binning.bin(values[i])]++;
				n++;
				a1 += d;
				a2 += d2;
				a3 += d2 * d;
				a4 += d2 * d2;
			}
		}
		current.addSums(n, a1 + b1, a2 + b2, a3 + b3, a4 + b4);
		if (rank) digits.countFloats(values, candidates, m);
	}

	@Override
	public void endSpan(final int span) {
		spanSums[span] = current;
		current = new MomentSums(centre);
	}

	/** @return the power sums of all spans, added in span order */
	static MomentSums mergeMoments(final double centre, final MomentSums[] spanSums) {
		final MomentSums total = new MomentSums(centre);
		for (final MomentSums s : spanSums)
			total.add(s);
		return total;
	}

	static Histogram mergeHistograms(final HistogramBinning binning, final List<SecondPass> workers) {
		final long[] total = new long[binning.bins()];
		for (final SecondPass w : workers)
			for (int b = 0; b < total.length; b++)
				total[b] += w.counts[b] + w.oddCounts[b];
		return new Histogram(total, binning.edges());
	}
}
