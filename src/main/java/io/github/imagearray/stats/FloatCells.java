package io.github.imagearray.stats;

/**
 * A fine grid of cells over the finite range [min, max] of 32-bit float voxels, which gives most
 * voxels their {@code numpy.histogram} bin by one multiplication and one table lookup. The cell
 * of a value is {@code (int) ((v - min) * scale)}, which never decreases as {@code v} grows, so
 * the floats of a cell form an interval: the cell lies in one bin unless a bin edge falls between
 * two of its floats. Such straddling cells, and cells that may hold values of still open ranks
 * (a {@link RankSelector}'s open key ranges), are <em>special</em>: their voxels take the exact
 * path. Each bin spans a whole number of cells, so that hardly any cell straddles an edge.
 * Immutable; shared by the workers of a pass.
 */
final class FloatCells {

	private static final int MANY_CELLS = 1 << 14;
	private static final int MAX_CELLS = 1 << 21;
	/** The bit of a table entry that marks a special cell. */
	private static final int SPECIAL = Integer.MIN_VALUE;
	/** The bits of a table entry that hold its count index. */
	static final int INDEX = Integer.MAX_VALUE;

	private final HistogramBinning binning;
	/** The smallest value; cell 0 starts there. */
	final double min;
	/** Cells per unit of value. */
	final double scale;
	/**
	 * Per cell (and one more for rounding at the maximum): in the {@link #INDEX} bits the bin of
	 * its floats, or the number of bins where they straddle an edge (a spare count slot: their
	 * bins are found against the edges); the sign bit marks special cells, whose voxels take the
	 * exact path.
	 */
	final int[] table;

	/**
	 * @param binning the histogram bins, over [min, max]
	 * @param min the smallest finite value, a float
	 * @param max the largest finite value, a float greater than min
	 * @param openKeyRanges pairs of first and last 32-bit {@link OrderKeys order keys} that may
	 *          hold values of open ranks
	 * @param voxels the number of voxels to be binned: small images get fewer cells, which are
	 *          quicker to set up
	 */
	FloatCells(final HistogramBinning binning, final double min, final double max, final long[] openKeyRanges,
		final long voxels)
	{
		if (!(min < max)) throw new IllegalArgumentException("Cells need min < max, not " + min + " and " + max + ".");
		this.binning = binning;
		this.min = min;
		// a whole number of cells per bin, at least 16, so that the edges fall on cell boundaries
		// (up to rounding, which lets a cell straddle an edge only where a float lies within a few
		// ulps of it); about 16,384 cells as the image grows, a table that stays in the L2 cache
		final long wanted = Math.min(MANY_CELLS, voxels / 4);
		final int perBin = (int) Math.max(1, Math.min(MAX_CELLS / binning.bins(), Math.max(16, (wanted
			+ binning.bins() - 1) / binning.bins())));
		final int cells = perBin * binning.bins();
		this.scale = cells / (max - min);
		table = new int[cells + 1];
		final boolean[] straddles = new boolean[cells + 1];
		// a cell that lies in one bin has the bin of the number of edges whose first float lies in it
		// or in a cell before it
		final int[] edgesStarting = new int[cells + 1];
		for (int i = 1; i < binning.bins(); i++) {
			final double edge = binning.edge(i);
			float first = (float) edge;
			if (first < edge) first = Math.nextUp(first);
			final int firstCell = cell(clamp(first, min, max));
			edgesStarting[firstCell]++;
			if (cell(clamp(Math.nextDown(first), min, max)) == firstCell) straddles[firstCell] = true;
		}
		for (int c = 0, bin = 0; c <= cells; c++) {
			bin += edgesStarting[c];
			table[c] = straddles[c] ? SPECIAL | binning.bins() : bin;
		}
		final long minKey = OrderKeys.floatKey((float) min), maxKey = OrderKeys.floatKey((float) max);
		for (int r = 0; r < openKeyRanges.length; r += 2) {
			final long first = Math.max(openKeyRanges[r], minKey), last = Math.min(openKeyRanges[r + 1], maxKey);
			if (first > last) continue;
			final int to = cell(OrderKeys.value(PixelKind.FLOAT32, last));
			for (int c = cell(OrderKeys.value(PixelKind.FLOAT32, first)); c <= to; c++)
				table[c] |= SPECIAL;
		}
	}

	private static double clamp(final double v, final double min, final double max) {
		return Math.max(min, Math.min(max, v));
	}

	/** @return the cell of a value in [min, max] */
	int cell(final double v) {
		return (int) ((v - min) * scale);
	}

	/** @return whether the floats of the cell with this table entry straddle a bin edge */
	boolean straddles(final int entry) {
		return (entry & INDEX) == binning.bins();
	}

	/** @return the bin of a value in [min, max] whose cell has the table entry {@code entry} */
	int bin(final double v, final int entry) {
		return straddles(entry) ? binning.binByEdges(v) : entry & INDEX;
	}
}
