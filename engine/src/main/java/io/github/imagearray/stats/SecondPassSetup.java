package io.github.imagearray.stats;

import java.util.BitSet;

/**
 * How the second pass takes the voxels, as it follows from the merged first pass: the centre of
 * the power sums, the distance beyond which values are outliers, the histogram's binning and, for
 * 32-bit floats, the {@link FloatCells} of the fast path and the {@link OpenDigits} where the cells
 * cannot mark the open ranks themselves. The same first pass gives the same setup anywhere.
 */
final class SecondPassSetup {

	/** At most one voxel in this many in cells of open ranks lets the cells mark them. */
	private static final int FEW_IN_OPEN_CELLS = 64;

	private final PixelKind kind;
	private final double centre;
	/** Values farther than this from the centre are outliers of the bulk, added to the moments exactly. */
	private final double far;
	private final HistogramBinning binning;
	/** Whether ranks are still open: the pass counts their next digit. */
	private final boolean ranksOpen;
	/** The cells of the float fast path, or null. */
	private final FloatCells cells;
	/** The open first digits looked up per voxel, or null. */
	private final OpenDigits openDigits;

	/**
	 * @param first the first pass over all voxels
	 * @param selector the rank selection after the first pass
	 * @param size the voxels of the image, to size the cells by
	 */
	SecondPassSetup(final PixelKind kind, final FirstPassSums first, final HistogramBinning binning,
		final RankSelector selector, final long size)
	{
		this.kind = kind;
		// a whole-number centre for whole numbers of up to 32 bits: every deviation from it, and each
		// block's sum of them (2048 x 2^33 < 2^53), is then exact, and so is the mean but for its rounding
		final boolean smallWholeNumbers = kind.isInteger() && kind.keyBits() <= 32;
		centre = smallWholeNumbers ? Math.rint(first.finiteMean()) : first.finiteMean();
		// the values between the few lowest and the few highest: beyond it lie outliers
		final double[] bulk = first.bulk();
		// how far from the centre a value is an outlier of the bulk, to be added to the moments exactly
		// lest it round away the others: FloatCells.OUTLIER_RATIO times the reach of the bulk; never for whole
		// numbers of up to 32 bits, whose deviations are summed exactly
		far = smallWholeNumbers || first.finite() == 0 ? Double.MAX_VALUE : FloatCells.OUTLIER_RATIO * Math.max(Math.abs(bulk[0] -
			centre), Math.abs(bulk[1] - centre));
		this.binning = binning;
		this.ranksOpen = !selector.isDone();
		FloatCells floatCells = kind == PixelKind.FLOAT32 && first.finiteMin() < first.finiteMax() ? new FloatCells(
			binning, bulk[0], bulk[1], size) : null;
		OpenDigits open = null;
		if (floatCells != null && ranksOpen) {
			// the cells mark the open ranks themselves where they hold few voxels; else each voxel looks
			// its first digit up
			final long[] ranges = selector.openKeyRanges();
			if (floatCells.voxelsInCellsOf(ranges, first.firstDigits()) <= first.nonNaN() / FEW_IN_OPEN_CELLS) floatCells =
				floatCells.markingOpen(ranges);
			else open = new OpenDigits(ranges, first.firstDigits(), first.nonNaN());
		}
		cells = floatCells;
		openDigits = open;
	}

	/**
	 * @param selector the rank selection, whose next digit the pass counts where ranks are open
	 * @param nonFiniteSpans the spans that hold NaN or infinite values, from the first pass
	 * @return an accumulator of the second pass, for one worker
	 */
	SecondPassSums newSums(final RankSelector selector, final BitSet nonFiniteSpans) {
		return new SecondPassSums(kind, centre, far, binning, ranksOpen ? selector.newCounts(kind) : null, cells,
			openDigits, nonFiniteSpans);
	}

	/** @return the histogram's bins */
	HistogramBinning binning() {
		return binning;
	}

	/** @return whether ranks are still open: the pass counts their next digit */
	boolean ranksOpen() {
		return ranksOpen;
	}

	/** @return the open first digits looked up per voxel, or null */
	OpenDigits openDigits() {
		return openDigits;
	}
}
