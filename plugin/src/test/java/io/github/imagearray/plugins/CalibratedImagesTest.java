package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.measure.CurveFitter;
import ij.measure.Measurements;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ImageStatistics;
import ij.process.ShortProcessor;
import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.LabelStatistics;
import io.github.imagearray.stats.Masks;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Images with a calibration function are measured in the values ImageJ's Measure shows: a CT
 * opened by ImageJ's own DICOM reader in Hounsfield units (against ImageJ's statistics and numpy's
 * of the rescaled values pydicom wrote), and every calibration function ImageJ offers on 8- and
 * 16-bit images (against ImageJ's statistics, and against the engine on a float copy of the
 * calibrated values for what ImageJ computes otherwise: median, percentiles, histogram).
 */
class CalibratedImagesTest {

	@TempDir
	static Path dir;
	private static List<String[]> numpy;

	@BeforeAll
	static void writeFiles() throws Exception {
		numpy = ReferenceFiles.write("write_calibrated.py", dir, "calibrated.tsv");
	}

	private static String[] numpy(final String name) {
		return numpy.stream().filter(row -> row[0].equals(name)).findFirst().get();
	}

	@Test
	void ctOpenedByImageJsDicomReaderIsMeasuredInHounsfieldUnits() throws Exception {
		final ImagePlus ct = IJ.openImage(dir.resolve("ct.dcm").toString());
		assertNotNull(ct);
		assertEquals(16, ct.getBitDepth());
		assertEquals(-33792, ct.getCalibration().getCValue(0), 0, "ImageJ's signed offset and the rescale intercept");
		final Statistics s = StatisticsPlugin.process(ct, 0);
		assertAgreesWithImageJ(ct, s);
		final String[] expected = numpy("ct.dcm");
		assertEquals(Long.parseLong(expected[1]), s.count());
		assertEquals(Double.parseDouble(expected[2]), s.mean(), 1e-12 * Math.abs(s.mean()), "mean (HU)");
		assertEquals(Double.parseDouble(expected[3]), s.median(), 0, "median (HU)");
		assertEquals(Double.parseDouble(expected[4]), s.variance(), 1e-11 * s.variance(), "variance");
		assertEquals(Double.parseDouble(expected[6]), s.minimum(), 0, "minimum (HU)");
		assertEquals(Double.parseDouble(expected[7]), s.maximum(), 0, "maximum (HU)");
		assertEquals(Double.parseDouble(expected[6]), s.histogram().edges()[0], 0, "histogram from the minimum (HU)");

		// raw: the values ImageJ stores, HU + 33792, which Measure gives once the calibration is removed
		final Statistics raw = StatisticsPlugin.process(ct, 0, false, true);
		final ImagePlus uncalibrated = new ImagePlus("raw", ct.getProcessor().duplicate());
		final ImageStatistics ij = uncalibrated.getStatistics(Measurements.MEAN | Measurements.MIN_MAX);
		assertEquals(ij.mean, raw.mean(), 1e-12 * ij.mean, "raw mean");
		assertEquals(ij.min, raw.minimum(), 0);
		assertEquals(s.median() + 33792, raw.median(), 0, "raw median");

		final ResultsTable table = new ResultsTable();
		StatisticsPlugin.addRows(table, ct, 0, false, false);
		StatisticsPlugin.addRows(table, ct, 0, false, true);
		assertEquals("Gray Value", table.getStringValue("unit", 0), "the calibration's value unit");
		assertEquals("raw", table.getStringValue("unit", 1));
		assertEquals(s.mean(), table.getValue("mean", 0), 0);
		assertEquals(raw.mean(), table.getValue("mean", 1), 0);

		final Path csv = DescribePlugin.process(ct, dir, "ct-describe");
		final String[] row = Files.readAllLines(csv, StandardCharsets.UTF_8).get(1).split(",");
		assertEquals(s.mean(), Double.parseDouble(row[0]), 0, "describe's CSV in HU");
		assertEquals(s.median(), Double.parseDouble(row[1]), 0);

		final ResultsTable slices = PerSlicePlugin.process(ct, 1);
		assertEquals(ct.getHeight(), slices.size());
		final ImageStatistics firstRow = rowStatistics(ct, 0);
		assertEquals(firstRow.mean, slices.getValue("mean", 0), 1e-9, "per-slice rows in HU");
		assertEquals(firstRow.min, slices.getValue("minimum", 0), 0);
	}

