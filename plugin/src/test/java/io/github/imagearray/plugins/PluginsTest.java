package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-GUI work of the menu commands, headless. */
class PluginsTest {

	@TempDir
	Path dir;

	/** A 16-bit stack with distinct values: v = 1000 + 3z + 7y + x*x. */
	static ImagePlus stack(final int w, final int h, final int d) {
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < d; z++) {
			final short[] p = new short[w * h];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					p[y * w + x] = (short) (1000 + 3 * z + 7 * y + x * x);
			stack.addSlice(null, p);
		}
		return new ImagePlus("stack", stack);
	}

	/** The statistics of the voxels ImageJ's own Roi.contains selects, copied into an array image. */
	private static Statistics reference(final ImagePlus imp, final Roi roi) {
		final List<Double> values = new ArrayList<>();
		for (int z = 1; z <= imp.getStackSize(); z++) {
			final short[] p = (short[]) imp.getStack().getPixels(z);
			for (int y = 0; y < imp.getHeight(); y++)
				for (int x = 0; x < imp.getWidth(); x++)
					if (roi == null || roi.contains(x, y)) values.add((double) (p[y * imp.getWidth() + x] & 0xffff));
		}
		final short[] v = new short[values.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = (short) values.get(i).intValue();
		return new StatisticsCalculator().bins(50).compute(ArrayImgs.unsignedShorts(v, v.length));
	}

	@Test
	void wholeStackRectangleAndOvalSelections() {
		final ImagePlus imp = stack(20, 16, 5);
		assertEquals(reference(imp, null).describe(), StatisticsPlugin.process(imp, 50).describe());
		for (final Roi roi : new Roi[] { new Roi(3, 2, 9, 7), new OvalRoi(4, 1, 12, 13), new Roi(15, 10, 30, 30) }) {
			imp.setRoi(roi);
			final Statistics s = StatisticsPlugin.process(imp, 50);
			final Statistics expected = reference(imp, imp.getRoi());
			assertEquals(expected.describe(), s.describe());
			assertEquals(expected.count(), s.count());
			assertArrayEquals(expected.histogram().counts(), s.histogram().counts());
		}
	}

	@Test
	void statisticsKeepsTheContract() throws Exception {
		PluginContract.refusesNoImage(imp -> StatisticsPlugin.process(imp, 0));
		PluginContract.refusesRgb(imp -> StatisticsPlugin.process(imp, 0));
		PluginContract.refusesBadBins(bins -> StatisticsPlugin.process(stack(4, 4, 2), bins, false, false));
		PluginContract.cancelsOnEscape(imp -> StatisticsPlugin.process(imp, 0));
	}

	@Test
	void describeKeepsTheContract() throws Exception {
		PluginContract.refusesNoImage(imp -> DescribePlugin.process(imp, dir, "x"));
		PluginContract.refusesRgb(imp -> DescribePlugin.process(imp, dir, "x"));
		PluginContract.cancelsOnEscape(imp -> DescribePlugin.process(imp, dir, "x"));
	}

	@Test
	void histogramKeepsTheContract() throws Exception {
		PluginContract.refusesNoImage(imp -> HistogramPlugin.process(imp, 0, null));
		PluginContract.refusesRgb(imp -> HistogramPlugin.process(imp, 0, null));
		PluginContract.refusesBadBins(bins -> HistogramPlugin.process(stack(4, 4, 2), bins, null));
		PluginContract.cancelsOnEscape(imp -> HistogramPlugin.process(imp, 0, null));
	}

	/** The work of the commands on an image and a second one of its size, the mask or the labels. */
	@FunctionalInterface
	private interface PairWork {

		Object on(ImagePlus image, ImagePlus second, double bins) throws Exception;
	}

	@Test
	void maskAndLabelsKeepTheContract() throws Exception {
		for (final PairWork work : new PairWork[] { MaskPlugin::process, LabelsPlugin::process }) {
			PluginContract.refusesNoImage(imp -> work.on(imp, stack(4, 4, 2), 0));
			PluginContract.refusesRgb(imp -> work.on(imp, stack(4, 4, 2), 0));
			PluginContract.refusesBadBins(bins -> work.on(stack(4, 4, 2), stack(4, 4, 2), bins));
			PluginContract.cancelsOnEscape(imp -> work.on(imp, ones(imp), 0));
		}
	}

	@Test
	void perSliceKeepsTheContract() throws Exception {
		PluginContract.refusesNoImage(imp -> PerSlicePlugin.process(imp, 2));
		PluginContract.refusesRgb(imp -> PerSlicePlugin.process(imp, 2));
		PluginContract.cancelsOnEscape(imp -> PerSlicePlugin.process(imp, 2));
	}

	@Test
	void orthogonalSlicesKeepsTheContract() {
		PluginContract.refusesNoImage(imp -> OrthogonalSlicesPlugin.process(imp, new long[] { 1, 1, 1 }, null));
		PluginContract.refusesRgb(imp -> OrthogonalSlicesPlugin.process(imp, new long[] { 1, 1, 1 }, null));
	}

	/** @return an 8-bit image of ones of the size of {@code imp}: one label, a mask of everything */
	private static ImagePlus ones(final ImagePlus imp) {
		final ImageStack stack = new ImageStack(imp.getWidth(), imp.getHeight());
		for (int z = 0; z < imp.getStackSize(); z++) {
			final byte[] p = new byte[imp.getWidth() * imp.getHeight()];
			Arrays.fill(p, (byte) 1);
			stack.addSlice(null, p);
		}
		return new ImagePlus("ones", stack);
	}

	@Test
	void tableHasTheCsvColumnsAtFullPrecision() {
		final ImagePlus imp = stack(7, 5, 3);
		final Statistics s = StatisticsPlugin.process(imp, 0);
		final ResultsTable table = new ResultsTable();
		StatisticsTable.addRow(table, "first", s, "Gray Value");
		StatisticsTable.addRow(table, "second", s, "HU");
		assertEquals(2, table.size());
		assertEquals("second", table.getLabel(1));
		assertEquals(s.skewness(), table.getValue("skewness", 0), 0);
		assertEquals(s.median(), table.getValue("median", 1), 0);
		assertEquals(s.standardDeviation(), table.getValue("standarddev", 0), 0);
		assertEquals(105, table.getValue("count", 0), 0);
		assertEquals(0, table.getValue("nan_count", 0), 0);
		assertEquals(s.percentile(95), table.getValue("p95", 0), 0);
		assertEquals("HU", table.getStringValue("unit", 1));
		assertTrue(StatisticsTable.csv(table).endsWith(",HU\n"), StatisticsTable.csv(table));
		for (final String column : Statistics.DESCRIBE_KEYS)
			assertEquals(true, table.columnExists(column), column);
	}

	@Test
	void describeWritesTheCsvOfTheSelection() throws IOException {
		final ImagePlus imp = stack(8, 8, 2);
		imp.setRoi(new OvalRoi(1, 1, 6, 6));
		final Path file = DescribePlugin.process(imp, dir, "oval");
		assertEquals(dir.resolve("oval.csv"), file);
		final List<String> lines = Files.readAllLines(file);
		assertEquals(StatisticsCsv.HEADER, lines.get(0));
		assertEquals(StatisticsCsv.row(reference(imp, imp.getRoi()).describe()), lines.get(1));
		assertEquals("Directory does not exist: " + dir.resolve("no"), assertThrows(IOException.class,
			() -> DescribePlugin.process(imp, dir.resolve("no"), "x")).getMessage());
	}

	@Test
	void hyperstacksMeasureTheCurrentStackOrEveryPlane() {
		final ImagePlus imp = stack(6, 5, 12);
		imp.setDimensions(2, 3, 2); // c, z, t
		imp.setOpenAsHyperStack(true);
		imp.setPosition(2, 1, 2);
		final List<Double> current = new ArrayList<>(), every = new ArrayList<>();
		for (int i = 1; i <= 12; i++)
			for (final short v : (short[]) imp.getStack().getPixels(i)) {
				every.add((double) v);
				if (i == imp.getStackIndex(2, 1, 2) || i == imp.getStackIndex(2, 2, 2) || i == imp.getStackIndex(2, 3, 2))
					current.add((double) v);
			}
		assertEquals(current.size(), StatisticsPlugin.process(imp, 0).count());
		assertEquals(mean(current), StatisticsPlugin.process(imp, 0).mean(), 1e-9);
		final Statistics all = StatisticsPlugin.process(imp, 0, true, false);
		assertEquals(every.size(), all.count());
		assertEquals(mean(every), all.mean(), 1e-9);
		assertEquals(5, ImagePlusImgs.wrapAll(imp).numDimensions());
		imp.setRoi(new OvalRoi(1, 1, 4, 3));
		assertEquals(reference(imp, imp.getRoi()).count(), StatisticsPlugin.process(imp, 0, true, false).count());
	}

	private static double mean(final List<Double> v) {
		return v.stream().mapToDouble(Double::doubleValue).average().getAsDouble();
	}

	/** Every command's work runs through one helper: after Esc the key and the interrupt are cleared. */
	@Test
	void aCanceledCommandLeavesNoEscapeOrInterruptBehind() {
		final StatisticsCalculator calculator = new StatisticsCalculator();
		final ImagePlus imp = PluginContract.large();
		final long[] counted = { -1 };
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		Messages.run(StatisticsPlugin.COMMAND, () -> counted[0] = StatisticsPlugin.process(imp, 0).count());
		assertEquals(-1, counted[0], "the work was cancelled");
		assertFalse(IJ.escapePressed(), "Esc is cleared");
		assertFalse(Thread.interrupted(), "the interrupt is cleared");
		Messages.run(StatisticsPlugin.COMMAND, () -> counted[0] = calculator.compute(ImagePlusImgs.wrap(imp)).count());
		assertEquals(512L * 512 * 12, counted[0], "the next command runs");
	}

	@Test
	void canceledDescribeWritesNothing() throws IOException {
		IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		try {
			assertThrows(CancellationException.class, () -> DescribePlugin.process(PluginContract.large(), dir,
				"never"));
		}
		finally {
			IJ.resetEscape();
			Thread.interrupted();
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void pathsWithSpacesCommasAndNonAsciiCharacters() throws IOException {
		final Path odd = Files.createDirectory(dir.resolve("CT scans, 2026 été 数据"));
		final Path file = DescribePlugin.process(stack(4, 4, 2), odd, "résultat, final");
		assertEquals(odd.resolve("résultat, final.csv"), file);
		assertEquals(StatisticsCsv.HEADER, Files.readAllLines(file).get(0));
	}

	@Test
	void voxelSizeComesFromTheCalibration() {
		final ImagePlus imp = stack(3, 3, 2);
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelDepth = 2;
		imp.getCalibration().setUnit("mm");
		assertArrayEquals(new double[] { 0.5, 1, 2 }, ImagePlusImgs.voxelSize(imp).size(), 0);
		assertEquals("mm", ImagePlusImgs.voxelSize(imp).unit());
	}

	@Test
	void theImageIsNotChanged() {
		final ImagePlus imp = stack(9, 9, 3);
		final short[] before = ((short[]) imp.getStack().getPixels(2)).clone();
		imp.setRoi(new OvalRoi(1, 1, 6, 6));
		StatisticsPlugin.process(imp, 0);
		assertArrayEquals(before, (short[]) imp.getStack().getPixels(2));
	}
}
