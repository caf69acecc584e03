package io.github.imagearray.stats;

/**
 * A fine grid of cells over the bulk of 32-bit float voxels, which gives most voxels their
 * {@code numpy.histogram} bin by one multiplication and one table lookup in the second pass. The
 * cell of a value, {@link #cell}, never decreases as the value grows, so the floats of a cell
 * form an interval: the cell lies in one bin unless a bin edge falls between two of its floats.
 * Such straddling cells are <em>special</em>: their voxels are binned against the edges. The grid
 * covers the range, each bin a whole number of cells, so that hardly any cell straddles an edge.
 * Where the bulk of the values (between the few lowest and the few highest, from the first pass's
 * {@link FirstPassSums#bulk key counts}) lies within a few bins and outliers beyond it (the range
 * more than {@link #OUTLIER_RATIO} times as wide as the bulk), the grid covers the bulk alone and two guard cells take everything beyond it, so that the outliers neither
 * coarsen the cells nor enter the plain sums of the moments: their voxels are special too, and
 * each is added exactly ({@link MomentSums#addExactly}).
 * Immutable; shared by the workers of a pass.
 */
final class FloatCells {

	private static final int MANY_CELLS = 1 << 14;
	private static final int MAX_CELLS = 1 << 21;
	/**
	 * A bulk over at least this many bins, or over all of them, gets a grid of whole bins over the
	 * whole range, without guards; a bulk within fewer, with outliers beyond it, a guarded grid of
	 * its own.
	 */
	private static final int ALIGNED_FROM_BINS = 16;
	/**
	 * Values beyond the bulk are outliers, to be guarded against, where the range is more than
	 * this many times as wide as the bulk: nearer ones cannot round away the others in the sums.
	 */
	static final double OUTLIER_RATIO = 1024;

	private final HistogramBinning binning;
	/** Where the grid, and its cell 1, starts. */
	private final double lo;
	/** Cells per unit of value. */
	private final double scale;
	/** The index of the last cell: the upper guard, or without guards the one for rounding at the top. */
	private final int last;
	/**
	 * Whether the grid covers the bulk alone, with guard cells 0 and {@link #last}; else it covers the
	 * whole range from cell 0, and needs neither guards nor clamping.
	 */
	private final boolean guarded;
	/**
	 * Per cell, a {@link TableEntry}: the bin of its floats, or where they straddle an edge or lie
	 * beyond the grid a special cell's entry with the number of bins (the spare bin: their bins are
	 * found against the edges).
	 */
	private final int[] table;

	/**
	 * @param binning the histogram bins, over [min, max] of the finite values
	 * @param bulkLo the lowest value of the bulk, a float of the range
	 * @param bulkHi the highest value of the bulk, a float greater than bulkLo
	 * @param voxels the number of voxels to be binned: small images get fewer cells, which are
	 *          quicker to set up
	 */
	FloatCells(final HistogramBinning binning, final double bulkLo, final double bulkHi, final long voxels) {
		if (!(bulkLo < bulkHi)) throw new IllegalArgumentException("Cells need lo < hi, not " + bulkLo + " and " +
			bulkHi + ".");
		this.binning = binning;
		// about 16,384 cells as the image grows, a table that stays in the L2 cache
		final long wanted = Math.max(16, Math.min(MANY_CELLS, voxels / 4));
		final int firstBin = binning.binByEdges(bulkLo), lastBin = binning.binByEdges(bulkHi);
		final int spanned = lastBin - firstBin + 1;
		final double hi;
		final int cells;
		final double range = binning.edge(binning.bins()) - binning.edge(0);
		if (binning.bins() > 1 && (spanned >= Math.min(ALIGNED_FROM_BINS, binning.bins()) || range <= OUTLIER_RATIO * (bulkHi
			- bulkLo))) {
			// a whole number of cells per bin, at least 16, so that the edges fall on cell boundaries
			// (up to rounding, which lets a cell straddle an edge only where a float lies within a few
			// ulps of it); over all bins: values a few bins from the bulk are no outliers to guard against
			this.lo = binning.edge(0);
			hi = binning.edge(binning.bins());
			final int perBin = (int) Math.max(1, Math.min(MAX_CELLS / binning.bins(), Math.max(16, (wanted + binning
				.bins() - 1) / binning.bins())));
			cells = perBin * binning.bins();
			guarded = false;
		}
		else {
			// few bins, few edges: a grid over the bulk alone, as fine as the values are dense
			this.lo = bulkLo;
			hi = bulkHi;
			cells = (int) wanted;
			guarded = true;
		}
		this.scale = cells / (hi - lo);
		// with guards: cells 1 to cells, one more for rounding at the top of the grid, and the two
		// guards; without: cells 0 to cells - 1 and the one for rounding
		this.last = guarded ? cells + 2 : cells;
		table = new int[last + 1];
		markBins();
	}

	/** The same grid as {@code cells}, with the table {@code table}. */
	private FloatCells(final FloatCells cells, final int[] table) {
		this.binning = cells.binning;
		this.lo = cells.lo;
		this.scale = cells.scale;
		this.last = cells.last;
		this.guarded = cells.guarded;
		this.table = table;
	}