	/** Masks and labels select voxels whose calibrated values are measured, against a float copy. */
	@Test
	void maskAndLabelsMeasureCalibratedValues() {
		final ImagePlus ct = IJ.openImage(dir.resolve("ct.dcm").toString());
		final ArrayImg<FloatType, FloatArray> shown = calibratedCopy(ct);
		final ImageProcessor regions = new ByteProcessor(ct.getWidth(), ct.getHeight());
		for (int y = 0; y < ct.getHeight(); y++)
			for (int x = 0; x < ct.getWidth(); x++)
				regions.set(x, y, x < 20 ? 0 : x < 40 ? 1 : 2);
		final ImagePlus labels = new ImagePlus("labels", regions);
		final SortedMap<Long, Statistics> expected = LabelStatistics.compute(shown, ArrayImgs.unsignedBytes(
			(byte[]) regions.getPixels(), ct.getWidth(), ct.getHeight()), new StatisticsCalculator());
		final ResultsTable table = LabelsPlugin.process(ct, labels, 0);
		assertEquals(2, table.size());
		for (int r = 0; r < 2; r++) {
			final Statistics e = expected.get((long) r + 1);
			assertEquals(e.mean(), table.getValue("mean", r), 1e-12 * Math.abs(e.mean()));
			assertEquals(e.median(), table.getValue("median", r), 0);
			assertEquals(e.minimum(), table.getValue("minimum", r), 0);
		}
		final Statistics inMask = MaskPlugin.process(ct, labels, 0);
		final Statistics reference = new StatisticsCalculator().compute(shown, Masks.nonZero(ArrayImgs.unsignedBytes(
			(byte[]) regions.getPixels(), ct.getWidth(), ct.getHeight())));
		assertEquals(reference.count(), inMask.count());
		assertEquals(reference.mean(), inMask.mean(), 1e-12 * Math.abs(reference.mean()));
		assertEquals(reference.variance(), inMask.variance(), 1e-12 * reference.variance());
		assertEquals(reference.skewness(), inMask.skewness(), 1e-9);
		assertEquals(reference.median(), inMask.median(), 0);
		assertEquals(reference.minimum(), inMask.minimum(), 0);
		assertEquals(reference.maximum(), inMask.maximum(), 0);
	}

	/** A CT's mask in ImageJ's signed 16-bit storage: zero is the calibrated 0 (stored 32768). */
	@Test
	void aSignedMaskIsZeroWhereImageJShowsZero() {
		final ImagePlus image = new ImagePlus("image", new ShortProcessor(4, 1, new short[] { 1, 2, 3, 4 }, null));
		final ImagePlus mask = new ImagePlus("mask", new ShortProcessor(4, 1, new short[] { (short) 32768, 0,
			(short) 32769, (short) 32768 }, null));
		mask.getCalibration().setSigned16BitCalibration();
		final Statistics s = MaskPlugin.process(image, mask, 0);
		assertEquals(2, s.count());
		assertEquals(2.5, s.mean(), 0);
	}

	/**
	 * Every calibration function of Analyze &gt; Calibrate..., ImageJ's uncalibrated OD, a custom
	 * table and the signed 16-bit offset, on 8- and 16-bit images.
	 */
	@Test
	void everyCalibrationFunctionMeasuresAsImageJ() {
		int functions = 0;
		for (int function = CurveFitter.STRAIGHT_LINE; function <= CurveFitter.ERF; function++) {
			if (function == Calibration.NONE || function == Calibration.UNCALIBRATED_OD || function == Calibration.CUSTOM)
				continue;
			final int f = function;
			final double[] c = Arrays.copyOf(finiteCoefficients(f), CurveFitter.getNumParams(f));
			for (final int depth : new int[] { 8, 16 })
				functions += check(depth, "f" + f, cal -> cal.setFunction(f, c, "unit " + f));
		}
		for (final int depth : new int[] { 8, 16 }) {
			functions += check(depth, "OD", cal -> cal.setFunction(Calibration.UNCALIBRATED_OD, null, "Uncalibrated OD"));
			functions += check(depth, "custom", cal -> cal.setCTable(customTable(1 << depth), "custom"));
		}
		functions += check(16, "signed", Calibration::setSigned16BitCalibration);
		// ImageJ tabulates its functions 0 to 13 at both depths, uncalibrated OD at 8 bits, custom
		// tables and the signed offset; Measure takes the stored values of the others
		assertEquals(2 * 14 + 1 + 2 + 1, functions, "images calibrated");
	}

