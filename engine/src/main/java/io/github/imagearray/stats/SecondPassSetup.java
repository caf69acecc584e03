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

	final double centre;
	/** Values farther than this from the centre are outliers of the bulk, added to the moments exactly. */
	final double far;
	final HistogramBinning binning;
	/** Whether ranks are still open: the pass counts their next digit. */
	final boolean refine;
	/** The cells of the float fast path, or null. */
	final FloatCells cells;
	/** The open first digits looked up per voxel, or null. */
	final OpenDigits open;

	/**
	 * @param first the first pass over all voxels
	 * @param refine whether the selector still has open ranks
	 * @param size the voxels of the image, to size the cells by
	 */
	SecondPassSetup(final PixelKind kind, final FirstPassSums first, final HistogramBinning binning,
		final boolean refine, final RankSelector selector, final long size)
	{
		// a whole-number centre for whole numbers of up to 32 bits: every deviation from it, and each
		// block's sum of them (2048 x 2^33 < 2^53), is then exact, and so is the mean but for its rounding
		final boolean smallWholeNumbers = kind.isInteger() && kind.keyBits() <= 32;
		centre = smallWholeNumbers ? Math.rint(first.finiteMean()) : first.finiteMean();
		// the values between the few lowest and the few highest: beyond it lie outliers
		final double[] bulk = first.bulk();
		// how far from the centre a value is an outlier of the bulk, to be added to the moments exactly
		// lest it round away the others: FloatCells.FAR times the reach of the bulk; never for whole
		// numbers of up to 32 bits, whose deviations are summed exactly
		far = smallWholeNumbers || first.finite == 0 ? Double.MAX_VALUE : FloatCells.FAR * Math.max(Math.abs(bulk[0] -
			centre), Math.abs(bulk[1] - centre));
		this.binning = binning;
		this.refine = refine;
		FloatCells floatCells = kind == PixelKind.FLOAT32 && first.finiteMin < first.finiteMax ? new FloatCells(binning,
			bulk[0], bulk[1], size) : null;
		OpenDigits openDigits = null;
		if (floatCells != null && refine) {
			// the cells mark the open ranks themselves where they hold few voxels; else each voxel looks
			// its first digit up
			final long[] ranges = selector.openKeyRanges();
			if (floatCells.voxelsInCellsOf(ranges, first.topDigits()) <= first.count() / FEW_IN_OPEN_CELLS) floatCells =
				floatCells.markingOpen(ranges);
			else openDigits = new OpenDigits(ranges, first.topDigits(), first.count());
		}
		cells = floatCells;
		open = openDigits;
	}

	/** @return an accumulator of the second pass, for one worker */
	SecondPassSums newSums(final PixelKind kind, final RankSelector.DigitCounts digits,
		final BitSet nonFiniteSpans)
	{
		return new SecondPassSums(kind, centre, far, binning, digits, cells, open, nonFiniteSpans);
	}
}
