package io.github.imagearray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import io.github.imagearray.slices.SliceRenderer;
import io.github.imagearray.stats.Histogram;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.Cursor;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * An image that carries its statistics, after vIQA's {@code ImageArray}: it wraps any ImgLib2
 * image and is one (every image method is delegated), so it can be used wherever an image is.
 * The statistics are unset until {@link #calculateStatistics()} runs; reading one earlier throws
 * {@link IllegalStateException}. The wrapped image is never changed.
 * <p>
 * {@code
 * ImageArray<FloatType> volume = new ImageArray<>(img);
 * volume.calculateStatistics();
 * double skewness = volume.getSkewness();
 * volume.describe(Paths.get("/tmp"), "volume"); // writes /tmp/volume.csv
 * }
 *
 * @param <T> the pixel type
 */
public class ImageArray<T extends RealType<T>> implements RandomAccessibleInterval<T> {

	/** The message of the exception thrown when statistics are read before they are computed. */
	public static final String NOT_SET = "Not set. Run calculateStatistics() first.";

	private static final Logger LOG = Logger.getLogger(ImageArray.class.getName());

	private final RandomAccessibleInterval<T> image;
	private volatile Statistics statistics;

	/** @param image the image to wrap, of any dimensionality */
	public ImageArray(final RandomAccessibleInterval<T> image) {
		if (image == null) throw new IllegalArgumentException("No image given.");
		this.image = image instanceof ImageArray ? ((ImageArray<T>) image).image : image;
	}

	/** @return the wrapped image */
	public RandomAccessibleInterval<T> image() {
		return image;
	}

	/** Computes the statistics with default bins on all processors. */
	public Statistics calculateStatistics() {
		return calculateStatistics(new StatisticsCalculator());
	}

	/** Computes the statistics with the calculator's settings (bins, threads, progress). */
	public Statistics calculateStatistics(final StatisticsCalculator calculator) {
		statistics = calculator.compute(image);
		return statistics;
	}

	/** @return true once {@link #calculateStatistics()} has run */
	public boolean hasStatistics() {
		return statistics != null;
	}

	/**
	 * @return all statistics
	 * @throws IllegalStateException before {@link #calculateStatistics()}
	 */
	public Statistics getStatistics() {
		final Statistics s = statistics;
		if (s == null) throw new IllegalStateException(NOT_SET);
		return s;
	}

	public double getMean() {
		return getStatistics().mean();
	}

	public double getMedian() {
		return getStatistics().median();
	}

	public double getVariance() {
		return getStatistics().variance();
	}

	public double getStandardDeviation() {
		return getStatistics().standardDeviation();
	}

	public double getSkewness() {
		return getStatistics().skewness();
	}

	public double getKurtosis() {
		return getStatistics().kurtosis();
	}

	public Histogram getHistogram() {
		return getStatistics().histogram();
	}

	public double getMinimum() {
		return getStatistics().minimum();
	}

	public double getMaximum() {
		return getStatistics().maximum();
	}

	/**
	 * vIQA's {@code describe}: computes the statistics if needed, writes them as a one-row CSV
	 * ({@link StatisticsCsv}) and returns them. Without a directory or file name it logs a warning
	 * and writes nothing.
	 *
	 * @param directory an existing, writable directory, or null
	 * @param filename the file name (".csv" is appended when missing), or null
	 * @return the statistics keyed as {@link Statistics#DESCRIBE_KEYS}
	 * @throws IOException naming the path when the file cannot be written
	 */
	public Map<String, Double> describe(final Path directory, final String filename) throws IOException {
		final Statistics s = hasStatistics() ? statistics : calculateStatistics();
		if (directory == null || filename == null || filename.isEmpty())
			LOG.warning("No directory or file name given: the statistics are not written to a file.");
		else StatisticsCsv.write(directory, filename, s);
		return s.describe();
	}

	/**
	 * vIQA's {@code visualize}: for a 3D image the three orthogonal slices through (x, y, z)
	 * (negative indices count from the end), for a 2D image the image itself with a warning that the
	 * slices are ignored. Shown in an ImageJ window when there is a display and no batch mode;
	 * written as PNG when {@code exportPath} (a directory or a .png file) is given.
	 *
	 * @return the PNG written, or null
	 * @throws IllegalArgumentException "Image must be 2D or 3D." and slices out of range
	 * @throws UnsupportedOperationException when no renderer (ImageJ) is on the class path
	 */
	public Path visualize(final long[] slices, final Path exportPath) throws IOException {
		if (numDimensions() != 2 && numDimensions() != 3) throw new IllegalArgumentException(
			"Image must be 2D or 3D.");
		for (final SliceRenderer renderer : ServiceLoader.load(SliceRenderer.class, ImageArray.class
			.getClassLoader()))
			return renderer.visualize(image, "ImageArray", slices, exportPath);
		throw new UnsupportedOperationException("visualize needs ImageJ on the class path.");
	}

	@Override
	public int numDimensions() {
		return image.numDimensions();
	}

	@Override
	public long min(final int d) {
		return image.min(d);
	}

	@Override
	public long max(final int d) {
		return image.max(d);
	}

	@Override
	public RandomAccess<T> randomAccess() {
		return image.randomAccess();
	}

	@Override
	public RandomAccess<T> randomAccess(final Interval interval) {
		return image.randomAccess(interval);
	}

	@Override
	public Cursor<T> cursor() {
		return image.cursor();
	}

	@Override
	public Cursor<T> localizingCursor() {
		return image.localizingCursor();
	}

	@Override
	public long size() {
		return image.size();
	}

	@Override
	public Object iterationOrder() {
		return image.iterationOrder();
	}

	@Override
	public T getType() {
		return image.getType();
	}
}