	/**
	 * Calibrates an image of the given depth whose voxels take stored values with finite calibrated
	 * values only, and compares.
	 *
	 * @return 1 where ImageJ calibrates such an image, 0 where it keeps the stored values (as ImageJ
	 *         does for functions without a table)
	 */
	private static int check(final int depth, final String name, final Consumer<Calibration> how) {
		final ImageProcessor ip = depth == 8 ? new ByteProcessor(61, 47) : new ShortProcessor(61, 47);
		final ImagePlus imp = new ImagePlus(name, ip);
		final Calibration cal = imp.getCalibration();
		how.accept(cal);
		final float[] table = cal.getCTable();
		if (table == null) {
			assertEquals(null, ImagePlusImgs.calibration(imp), name + ": no table, the stored values");
			final Random random = new Random(depth);
			for (int i = 0; i < ip.getPixelCount(); i++)
				ip.set(i, random.nextInt(200));
			assertAgreesWithImageJ(imp, StatisticsPlugin.process(imp, 0));
			return 0;
		}
		// stored values with finite calibrated values, spread over the whole range
		final int[] finite = IntStream.range(0, table.length).filter(v -> Float.isFinite(table[v]))
			.toArray();
		assertTrue(finite.length >= 64, name + ": " + finite.length + " finite values");
		final Random random = new Random(depth * 31 + name.hashCode());
		for (int i = 0; i < ip.getPixelCount(); i++)
			ip.set(i, finite[random.nextInt(finite.length)]);
		final Statistics s = StatisticsPlugin.process(imp, 0);
		assertAgreesWithImageJ(imp, s);
		final Statistics copy = new StatisticsCalculator().compute(calibratedCopy(imp));
		assertEquals(copy.median(), s.median(), 0, name + " median");
		assertEquals(copy.percentile(5), s.percentile(5), 0, name + " percentile 5");
		final Statistics copyBinned = new StatisticsCalculator().bins(64).compute(calibratedCopy(imp));
		final Statistics binned = StatisticsPlugin.process(imp, 64);
		assertArrayEquals(copyBinned.histogram().edges(), binned.histogram().edges(), name + " edges");
		assertArrayEquals(copyBinned.histogram().counts(), binned.histogram().counts(), name + " counts");
		return 1;
	}

	/**
	 * @return coefficients for which ImageJ's function is finite at 64 or more 8-bit values: the
	 *         first of a few sets of different shapes that is
	 */
	private static double[] finiteCoefficients(final int function) {
		final double[][] candidates = { { 3.5, 0.75, 0.002, -1.5e-6, 0.5, 1e-9, 2e-12, -1e-15 }, { 1, 2, 3, 40, 5, 6, 7,
			8 }, { 300, 2, 100, 1 }, { 1, 2, 3, 200, 0.5, 0.25, 0.125, 0.0625 } };
		for (final double[] c : candidates) {
			final double[] used = Arrays.copyOf(c, CurveFitter.getNumParams(function));
			if (IntStream.range(0, 256).filter(v -> Double.isFinite(CurveFitter.f(function, used, v))).count() >= 64)
				return c;
		}
		throw new AssertionError("No coefficients tried give function " + function + " finite values.");
	}

	/** Mean, minimum, maximum and (sample) standard deviation as ImageJ's own statistics give them. */
	private static void assertAgreesWithImageJ(final ImagePlus imp, final Statistics s) {
		final ImageStatistics ij = imp.getStatistics(Measurements.MEAN | Measurements.MIN_MAX | Measurements.STD_DEV);
		final String name = imp.getTitle() + ": ";
		assertEquals(ij.pixelCount, s.count(), name + "count");
		assertEquals(ij.mean, s.mean(), 1e-9 * Math.abs(ij.mean) + 1e-12, name + "mean");
		assertEquals(ij.min, s.minimum(), 0, name + "minimum");
		assertEquals(ij.max, s.maximum(), 0, name + "maximum");
		final double sample = Math.sqrt(s.variance() * s.count() / (s.count() - 1));
		assertEquals(ij.stdDev, sample, 1e-7 * ij.stdDev + 1e-12, name + "standard deviation");
	}

	/** @return the values ImageJ's Measure takes (the calibration table's floats), copied */
	private static ArrayImg<FloatType, FloatArray> calibratedCopy(final ImagePlus imp) {
		final ImageProcessor ip = imp.getProcessor();
		final float[] values = new float[ip.getPixelCount()];
		for (int i = 0; i < values.length; i++)
			values[i] = (float) imp.getCalibration().getCTable()[ip.get(i)];
		return ArrayImgs.floats(values, imp.getWidth(), imp.getHeight());
	}

	/** @return ImageJ's calibrated statistics of row y of a one-slice image */
	private static ImageStatistics rowStatistics(final ImagePlus imp, final int y) {
		final ImagePlus row = new ImagePlus("row", imp.getProcessor().duplicate());
		row.setCalibration(imp.getCalibration());
		row.setRoi(0, y, imp.getWidth(), 1);
		return row.getStatistics(Measurements.MEAN | Measurements.MIN_MAX);
	}

	private static float[] customTable(final int length) {
		final float[] table = new float[length];
		final Random random = new Random(length);
		for (int v = 0; v < length; v++)
			table[v] = (float) (random.nextGaussian() * 100);
		return table;
	}
}