	/**
	 * @param openKeyRanges pairs of first and last 32-bit {@link OrderKeys order keys} that may
	 *          hold values of open ranks
	 * @return the same cells with those of the ranges marked special
	 */
	FloatCells markingOpen(final long[] openKeyRanges) {
		final int[] marked = table.clone();
		for (int r = 0; r < openKeyRanges.length; r += 2) {
			final int[] cells = cellsOf(openKeyRanges[r], openKeyRanges[r + 1]);
			for (int c = cells[0]; c <= cells[1]; c++)
				marked[c] = TableEntry.marked(marked[c]);
		}
		return new FloatCells(this, marked);
	}

	/** @return the first and last cell that floats with keys from {@code first} to {@code last} fall in */
	private int[] cellsOf(final long first, final long last) {
		// a first digit's keys reach beyond the values of the grid where it holds the minimum or maximum
		// (the wanted rank of percentile 0 or 100, or of one its voxels crowd): no voxel lies there
		return new int[] { onGrid(OrderKeys.value(PixelKind.FLOAT32, first)), onGrid(OrderKeys.value(PixelKind.FLOAT32,
			last)) };
	}

	private int onGrid(final double v) {
		return Math.min(Math.max(cell(v), 0), this.last);
	}

	/**
	 * @param openKeyRanges pairs of first and last 32-bit order keys of open first digits
	 * @param firstDigits the counts of the first digits in key order
	 * @return about how many voxels lie in the cells of those digits: the counts of every first digit
	 *         that those cells reach into
	 */
	long voxelsInCellsOf(final long[] openKeyRanges, final long[] firstDigits) {
		final int shift = 32 - Integer.numberOfTrailingZeros(firstDigits.length);
		long voxels = 0;
		for (int r = 0; r < openKeyRanges.length; r += 2) {
			final int[] cells = cellsOf(openKeyRanges[r], openKeyRanges[r + 1]);
			final int first = (int) (OrderKeys.floatKey((float) start(cells[0])) >>> shift);
			final int lastDigit = (int) (OrderKeys.floatKey((float) start(cells[1] + 1)) >>> shift);
			for (int d = first; d <= lastDigit; d++)
				voxels += firstDigits[d];
		}
		return voxels;
	}

	/** @return about where cell {@code c} starts; a guard cell from the end of the floats */
	private double start(final int c) {
		if (guarded && c <= 0) return -Float.MAX_VALUE;
		if (guarded && c >= last) return Float.MAX_VALUE;
		return Math.min(Float.MAX_VALUE, lo + (guarded ? c - 1 : c) / scale);
	}

	/**
	 * Gives every cell its bin: a cell that lies in one bin has the bin of the number of edges whose
	 * first float lies in it or in a cell before it; cells that an edge splits, and the guards, are
	 * special.
	 */
	private void markBins() {
		final boolean[] straddles = new boolean[last + 1];
		final int[] edgesStarting = new int[last + 1];
		for (int i = 1; i < binning.bins(); i++) {
			final double edge = binning.edge(i);
			float first = (float) edge;
			if (first < edge) first = Math.nextUp(first);
			final int firstCell = cell(first);
			edgesStarting[firstCell]++;
			if (cell(Math.nextDown(first)) == firstCell) straddles[firstCell] = true;
		}
		if (guarded) straddles[0] = straddles[last] = true;
		for (int c = 0, bin = 0; c <= last; c++) {
			bin += edgesStarting[c];
			table[c] = straddles[c] ? TableEntry.specialCell(binning.bins()) : bin;
		}
	}

	/** @return where the grid starts: cell 1 with guards, else cell 0 */
	double lo() {
		return lo;
	}

	/** @return cells per unit of value */
	double scale() {
		return scale;
	}

	/** @return the index of the last cell: the upper guard, or without guards the one for rounding at the top */
	int last() {
		return last;
	}

	/** @return whether the grid covers the bulk alone, with guard cells 0 and {@link #last} */
	boolean isGuarded() {
		return guarded;
	}

	/**
	 * @return per cell, its {@link TableEntry}: the table itself, for loops to look up in, never
	 *         to change
	 */
	int[] table() {
		return table;
	}

	/**
	 * @return the cell of a finite value; with guards 0 below the grid, {@link #last} above it, and
	 *         the grid's first value ({@code v - lo} exactly 0) always in cell 1
	 */
	int cell(final double v) {
		return guarded ? Math.min(Math.max(unclamped(v), 0), last) : (int) ((v - lo) * scale);
	}

	/**
	 * @return in a grid with guards, the cell of a value of the grid as {@link #cell} has it, and
	 *         outside 0 to {@link #last} for a value beyond the guards: one test for several values
	 *         finds those, where a clamp of each costs more
	 */
	int unclamped(final double v) {
		return (int) ((v - lo) * scale + 1);
	}

	/** @return whether the cell lies beyond the grid: its values are outliers of the bulk */
	boolean isGuard(final int cell) {
		return guarded && (cell == 0 || cell == last);
	}

	/** @return whether the floats of the cell with this table entry straddle a bin edge */
	boolean straddles(final int entry) {
		return TableEntry.countIndex(entry) == binning.bins();
	}

	/** @return the bin of a finite value whose cell has the table entry {@code entry} */
	int bin(final double v, final int entry) {
		return straddles(entry) ? binning.binByEdges(v) : TableEntry.countIndex(entry);
	}
}
