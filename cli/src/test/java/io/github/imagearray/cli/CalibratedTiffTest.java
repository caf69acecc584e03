package io.github.imagearray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.measure.Measurements;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ImageStatistics;
import ij.process.ShortProcessor;
import io.github.imagearray.cli.MainTest.Run;

/**
 * TIFF files that ImageJ wrote with a calibration in their description, measured by {@code stats}
 * as ImageJ's Measure measures the same file opened in ImageJ: the straight line (a CT's rescale,
 * the signed 16-bit offset) applied, any other function left out with one line saying so.
 */
class CalibratedTiffTest {

	@TempDir
	Path dir;

	@Test
	void hounsfieldUnitsAsImageJMeasuresTheFile() throws Exception {
		final Path file = saved(16, "ct", cal -> cal.setFunction(Calibration.STRAIGHT_LINE, new double[] { -33792, 1 },
			"HU"), 31744, 35000);
		final Run run = new Run("stats", file.toString());
		assertEquals(0, run.status, run.err);
		assertEquals("", run.err);
		assertAgreesWithImageJ(file, run);
		assertTrue(run.number("minimum") < 0, "Hounsfield units of air: " + run.out);
	}

	@Test
	void signedSixteenBitAsImageJMeasuresTheFile() throws Exception {
		final Path file = saved(16, "signed", Calibration::setSigned16BitCalibration, 32000, 34000);
		final Run run = new Run("stats", file.toString());
		assertEquals(0, run.status, run.err);
		assertAgreesWithImageJ(file, run);
		assertTrue(run.number("minimum") < 0, run.out);
	}

	/** A fractional line in double precision, {@code c0 + c1 * stored}, as numpy computes it. */
	@Test
	void fractionalLineInDoublePrecision() throws Exception {
		final Path file = saved(8, "fraction", cal -> cal.setFunction(Calibration.STRAIGHT_LINE, new double[] { 0.25,
			0.1 }, "mg/ml"), 0, 255);
		final ImageProcessor stored = IJ.openImage(file.toString()).getProcessor();
		double sum = 0, min = Double.POSITIVE_INFINITY;
		for (int i = 0; i < stored.getPixelCount(); i++) {
			final double v = 0.25 + 0.1 * stored.get(i);
			sum += v;
			min = Math.min(min, v);
		}
		final Run run = new Run("stats", file.toString());
		assertEquals(0, run.status, run.err);
		assertEquals(sum / stored.getPixelCount(), run.number("mean"), 1e-12 * Math.abs(sum / stored.getPixelCount()));
		assertEquals(min, run.number("minimum"), 0);
	}

	/** A function other than the straight line is not applied, and standard error says so in one line. */
	@Test
	void otherFunctionsMeasureTheStoredValuesAndSaySo() throws Exception {
		final Path file = saved(8, "poly", cal -> cal.setFunction(Calibration.POLY2, new double[] { 1, 2, 0.01 },
			"OD"), 0, 255);
		final Run run = new Run("stats", file.toString());
		assertEquals(0, run.status, run.err);
		assertEquals(file + ": ImageJ's calibration function cf=1 is not applied: the stored values are measured.",
			run.err.replace("imagearray: ", "").trim());
		final ImagePlus stored = new ImagePlus("stored", IJ.openImage(file.toString()).getProcessor());
		assertEquals(stored.getStatistics(Measurements.MEAN).mean, run.number("mean"), 1e-9);
	}

	/** @return a one-slice image of random stored values in [from, to], calibrated and saved by ImageJ */
	private Path saved(final int depth, final String name, final Consumer<Calibration> calibration, final int from,
		final int to)
	{
		final ImageProcessor ip = depth == 8 ? new ByteProcessor(37, 23) : new ShortProcessor(37, 23);
		final Random random = new Random(name.hashCode());
		for (int i = 0; i < ip.getPixelCount(); i++)
			ip.set(i, from + random.nextInt(to - from + 1));
		final ImagePlus imp = new ImagePlus(name, ip);
		calibration.accept(imp.getCalibration());
		final Path file = dir.resolve(name + ".tif");
		assertTrue(new FileSaver(imp).saveAsTiff(file.toString()));
		return file;
	}

	/** Mean, minimum and maximum of {@code stats} against ImageJ's Measure of the file opened in ImageJ. */
	private static void assertAgreesWithImageJ(final Path file, final Run run) {
		final ImagePlus opened = IJ.openImage(file.toString());
		assertTrue(opened.getCalibration().calibrated(), "ImageJ reads the calibration back");
		final ImageStatistics ij = opened.getStatistics(Measurements.MEAN | Measurements.MIN_MAX);
		assertEquals(ij.mean, run.number("mean"), 1e-12 * Math.abs(ij.mean));
		assertEquals(ij.min, run.number("minimum"), 0);
		assertEquals(ij.max, run.number("maximum"), 0);
	}
}
