package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;

/**
 * Hyperstacks: the statistics, mask, label and per-slice commands measure the current channel and
 * frame or each one, with channel and frame columns; Auto Contrast sets exact percentiles. The
 * references are copies of each sub-volume's voxels, gathered by ImageJ's own stack order, and
 * brute-force sorts.
 */
class HyperstackPluginsTest {

	private static final int W = 5, H = 4, C = 2, Z = 3, T = 3;

	/** 2 channels, 3 slices, 3 frames of random floats (ImageJ's order: channel fastest, then z, then t). */
	private static ImagePlus hyperstack(final long seed) {
		final Random random = new Random(seed);
		final ImageStack stack = new ImageStack(W, H);
		for (int i = 0; i < C * Z * T; i++) {
			final float[] plane = new float[W * H];
			for (int p = 0; p < plane.length; p++)
				plane[p] = (float) (random.nextGaussian() * 10 + i);
			stack.addSlice(null, plane);
		}
		final ImagePlus imp = new ImagePlus("hyper", stack);
		imp.setDimensions(C, Z, T);
		imp.setOpenAsHyperStack(true);
		return imp;
	}

	/** @return the voxels of channel c and frame t (1-based), copied plane by plane */
	private static float[] subVolume(final ImagePlus imp, final int c, final int t) {
		final float[] v = new float[W * H * Z];
		for (int z = 0; z < Z; z++)
			System.arraycopy((float[]) imp.getStack().getPixels(c + C * z + C * Z * (t - 1)), 0, v, z * W * H, W * H);
		return v;
	}

	private static Statistics core(final float[] voxels) {
		return new StatisticsCalculator().compute(ArrayImgs.floats(voxels, W, H, Z));
	}

	@Test
	void eachChannelAndFrameIsARowThatMatchesTheCoreOnItsSubVolume() {
		final ImagePlus imp = hyperstack(81);
		final ResultsTable table = new ResultsTable();
		StatisticsPlugin.addRows(table, imp, 0, true, false);
		assertEquals(6, table.size());
		int row = 0;
		for (int t = 1; t <= T; t++)
			for (int c = 1; c <= C; c++, row++) {
				assertEquals(c, table.getValue("channel", row));
				assertEquals(t, table.getValue("frame", row));
				final float[] voxels = subVolume(imp, c, t);
				final Statistics s = core(voxels);
				// the moments of planes and of one array are summed in other blocks: equal to 1e-13
				for (final String key : Statistics.DESCRIBE_KEYS)
					assertEquals(s.describe().get(key), table.getValue(key, row), 1e-13 * Math.abs(s.describe().get(key)), key +
						" c" + c + " t" + t);
				final float[] sorted = voxels.clone();
				Arrays.sort(sorted);
				assertEquals((sorted[29] + (double) sorted[30]) / 2, table.getValue("median", row), 0);
			}
		// without "each": the current channel and frame only, named in the row
		imp.setPosition(2, 1, 3);
		final ResultsTable current = new ResultsTable();
		StatisticsPlugin.addRows(current, imp, 0, false, false);
		assertEquals(1, current.size());
		assertEquals(2, current.getValue("channel", 0));
		assertEquals(3, current.getValue("frame", 0));
		assertEquals(core(subVolume(imp, 2, 3)).mean(), current.getValue("mean", 0), 0);
	}

	@Test
	void aMaskOfOneChannelAndFrameServesEveryOneAndAMatchingOneGoesPositionByPosition() {
		final ImagePlus imp = hyperstack(82);
		// a z stack: voxels with x < 2
		final ImageStack plain = new ImageStack(W, H);
		for (int z = 0; z < Z; z++) {
			final byte[] m = new byte[W * H];
			for (int p = 0; p < m.length; p++)
				m[p] = (byte) (p % W < 2 ? 1 : 0);
			plain.addSlice(null, m);
		}
		final ResultsTable table = new ResultsTable();
		MaskPlugin.addRows(table, imp, new ImagePlus("mask", plain), 0, true, false);
		assertEquals(6, table.size());
		for (int row = 0; row < 6; row++) {
			final int c = (int) table.getValue("channel", row), t = (int) table.getValue("frame", row);
			final float[] voxels = subVolume(imp, c, t);
			final float[] inside = new float[2 * H * Z];
			int n = 0;
			for (int i = 0; i < voxels.length; i++)
				if (i % W < 2) inside[n++] = voxels[i];
			assertEquals(n, (long) table.getValue("count", row));
			assertEquals(new StatisticsCalculator().compute(ArrayImgs.floats(inside, n)).mean(), table.getValue("mean",
				row), 1e-12);
		}
		final ImageStack threeChannels = new ImageStack(W, H);
		for (int i = 0; i < 3 * Z; i++)
			threeChannels.addSlice(null, new byte[W * H]);
		final ImagePlus wrong = new ImagePlus("three", threeChannels);
		wrong.setDimensions(3, Z, 1);
		assertEquals("three has 3 channels; it needs 1 or 2, as many as the image.", assertThrows(
			IllegalArgumentException.class, () -> MaskPlugin.addRows(new ResultsTable(), imp, wrong, 0, true, false))
				.getMessage());
	}

