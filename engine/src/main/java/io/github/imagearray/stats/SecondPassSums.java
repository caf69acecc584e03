package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The second pass's accumulator, filled in one loop: the power sums of the finite values'
 * deviations from the centre ({@link MomentSums}), their {@code numpy.histogram}
 * ({@link HistogramBinning}) and, when ranks are still open, the next digit of the
 * {@link RankSelector} ({@link RankSelector.DigitCounts}). One per worker; {@link #merge} adds
 * another's, in any order. One {@link #read} from bytes merges and finishes but adds no spans.
 * <p>
 * Blocks of finite 32-bit floats take a fast path: the bins come from {@link FloatCells}, the
 * open ranks from {@link OpenDigits}; only voxels in special cells (straddling a bin edge, or
 * guarded beyond the grid) or in open digits that are not hot are special, finished one by one.
 */
final class SecondPassSums extends BlockAccumulator<SecondPassSums> {

	/** Histograms of up to this many bins get four lanes. */
	private static final int SEPARATE_LANES_UP_TO = 1 << 16;
	/** Where no digit is open: every slot closed. */
	private static final OpenDigits NONE_OPEN = new OpenDigits(new long[0], new long[0], 0);
	/** {@link #runsFill} looks at groups of four voxels this far apart. */
	private static final int RUN_SAMPLE_STRIDE = 128;
	private final double centre;
	/** Values farther than this from the centre are added to the moments exactly. */
	private final double far;
	private final MomentSums moments;
	private final HistogramBinning binning;
	/**
	 * Four lanes of counts, so that runs of equal bins do not wait on each other's increments (one
	 * for more than {@link #SEPARATE_LANES_UP_TO} bins); each with a spare bin after the bins for
	 * {@link FloatCells}.
	 */
	private final long[][] counts;
	private final RankSelector.DigitCounts digits;
	private final FloatCells cells;
	private final OpenDigits open;
	/**
	 * Four tables of the low bits of hot digits' voxels, slot by slot ({@code slot << LOW_BITS | low}),
	 * null without hot digits; closed voxels count into slot 0, the others into slot 3, both unread.
	 */
	private final int[][] hotCounts;
	/** The hot counts spilled so far, per hot slot; null without hot digits. */
	private final long[][] hotTotals;
	private long countedSinceSpill;
	private final BitSet nonFiniteSpans;
	private final int[] binOf = new int[BlockAccumulator.BLOCK];
	private final int[] special = new int[BlockAccumulator.BLOCK];
	private boolean checkFinite;

	/**
	 * @param kind the voxels' kind
	 * @param far values farther than this from the centre are guarded of the bulk, added to the
	 *          moments exactly (the float fast path has its own, {@link FloatCells})
	 * @param digits counts the next rank digit, or null when all ranks are known
	 * @param cells the cells of the float fast path, or null to take every block through
	 *          {@link #accept}
	 * @param open the open first digits of the float fast path, or null where none are
	 * @param nonFiniteSpans the spans that hold NaN or infinite values, from the first pass
	 */
	SecondPassSums(final PixelKind kind, final double centre, final double far, final HistogramBinning binning,
		final RankSelector.DigitCounts digits, final FloatCells cells, final OpenDigits open,
		final BitSet nonFiniteSpans)
	{
		super(kind);
		this.centre = centre;
		this.far = far;
		this.moments = new MomentSums(centre);
		this.binning = binning;
		this.counts = new long[binning.bins() <= SEPARATE_LANES_UP_TO ? 4 : 1][binning.bins() + 1];
		this.digits = digits;
		this.cells = cells;
		this.open = open == null ? NONE_OPEN : open;
		final boolean hot = open != null && open.anyHot();
		this.hotCounts = hot ? new int[4][TableEntry.HOT_COUNTS] : null;
		this.hotTotals = hot ? new long[TableEntry.HOT][TableEntry.LOW_VALUES] : null;
		this.nonFiniteSpans = nonFiniteSpans;
	}

	/** An accumulator read from bytes: its sums and counts, without the setup to add spans. */
	private SecondPassSums(final PixelKind kind, final MomentSums moments, final long[] histogram,
		final RankSelector.DigitCounts digits, final long[][] hotTotals)
	{
		super(kind);
		this.centre = Double.NaN;
		this.far = Double.NaN;
		this.moments = moments;
		this.binning = null;
		this.counts = new long[][] { histogram };
		this.digits = digits;
		this.cells = null;
		this.open = NONE_OPEN;
		this.hotCounts = null;
		this.hotTotals = hotTotals;
		this.nonFiniteSpans = null;
	}

	@Override
	void beginSpan(final int span) {
		checkFinite = nonFiniteSpans.get(span);
	}

	@Override
	void accept(final double[] values, final long[] keys, final int length) {
		binning.bins(values, binOf, length);
		moments.addBlock(values, length, far);
		final long[] c = counts[0];
		for (int i = 0; i < length; i++) {
			final int b = binOf[i];
			if (b >= 0) c[b]++;
		}
		if (digits != null) digits.accept(values, keys, length);
	}

	/** The fast path, for blocks of finite values when there are {@link FloatCells}. */
	@Override
	boolean acceptFloats(final float[] values, final int from, final int to) {
		if (cells == null || checkFinite && !allFinite(values, from, to)) return false;
		// C2 compiles one loop per case steadily; one loop for all cases it compiles now well, now not
		final int specials = open != NONE_OPEN ? bin(values, from, to) : cells.isGuarded() ? binGuarded(values, from, to)
			: binPlainly(values, from, to);
		for (int j = 0; j < specials; j++)
			finishSpecial(values[special[j]]);
		return true;
	}

	/**
	 * The loop of the common case: a grid over the whole range without guards, whose cells mark the
	 * open ranks themselves.
	 *
	 * @return the number of special voxels, whose indices are in {@link #special}
	 */
	private int binPlainly(final float[] values, final int from, final int to) {
		final double c = centre, lo = cells.lo(), scale = cells.scale();
		final int[] table = cells.table();
		final int lanes = counts.length;
		final long[] c0 = counts[0], c1 = counts[1 % lanes], c2 = counts[2 % lanes], c3 = counts[3 % lanes];
		final FourPowerSums sums = new FourPowerSums();
		int m = 0;
		int i = from;
		for (; i + 3 < to; i += 4) {
			final double v0 = values[i], v1 = values[i + 1], v2 = values[i + 2], v3 = values[i + 3];
			final int e0 = table[(int) ((v0 - lo) * scale)], e1 = table[(int) ((v1 - lo) * scale)];
			final int e2 = table[(int) ((v2 - lo) * scale)], e3 = table[(int) ((v3 - lo) * scale)];
			if (TableEntry.noneSpecial(e0 | e1 | e2 | e3)) {
				c0[e0]++;
				c1[e1]++;
				c2[e2]++;
				c3[e3]++;
			}
			else m = countSpecial(i, m, e0, e1, e2, e3, 0, 0, 0, 0);
			final double d0 = v0 - c, d1 = v1 - c, d2 = v2 - c, d3 = v3 - c;
			sums.add(d0, d1, d2, d3);
		}
		sums.addTo(moments, i - from);
		return binEach(values, i, to, m);
	}

	/**
	 * The loop of a grid over the bulk, with guards, whose cells mark the open ranks themselves: the
	 * loop of {@link #binPlainly} with a test for values beyond the guards. One test for four
	 * voxels, not a clamp of each cell, and a loop of its own, since the test in the common loop
	 * costs it about a tenth.
	 *
	 * @return the number of special voxels, whose indices are in {@link #special}
	 */
	private int binGuarded(final float[] values, final int from, final int to) {
		final double c = centre;
		final int[] table = cells.table();
		final int last = cells.last();
		final int lanes = counts.length;
		final long[] c0 = counts[0], c1 = counts[1 % lanes], c2 = counts[2 % lanes], c3 = counts[3 % lanes];
		final FourPowerSums sums = new FourPowerSums();
		int m = 0;
		int guarded = 0;
		int i = from;
		for (; i + 3 < to; i += 4) {
			final double v0 = values[i], v1 = values[i + 1], v2 = values[i + 2], v3 = values[i + 3];
			int x0 = cells.unclamped(v0), x1 = cells.unclamped(v1), x2 = cells.unclamped(v2), x3 = cells.unclamped(v3);
			if ((x0 | x1 | x2 | x3) < 0 | (last - x0 | last - x1 | last - x2 | last - x3) < 0) {
				x0 = cells.cell(v0);
				x1 = cells.cell(v1);
				x2 = cells.cell(v2);
				x3 = cells.cell(v3);
			}
			final int e0 = table[x0], e1 = table[x1], e2 = table[x2], e3 = table[x3];
			double d0 = v0 - c, d1 = v1 - c, d2 = v2 - c, d3 = v3 - c;
			if (TableEntry.noneSpecial(e0 | e1 | e2 | e3)) {
				c0[e0]++;
				c1[e1]++;
				c2[e2]++;
				c3[e3]++;
			}
			else {
				m = countSpecial(i, m, e0, e1, e2, e3, 0, 0, 0, 0);
				// guarded voxels leave the plain sums
				final boolean g0 = cells.isGuard(x0), g1 = cells.isGuard(x1), g2 = cells.isGuard(x2), g3 = cells
					.isGuard(x3);
				d0 = g0 ? 0 : d0;
				d1 = g1 ? 0 : d1;
				d2 = g2 ? 0 : d2;
				d3 = g3 ? 0 : d3;
				guarded += (g0 ? 1 : 0) + (g1 ? 1 : 0) + (g2 ? 1 : 0) + (g3 ? 1 : 0);
			}
			sums.add(d0, d1, d2, d3);
		}
		sums.addTo(moments, i - from - guarded);
		return binEach(values, i, to, m);
	}

	/**
	 * The loop of open digits looked up per voxel and hot digits counted in line, in a grid with or
	 * without guards.
	 *
	 * @return the number of special voxels, whose indices are in {@link #special}
	 */
	private int bin(final float[] values, final int from, final int to) {
		final double c = centre;
		final int[] table = cells.table();
		final byte[] slots = open.slots();
		final int[][] hot = hotCounts;
		final int lanes = counts.length;
		final long[] c0 = counts[0], c1 = counts[1 % lanes], c2 = counts[2 % lanes], c3 = counts[3 % lanes];
		final boolean runs = runsFill(values, from, to);
		// one accumulator per power, each taking one addition per four voxels: longer chains, or more
		// accumulators (which C2 spills to the stack), take longer
		double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
		int m = 0;
		int guarded = 0;
		int i = from;
		for (; i + 3 < to; i += 4) {
			final float f0 = values[i], f1 = values[i + 1], f2 = values[i + 2], f3 = values[i + 3];
			final int b0 = Float.floatToRawIntBits(f0), b1 = Float.floatToRawIntBits(f1);
			final int b2 = Float.floatToRawIntBits(f2), b3 = Float.floatToRawIntBits(f3);
			// four equal values are one value four times: binned, counted and its powers taken once,
			// unless it is special
			if (runs && ((b0 ^ b1) | (b1 ^ b2) | (b2 ^ b3)) == 0) {
				final int r = slots[TableEntry.rawFirstDigit(b0)];
				final double v = f0;
				// a guard cell's entry is negative too
				final int e = table[cells.cell(v)];
				if (TableEntry.noneSpecial(e | r)) {
					if (hot != null) hot[0][TableEntry.hotIndex(r, b0)] += 4;
					c0[e] += 4;
					// four times each power: exact, a power of two
					final double d = v - c, q = d * d;
					s1 += 4 * d;
					s2 += 4 * q;
					s3 += 4 * (q * d);
					s4 += 4 * (q * q);
					continue;
				}
			}
			final int r0 = slots[TableEntry.rawFirstDigit(b0)], r1 = slots[TableEntry.rawFirstDigit(b1)];
			final int r2 = slots[TableEntry.rawFirstDigit(b2)], r3 = slots[TableEntry.rawFirstDigit(b3)];
			if (hot != null) {
				hot[0][TableEntry.hotIndex(r0, b0)]++;
				hot[1][TableEntry.hotIndex(r1, b1)]++;
				hot[2][TableEntry.hotIndex(r2, b2)]++;
				hot[3][TableEntry.hotIndex(r3, b3)]++;
			}
			final double v0 = f0, v1 = f1, v2 = f2, v3 = f3;
			final int x0 = cells.cell(v0), x1 = cells.cell(v1), x2 = cells.cell(v2), x3 = cells.cell(v3);
			final int e0 = table[x0], e1 = table[x1], e2 = table[x2], e3 = table[x3];
			double d0 = v0 - c, d1 = v1 - c, d2 = v2 - c, d3 = v3 - c;
			if (TableEntry.noneSpecial(e0 | e1 | e2 | e3 | r0 | r1 | r2 | r3)) {
				c0[e0]++;
				c1[e1]++;
				c2[e2]++;
				c3[e3]++;
			}
			else {
				// guarded voxels leave the plain sums
				m = countSpecial(i, m, e0, e1, e2, e3, r0, r1, r2, r3);
				final boolean g0 = cells.isGuard(x0), g1 = cells.isGuard(x1), g2 = cells.isGuard(x2), g3 = cells
					.isGuard(x3);
				if (g0 || g1 || g2 || g3) {
					d0 = g0 ? 0 : d0;
					d1 = g1 ? 0 : d1;
					d2 = g2 ? 0 : d2;
					d3 = g3 ? 0 : d3;
					guarded += (g0 ? 1 : 0) + (g1 ? 1 : 0) + (g2 ? 1 : 0) + (g3 ? 1 : 0);
				}
			}
			final double q0 = d0 * d0, q1 = d1 * d1, q2 = d2 * d2, q3 = d3 * d3;
			s1 += (d0 + d1) + (d2 + d3);
			s2 += (q0 + q1) + (q2 + q3);
			s3 += (q0 * d0 + q1 * d1) + (q2 * d2 + q3 * d3);
			s4 += (q0 * q0 + q1 * q1) + (q2 * q2 + q3 * q3);
		}
		moments.addSums(i - from - guarded, s1, s2, s3, s4);
		return binEach(values, i, to, m);
	}

	/**
	 * The voxels after the last group of four, one by one, in any of the cases.
	 *
	 * @param m the number of special voxels so far
	 * @return the number of special voxels now
	 */
	private int binEach(final float[] values, final int from, final int to, int m) {
		final double c = centre;
		final int[] table = cells.table();
		final byte[] slots = open.slots();
		final int[] hot = hotCounts == null ? null : hotCounts[0];
		final long[] c0 = counts[0];
		double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
		int guarded = 0;
		for (int i = from; i < to; i++) {
			final float f = values[i];
			final int b = Float.floatToRawIntBits(f);
			final int r = slots[TableEntry.rawFirstDigit(b)];
			if (hot != null) hot[TableEntry.hotIndex(r, b)]++;
			final double v = f;
			final int x = cells.cell(v);
			final int e = table[x];
			c0[TableEntry.countIndex(e)]++;
			special[m] = i;
			m += TableEntry.special(e, r);
			if (cells.isGuard(x)) {
				guarded++;
				continue;
			}
			final double d = v - c, q = d * d;
			s1 += d;
			s2 += q;
			s3 += q * d;
			s4 += q * q;
		}
		// most blocks have no voxels after their last group of four: nothing to add
		if (from < to) moments.addSums(to - from - guarded, s1, s2, s3, s4);
		return m;
	}

	/**
	 * @return whether runs of four equal values (CT air, padding, background) fill at least half of
	 *         a sample of places in the block: only then is a test for them worth its cost. A
	 *         choice made from the block alone, so that each span's sums are the same whichever
	 *         worker adds them.
	 */
	private static boolean runsFill(final float[] values, final int from, final int to) {
		int sampled = 0, runs = 0;
		for (int i = from; i + 3 < to; i += RUN_SAMPLE_STRIDE, sampled++)
			if (values[i] == values[i + 1] && values[i + 1] == values[i + 2] && values[i + 2] == values[i + 3]) runs++;
		return runs * 2 >= sampled && runs > 0;
	}

	/**
	 * The rare case of four voxels of which some are special: counts each in its bin (a special
	 * cell's voxel in the spare bin) and notes the special ones, to be finished after the loop;
	 * without branches, which would often be mispredicted here.
	 *
	 * @param i the index of the first of the four
	 * @param m the number of special voxels so far
	 * @param e0 the cell table entries of the four, negative for special cells
	 * @param r0 their open digit slots, negative for a digit counted one by one
	 * @return the number of special voxels now
	 */
	private int countSpecial(final int i, int m, final int e0, final int e1, final int e2, final int e3, final int r0,
		final int r1, final int r2, final int r3)
	{
		final int lanes = counts.length;
		counts[0][TableEntry.countIndex(e0)]++;
		special[m] = i;
		m += TableEntry.special(e0, r0);
		counts[1 % lanes][TableEntry.countIndex(e1)]++;
		special[m] = i + 1;
		m += TableEntry.special(e1, r1);
		counts[2 % lanes][TableEntry.countIndex(e2)]++;
		special[m] = i + 2;
		m += TableEntry.special(e2, r2);
		counts[3 % lanes][TableEntry.countIndex(e3)]++;
		special[m] = i + 3;
		return m + TableEntry.special(e3, r3);
	}

	private static boolean allFinite(final float[] values, final int from, final int to) {
		for (int i = from; i < to; i++)
			if (values[i] - values[i] != 0) return false;
		return true;
	}

	/**
	 * Finishes a value of a special cell or an open digit that is not hot: bins it against the edges
	 * where its cell straddles one or lies beyond the grid (it was counted in the spare bin), adds
	 * a guarded voxel's powers exactly, and offers the value to the digit counter unless a hot digit
	 * counted it.
	 */
	private void finishSpecial(final float v) {
		final int cell = cells.cell(v);
		final int entry = cells.table()[cell];
		if (cells.straddles(entry)) counts[0][cells.bin(v, entry)]++;
		if (cells.isGuard(cell)) moments.addExactly(v);
		if (digits != null && !TableEntry.isHot(open.slot(v))) digits.countFloat(v);
	}

	@Override
	void endSpan(final int span) {
		if (hotCounts != null) {
			countedSinceSpill += VoxelSource.SPAN;
			if (countedSinceSpill >= VoxelSource.SPILL_INT_COUNTS_AT) spillHot();
		}
	}

	/** Adds the hot digit counts since the last spill to {@link #hotTotals}. */
	private void spillHot() {
		if (hotCounts == null || countedSinceSpill == 0) return;
		for (final int[] lane : hotCounts) {
			for (int slot = 1; slot <= TableEntry.HOT; slot++)
				for (int low = 0; low < TableEntry.LOW_VALUES; low++)
					hotTotals[slot - 1][low] += lane[TableEntry.hotIndex(slot, low)];
			Arrays.fill(lane, 0);
		}
		countedSinceSpill = 0;
	}

	/**
	 * Hands the counts of the hot digits' low bits to the digit counts, so that the ranks in hot
	 * digits are resolved with the others; once, on the accumulator of all voxels.
	 */
	void addHotCounts(final OpenDigits open) {
		if (hotTotals == null) return;
		spillHot();
		for (int slot = 1; slot <= TableEntry.HOT; slot++)
			if (open.hotPrefix(slot) >= 0) digits.addRawLowCounts(open.hotPrefix(slot), hotTotals[slot - 1]);
	}

	MomentSums moments() {
		return moments;
	}

	RankSelector.DigitCounts digits() {
		return digits;
	}

	/** @return the histogram of the voxels added, with the edges of {@code binning} */
	Histogram histogram(final HistogramBinning binning) {
		// without the spare bin
		return new Histogram(Arrays.copyOf(laneTotals(), binning.bins()), binning.edges());
	}

	/** @return the counts of all lanes added, the spare bin last */
	private long[] laneTotals() {
		final long[] total = new long[counts[0].length];
		for (final long[] lane : counts)
			for (int b = 0; b < total.length; b++)
				total[b] += lane[b];
		return total;
	}

	@Override
	public void merge(final SecondPassSums other) {
		if (other.counts[0].length != counts[0].length || (other.digits == null) != (digits == null) ||
			(other.hotTotals == null) != (hotTotals == null)) throw new IllegalArgumentException(
				"Second-pass sums of " + (other.counts[0].length - 1) + " bins cannot be added to those of " +
					(counts[0].length - 1) + " bins, or of other ranks.");
		moments.merge(other.moments);
		final long[] theirs = other.laneTotals();
		for (int b = 0; b < theirs.length; b++)
			counts[0][b] += theirs[b];
		if (digits != null) digits.merge(other.digits);
		spillHot();
		other.spillHot();
		if (hotTotals != null) for (int slot = 0; slot < hotTotals.length; slot++)
			for (int low = 0; low < hotTotals[slot].length; low++)
				hotTotals[slot][low] += other.hotTotals[slot][low];
	}

	@Override
	public void write(final DataOutput out) throws IOException {
		out.writeByte(kind().ordinal());
		moments.write(out);
		BinaryForm.writeCounts(out, laneTotals());
		out.writeBoolean(digits != null);
		if (digits != null) digits.write(out);
		spillHot();
		out.writeBoolean(hotTotals != null);
		if (hotTotals != null) for (final long[] slot : hotTotals)
			BinaryForm.writeCounts(out, slot);
	}

	static SecondPassSums read(final DataInput in) throws IOException {
		final PixelKind kind = BinaryForm.readKind(in);
		final MomentSums moments = MomentSums.read(in);
		final long[] histogram = BinaryForm.readCounts(in, StatisticsCalculator.MAX_BINS + 1, "histogram counts");
		if (histogram == null || histogram.length < 2) throw new IOException("Second-pass sums without a histogram.");
		final RankSelector.DigitCounts digits = in.readBoolean() ? RankSelector.DigitCounts.read(in) : null;
		long[][] hotTotals = null;
		if (in.readBoolean()) {
			hotTotals = new long[TableEntry.HOT][];
			for (int slot = 0; slot < hotTotals.length; slot++) {
				hotTotals[slot] = BinaryForm.readCounts(in, TableEntry.LOW_VALUES, "hot digit counts");
				if (hotTotals[slot] == null || hotTotals[slot].length != TableEntry.LOW_VALUES) throw new IOException(
					"Hot digit counts need " + (TableEntry.LOW_VALUES) + " counts.");
			}
		}
		return new SecondPassSums(kind, moments, histogram, digits, hotTotals);
	}
}
