package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;
import io.github.imagearray.StatisticsCsv;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;

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
	void rgbAndBadBinsAreRefusedWithAMessage() {
		final ImagePlus rgb = new ImagePlus("rgb", new ColorProcessor(4, 4));
		assertEquals(ImagePlusImgs.RGB_REFUSED, assertThrows(IllegalArgumentException.class, () -> StatisticsPlugin
			.process(rgb, 0)).getMessage());
		final ImagePlus imp = stack(4, 4, 2);
		assertEquals("bins must be 0 (automatic) or from 1 to 1048576, not -3.", assertThrows(IllegalArgumentException.class,
			() -> StatisticsPlugin.process(imp, -3)).getMessage());
		assertEquals("bins must be a whole number, not 2.5.", assertThrows(IllegalArgumentException.class,
			() -> StatisticsPlugin.process(imp, 2.5, false)).getMessage());
	}

	@Test
	void tableHasTheCsvColumnsAtFullPrecision() {
		final ImagePlus imp = stack(7, 5, 3);
		final Statistics s = StatisticsPlugin.process(imp, 0);
		final ResultsTable table = new ResultsTable();
		StatisticsTable.addRow(table, "first", s);
		StatisticsTable.addRow(table, "second", s);
		assertEquals(2, table.size());
		assertEquals("second", table.getLabel(1));
		assertEquals(s.skewness(), table.getValue("skewness", 0), 0);
		assertEquals(s.median(), table.getValue("median", 1), 0);
		assertEquals(s.standardDeviation(), table.getValue("standarddev", 0), 0);
		assertEquals(105, table.getValue("count", 0), 0);
		assertEquals(0, table.getValue("nan_count", 0), 0);
		assertEquals(s.percentile(95), table.getValue("p95", 0), 0);
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
		final Statistics all = StatisticsPlugin.process(imp, 0, true);
		assertEquals(every.size(), all.count());
		assertEquals(mean(every), all.mean(), 1e-9);
		assertEquals(5, ImagePlusImgs.wrapAll(imp).numDimensions());
		imp.setRoi(new OvalRoi(1, 1, 4, 3));
		assertEquals(reference(imp, imp.getRoi()).count(), StatisticsPlugin.process(imp, 0, true).count());
	}

	private static double mean(final List<Double> v) {
		return v.stream().mapToDouble(Double::doubleValue).average().getAsDouble();
	}

	@Test
	void escapeCancelsAndLeavesImageJUsable() {
		final ImageStack stack = new ImageStack(512, 512);
		for (int z = 0; z < 12; z++)
			stack.addSlice(null, new float[512 * 512]);
		final ImagePlus imp = new ImagePlus("big", stack);
		ij.IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
		try {
			assertThrows(java.util.concurrent.CancellationException.class, () -> StatisticsPlugin.process(imp, 0));
		}
		finally {
			ij.IJ.resetEscape();
			Thread.interrupted();
		}
		assertEquals(512L * 512 * 12, StatisticsPlugin.process(imp, 0).count());
	}

	/** Every command's work runs through one helper: after Esc the key and the interrupt are cleared. */
	@Test
	void aCanceledCommandLeavesNoEscapeOrInterruptBehind() {
		final StatisticsCalculator calculator = new StatisticsCalculator();
		final ImageStack stack = new ImageStack(512, 512);
		for (int z = 0; z < 12; z++)
			stack.addSlice(null, new float[512 * 512]);
		final ImagePlus imp = new ImagePlus("big", stack);
		final long[] counted = { -1 };
		ij.IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
		Messages.run(StatisticsPlugin.COMMAND, () -> counted[0] = StatisticsPlugin.process(imp, 0).count());
		assertEquals(-1, counted[0], "the work was cancelled");
		assertFalse(ij.IJ.escapePressed(), "Esc is cleared");
		assertFalse(Thread.interrupted(), "the interrupt is cleared");
		Messages.run(StatisticsPlugin.COMMAND, () -> counted[0] = calculator.compute(ImagePlusImgs.wrap(imp)).count());
		assertEquals(512L * 512 * 12, counted[0], "the next command runs");
	}

	@Test
	void canceledDescribeWritesNothing() throws IOException {
		final ImageStack stack = new ImageStack(512, 512);
		for (int z = 0; z < 12; z++)
			stack.addSlice(null, new float[512 * 512]);
		ij.IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
		try {
			assertThrows(java.util.concurrent.CancellationException.class, () -> DescribePlugin.process(new ImagePlus(
				"big", stack), dir, "never"));
		}
		finally {
			ij.IJ.resetEscape();
			Thread.interrupted();
		}
		try (java.util.stream.Stream<Path> files = Files.list(dir)) {
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
