package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cells of the float fast path give every float in range the bin that the edges give it, and
 * mark every float of an open key range as special.
 */
class FloatCellsTest {

	@ParameterizedTest
	@CsvSource({ "-0.1, 1.1, 255, 16777216", "-0.1, 1.1, 255, 1000", "0, 1, 10, 16777216", "0, 1, 10, 100",
		"1e7, 10000001, 255, 16777216", "-3e38, 3e38, 1000, 16777216", "0, 1e-40, 7, 16777216",
		"1, 1.0000002, 255, 16777216", "-5, 5, 1, 16777216", "-5, 5, 2, 16777216", "0, 4095, 4096, 16777216",
		"-1, 1, 100000, 16777216", "2.5, 2.5000005, 65536, 16777216" })
	void everyFloatGetsTheBinOfTheEdges(final float min, final float max, final int bins, final long voxels) {
		final HistogramBinning binning = new HistogramBinning(bins, min, max);
		// small images get a coarser grid: fewer cells per bin, the same bins
		final FloatCells cells = new FloatCells(binning, min, max, voxels);
		for (final float v : probes(binning, min, max)) {
			final int cell = cells.cell(v);
			assertTrue(cell >= 0 && cell < cells.table().length, "cell " + cell + " of " + v);
			assertEquals(binning.binByEdges(v), cells.bin(v, cells.table()[cell]), "bin of " + v);
		}
	}

	/**
	 * A grid over part of the range (the bulk between outliers): every float still gets its bin, and
	 * those beyond the grid lie in the guard cells, which are special.
	 */
	@ParameterizedTest
	@CsvSource({ "-1e30, 1e30, -0.1, 1.1, 255, true", "-1e30, 1e30, -0.1, 1.1, 1, true",
		"-1024, 3071, -1024, 100, 255, false", "0, 3e6, 1e-5, 6e4, 255, false", "0, 3e9, 1e-5, 6e4, 255, true", "-5, 5, -4.9, 4.9, 1000, false",
		"0, 1, 0.5, 0.5000001, 255, true", "-3e38, 3e38, -1, 1, 65536, true", "-5, 5, -4.9, 4.9, 10, false" })
	void aGridOverTheBulkGuardsTheRest(final float min, final float max, final float lo, final float hi,
		final int bins, final boolean bulkWithinFewBins)
	{
		final HistogramBinning binning = new HistogramBinning(bins, min, max);
		final FloatCells cells = new FloatCells(binning, lo, hi, 1L << 27);
		final List<Float> probes = probes(binning, min, max);
		probes.addAll(probes(binning, lo, hi));
		int beyond = 0;
		for (final float v : probes) {
			final int cell = cells.cell(v);
			assertEquals(binning.binByEdges(v), cells.bin(v, cells.table()[cell]), "bin of " + v);
			// a bulk over many bins gets a grid over the whole range, without guards
			if (cells.isGuarded() && (v < lo || v > hi)) {
				beyond++;
				// a float just beyond the top may share the rounding cell of the top: it is binned exactly
				assertTrue(cells.isGuard(cell) || cell == cells.last() - 1 && v > hi, v + " lies beyond the grid");
			}
			if (cells.isGuard(cell)) assertTrue(cells.table()[cell] < 0, "guards are special");
			if (v >= lo && v <= hi) assertTrue(!cells.isGuard(cell), v + " lies in the grid");
		}
		assertEquals(bulkWithinFewBins, cells.isGuarded(), "guards where the bulk lies within few bins");
		if (cells.isGuarded()) assertTrue(beyond > 100, "the probes reach beyond the grid");
	}

	@ParameterizedTest
	@CsvSource({ "-0.1, 1.1, 255", "-1000, 1e-3, 255", "0, 1e-30, 10" })
	void everyFloatOfAnOpenKeyRangeIsInASpecialCell(final float min, final float max, final int bins) {
		final HistogramBinning binning = new HistogramBinning(bins, min, max);
		final SplittableRandom random = new SplittableRandom(5);
		final long[] ranges = new long[8];
		for (int r = 0; r < ranges.length; r += 2) {
			final float inside = (float) (min + random.nextDouble() * ((double) max - min));
			ranges[r] = OrderKeys.floatKey(inside) & ~0xffffL;
			ranges[r + 1] = ranges[r] | 0xffff;
		}
		final FloatCells cells = new FloatCells(binning, min, max, 1L << 24).markingOpen(ranges);
		int inRanges = 0;
		for (final float v : probes(binning, min, max)) {
			final long key = OrderKeys.floatKey(v);
			for (int r = 0; r < ranges.length; r += 2)
				if (key >= ranges[r] && key <= ranges[r + 1]) {
					inRanges++;
					// the sign bit marks special cells
					assertTrue(cells.table()[cells.cell(v)] < 0, v + " is in an open range");
				}
			assertEquals(binning.binByEdges(v), cells.bin(v, cells.table()[cells.cell(v)]), "bin of " + v);
		}
		assertTrue(inRanges > 100, "the probes reach the ranges");
	}

	@ParameterizedTest
	@CsvSource({ "-0.1, 1.1, 255", "-1024, 3071, 255", "0.001, 7.3, 1000", "1e7, 10000001, 255", "0, 1, 10" })
	void edgesFallOnCellBoundaries(final float min, final float max, final int bins) {
		final HistogramBinning binning = new HistogramBinning(bins, min, max);
		final FloatCells cells = new FloatCells(binning, min, max, 1L << 27);
		// a grid over the whole range: the cells and one for rounding at the top, no guards
		assertTrue(!cells.isGuarded(), "no guards");
		assertEquals(0, (cells.table().length - 1) % bins, "a whole number of cells per bin");
		int straddling = 0;
		for (int c = 0; c <= cells.last(); c++)
			if (cells.straddles(cells.table()[c])) straddling++;
		// an edge splits its cell only where rounding puts a float within a few ulps of it
		assertTrue(straddling <= bins / 100, straddling + " cells straddle an edge");
	}

	/** Random floats in [min, max], the floats around every edge, and around each range's keys. */
	private static List<Float> probes(final HistogramBinning binning, final float min, final float max) {
		final List<Float> probes = new ArrayList<>();
		final SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 20_000; i++)
			probes.add((float) Math.max(min, Math.min(max, min + random.nextDouble() * ((double) max - min))));
		for (int i = 0; i < 20_000; i++) {
			// uniform in the keys between min and max: reaches tiny magnitudes near zero too
			final long lo = OrderKeys.floatKey(min), hi = OrderKeys.floatKey(max);
			probes.add((float) OrderKeys.value(PixelKind.FLOAT32, lo + (long) (random.nextDouble() * (hi - lo))));
		}
		for (int i = 0; i <= binning.bins() && i <= 5000; i++) {
			float f = (float) binning.edge(i);
			for (int k = 0; k < 3; k++)
				f = Math.nextDown(f);
			for (int k = 0; k < 7; k++, f = Math.nextUp(f))
				if (f >= min && f <= max) probes.add(f);
		}
		probes.add(min);
		probes.add(max);
		return probes;
	}
}
