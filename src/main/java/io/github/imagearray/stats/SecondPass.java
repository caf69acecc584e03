package io.github.imagearray.stats;

import java.util.List;

/**
 * The second pass over the values, in one loop: the power sums of the finite values' deviations
 * from the first pass's mean ({@link MomentSums}, one per span for merging in span order), their
 * {@code numpy.histogram} ({@link HistogramBinning}) and, when ranks are still open, the next
 * digit of the {@link RankSelector}. One per worker.
 * <p>
 * Blocks of finite 32-bit floats take a fast path: the bins come from {@link FloatCells}, and only
 * voxels in special cells are binned against the edges and offered to the rank digit counter.
 */
final class SecondPass implements BlockConsumer {

	/** Histograms of up to this many bins get four count tables. */
	private static final int SEPARATE_LANES_UP_TO = 1 << 16;
	private final double centre;
	private final MomentSums[] spanSums;
	private final HistogramBinning binning;
	/**
	 * Four count tables, so that runs of equal bins do not wait on each other's increments (one
	 * for more than {@link #SEPARATE_LANES_UP_TO} bins); each with a spare slot after the bins for
	 * {@link FloatCells}.
	 */
	private final long[][] counts;
	private final RankSelector.DigitCounter digits;
	private final FloatCells cells;
	private final boolean[] nonFiniteSpans;
	private final int[] bins = new int[BlockWorker.BLOCK];
	private final int[] special = new int[BlockWorker.BLOCK];
	private MomentSums current;
	private boolean checkFinite;

	/**
	 * @param spanSums shared by all workers of the pass, one slot per span
	 * @param digits counts the next rank digit, or null when all ranks are known
	 * @param cells the cells of the float fast path, or null to take every block through
	 *          {@link #accept}
	 * @param nonFiniteSpans the spans that hold NaN or infinite values, from the first pass
	 */
	SecondPass(final double centre, final MomentSums[] spanSums, final HistogramBinning binning,
		final RankSelector.DigitCounter digits, final FloatCells cells, final boolean[] nonFiniteSpans)
	{
		this.centre = centre;
		this.spanSums = spanSums;
		this.binning = binning;
		this.counts = new long[binning.bins() <= SEPARATE_LANES_UP_TO ? 4 : 1][binning.bins() + 1];
		this.digits = digits;
		this.cells = cells;
		this.nonFiniteSpans = nonFiniteSpans;
		this.current = new MomentSums(centre);
	}

	@Override
	public void beginSpan(final int span) {
		checkFinite = nonFiniteSpans[span];
	}

	@Override
	public void accept(final double[] values, final long[] keys, final int length) {
		binning.bins(values, bins, length);
		current.addBlock(values, length);
		final long[] c = counts[0];
		for (int i = 0; i < length; i++) {
			final int b = bins[i];
			if (b >= 0) c[b]++;
		}
		if (digits != null) digits.accept(values, keys, length);
	}

	/** The fast path, for blocks of finite values when there are {@link FloatCells}. */
	@Override
	public boolean acceptFloats(final float[] values, final int from, final int to) {
		if (cells == null || checkFinite && !allFinite(values, from, to)) return false;
		final double c = centre, lo = cells.min, scale = cells.scale;
		final int[] table = cells.table;
		final int lanes = counts.length;
		final long[] c0 = counts[0], c1 = counts[1 % lanes], c2 = counts[2 % lanes], c3 = counts[3 % lanes];
		final int[] special = this.special;
		// several sets of power sums keep the chains of dependent additions short; the third and
		// fourth powers are multiplied and added in one step where the processor can
		double a1 = 0, a2 = 0, b1 = 0, b2 = 0;
		double a3 = 0, b3 = 0, g3 = 0, h3 = 0, a4 = 0, b4 = 0, g4 = 0, h4 = 0;
		int m = 0;
		int i = from;
		for (; i + 3 < to; i += 4) {
			final double v0 = values[i], v1 = values[i + 1], v2 = values[i + 2], v3 = values[i + 3];
			final double d0 = v0 - c, d1 = v1 - c, d2 = v2 - c, d3 = v3 - c;
			final double q0 = d0 * d0, q1 = d1 * d1, q2 = d2 * d2, q3 = d3 * d3;
			a1 += d0 + d2;
			b1 += d1 + d3;
			a2 += q0 + q2;
			b2 += q1 + q3;
			a3 = MultiplyAdd.of(q0, d0, a3);
			b3 = MultiplyAdd.of(q1, d1, b3);
			g3 = MultiplyAdd.of(q2, d2, g3);
			h3 = MultiplyAdd.of(q3, d3, h3);
			a4 = MultiplyAdd.of(q0, q0, a4);
			b4 = MultiplyAdd.of(q1, q1, b4);
			g4 = MultiplyAdd.of(q2, q2, g4);
			h4 = MultiplyAdd.of(q3, q3, h4);
			final int e0 = table[(int) ((v0 - lo) * scale)], e1 = table[(int) ((v1 - lo) * scale)];
			final int e2 = table[(int) ((v2 - lo) * scale)], e3 = table[(int) ((v3 - lo) * scale)];
			if ((e0 | e1 | e2 | e3) >= 0) {
				c0[e0]++;
				c1[e1]++;
				c2[e2]++;
				c3[e3]++;
			}
			else {
				// rare: some of the four are in special cells, to be finished after the loop; without
				// branches, which would often be mispredicted here
				c0[e0 & FloatCells.INDEX]++;
				special[m] = i;
				m += e0 >>> 31;
				c1[e1 & FloatCells.INDEX]++;
				special[m] = i + 1;
				m += e1 >>> 31;
				c2[e2 & FloatCells.INDEX]++;
				special[m] = i + 2;
				m += e2 >>> 31;
				c3[e3 & FloatCells.INDEX]++;
				special[m] = i + 3;
				m += e3 >>> 31;
			}
		}
		for (; i < to; i++) {
			final double v = values[i], d = v - c, q = d * d;
			a1 += d;
			a2 += q;
			a3 = MultiplyAdd.of(q, d, a3);
			a4 = MultiplyAdd.of(q, q, a4);
			final int e = table[(int) ((v - lo) * scale)];
			c0[e & FloatCells.INDEX]++;
			special[m] = i;
			m += e >>> 31;
		}
		for (int j = 0; j < m; j++)
			finishSpecial(values[special[j]]);
		current.addSums(to - from, a1 + b1, a2 + b2, (a3 + b3) + (g3 + h3), (a4 + b4) + (g4 + h4));
		return true;
	}

	private static boolean allFinite(final float[] values, final int from, final int to) {
		for (int i = from; i < to; i++)
			if (values[i] - values[i] != 0) return false;
		return true;
	}

	/**
	 * Finishes a value of a special cell: bins it against the edges where its cell straddles one
	 * (it was counted in the spare slot) and offers it to the digit counter.
	 */
	private void finishSpecial(final float v) {
		final int entry = cells.table[cells.cell(v)];
		if (cells.straddles(entry)) counts[0][cells.bin(v, entry)]++;
		if (digits != null) digits.countFloat(v);
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
		final long[] total = new long[binning.bins()]; // without the spare slot
		for (final SecondPass w : workers)
			for (final long[] lane : w.counts)
				for (int b = 0; b < total.length; b++)
					total[b] += lane[b];
		return new Histogram(total, binning.edges());
	}
}