	@Test
	void timeLapseLabelsGiveRowsPerLabelAndFrame() {
		final ImagePlus imp = hyperstack(83);
		// labels of 1 channel and 3 frames: label 1 + t on the left half of every slice, 0 elsewhere
		final ImageStack stack = new ImageStack(W, H);
		for (int t = 1; t <= T; t++)
			for (int z = 0; z < Z; z++) {
				final byte[] l = new byte[W * H];
				for (int p = 0; p < l.length; p++)
					l[p] = (byte) (p % W < 3 ? 1 + t : 0);
				stack.addSlice(null, l);
			}
		final ImagePlus labels = new ImagePlus("labels", stack);
		labels.setDimensions(1, Z, T);
		final ResultsTable table = LabelsPlugin.process(imp, labels, 0, true, false);
		assertEquals(6, table.size()); // one label in each frame, for 2 channels
		for (int row = 0; row < 6; row++) {
			final int c = (int) table.getValue("channel", row), t = (int) table.getValue("frame", row);
			assertEquals(1 + t, table.getValue("label", row), "the frame's own labels");
			final float[] voxels = subVolume(imp, c, t);
			final float[] inside = new float[3 * H * Z];
			int n = 0;
			for (int i = 0; i < voxels.length; i++)
				if (i % W < 3) inside[n++] = voxels[i];
			Arrays.sort(inside);
			assertEquals((inside[n / 2 - 1] + (double) inside[n / 2]) / 2, table.getValue("median", row), 0,
				"36 voxels: the mean of the middle two");
		}
	}

	@Test
	void perSliceRowsOfEachChannelAndFrame() {
		final ImagePlus imp = hyperstack(84);
		final ResultsTable table = PerSlicePlugin.process(imp, 2, true, false);
		assertEquals(C * T * Z, table.size());
		for (int row = 0; row < table.size(); row++) {
			final int c = (int) table.getValue("channel", row), t = (int) table.getValue("frame", row);
			final int z = (int) table.getValue("slice", row);
			final float[] plane = Arrays.copyOfRange(subVolume(imp, c, t), z * W * H, (z + 1) * W * H);
			assertEquals(new StatisticsCalculator().compute(ArrayImgs.floats(plane, W, H)).mean(), table.getValue("mean",
				row), 0);
		}
		assertTrue(PerSlicePlugin.plot(table, "hyper", "z").getWidth() > 0);
	}

	/** numpy.percentile's linear rule with its _lerp, written out on a sorted array of finite values. */
	private static double linear(final double[] sorted, final double p) {
		final double h = (sorted.length - 1) * (p / 100);
		final int lo = (int) Math.floor(h);
		if (lo + 1 >= sorted.length) return sorted[lo];
		final double a = sorted[lo], b = sorted[lo + 1], t = h - lo;
		return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
	}

	@Test
	void autoContrastSetsTheExactPercentilesOfTheWholeChannel() {
		final ImagePlus imp = new CompositeImage(hyperstack(85), CompositeImage.COLOR);
		imp.setPosition(2, 1, 1);
		final double[] range = AutoContrastPlugin.process(imp, 0.35);
		// every slice and frame of channel 2
		final double[] all = new double[W * H * Z * T];
		for (int t = 1; t <= T; t++) {
			final float[] v = subVolume(imp, 2, t);
			for (int i = 0; i < v.length; i++)
				all[(t - 1) * v.length + i] = v[i];
		}
		Arrays.sort(all);
		assertEquals(linear(all, 0.175), range[0], 0);
		assertEquals(linear(all, 99.825), range[1], 0);
		assertEquals(range[0], imp.getDisplayRangeMin(), 0);
		assertEquals(range[1], imp.getDisplayRangeMax(), 0);
		// the same numbers as the core's percentiles
		final Statistics s = new StatisticsCalculator().percentiles(0.175, 99.825).compute(ArrayImgs.doubles(all,
			all.length));
		assertEquals(s.percentile(0.175), range[0], 0);
		assertEquals("saturated must be from 0 to below 100 (percent), not 100.0.", assertThrows(
			IllegalArgumentException.class, () -> AutoContrastPlugin.process(imp, 100)).getMessage());
	}

	@Test
	void autoContrastOfSixteenBitImagesRoundsOutwardsInRawValues() {
		final ImageStack stack = new ImageStack(10, 10);
		final double[] values = new double[300];
		for (int z = 0; z < 3; z++) {
			final short[] plane = new short[100];
			for (int p = 0; p < 100; p++) {
				plane[p] = (short) (1000 + 7 * p + 3 * z);
				values[z * 100 + p] = plane[p] - 32768;
			}
			stack.addSlice(null, plane);
		}
		final ImagePlus imp = new ImagePlus("signed", stack);
		imp.getCalibration().setSigned16BitCalibration();
		final double[] range = AutoContrastPlugin.process(imp, 5);
		Arrays.sort(values);
		assertEquals(linear(values, 2.5), range[0], 0);
		assertEquals(linear(values, 97.5), range[1], 0);
		assertEquals(Math.floor(range[0]) + 32768, imp.getDisplayRangeMin(), 0);
		assertEquals(Math.ceil(range[1]) + 32768, imp.getDisplayRangeMax(), 0);
	}
}
