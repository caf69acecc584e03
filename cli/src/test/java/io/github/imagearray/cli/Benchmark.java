package io.github.imagearray.cli;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.StackStatistics;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.MetaImageHeader;
import io.github.imagearray.stats.LabelStatistics;
import io.github.imagearray.stats.PixelKind;
import io.github.imagearray.stats.PlanesOnDemand;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;

/**
 * The {@code bench} command: times, in one run and on the same phantom, ImageArray's full
 * statistics, a plain pass that only sums the voxels (four integer or eight floating-point
 * accumulators per thread, whichever shape reads fastest; same threads, straight from the
 * primitive arrays: the cost of reading) and ImageJ's
 * {@link StackStatistics} on the same planes. Reports medians after warm-up.
 */
final class Benchmark {

	private static volatile double sink;

	private Benchmark() {
	}

	/**
	 * Times per-label statistics of the phantom against the whole-image statistics: the labels are a
	 * grid of k x k x k blocks (k^3 about {@code labels}).
	 */
	static Map<String, Object> runLabels(final Phantom.Type type, final int size, final int threads, final int runs,
		final int labels)
	{
		final PlanarImg<?, ?> img = Phantom.create(type, size, 1);
		final int k = Math.max(1, (int) Math.round(Math.cbrt(labels)));
		final Img<IntType> grid = PlanarImgs
			.ints(size, size, size);
		final Cursor<IntType> c = grid.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			final long bx = c.getLongPosition(0) * k / size, by = c.getLongPosition(1) * k / size, bz = c
				.getLongPosition(2) * k / size;
			c.get().set((int) (1 + bx + k * (by + k * bz)));
		}
		final StatisticsCalculator calculator = new StatisticsCalculator().threads(threads);
		final Callable<Object> whole = () -> calculator.compute((PlanarImg) img);
		final Callable<Object> perLabel = () -> LabelStatistics.compute((PlanarImg) img,
			grid, calculator);
		// the first three per-label rounds run while the JIT still compiles (0.45-0.70 s against 0.22-0.30 s
		// after): with one warm-up the median fell on that edge and could double between two runs
		final double[] seconds = medianSeconds(5, runs, whole, perLabel);
		final Map<String, Object> result = new LinkedHashMap<>();
		result.put("type", type.name().toLowerCase(Locale.ROOT));
		result.put("size", size);
		result.put("labels", k * k * k);
		result.put("threads", threads);
		result.put("runs", runs);
		result.put("stats_seconds", seconds[0]);
		result.put("labels_seconds", seconds[1]);
		result.put("ratio", seconds[1] / seconds[0]);
		return result;
	}

	/**
	 * @param viqaRuns how often to time vIQA's numpy/scipy statistics of the same phantom afterwards
	 *          ({@link ViqaTiming}), or 0 not to
	 * @param python the Python interpreter for that, with numpy and scipy
	 */
	static Map<String, Object> run(final Phantom.Type type, final Phantom.Data data, final int size, final int threads,
		final int runs, final int viqaRuns, final String python) throws IOException
	{
		final PlanarImg<?, ?> img = Phantom.create(type, data, size, 1);
		final List<Object> planes = new ArrayList<>();
		for (int z = 0; z < img.numSlices(); z++)
			planes.add(((ArrayDataAccess<?>) img.getPlane(z)).getCurrentStorageArray());
		final StatisticsCalculator calculator = new StatisticsCalculator().threads(threads);
		final ImagePlus imp = imagePlus(planes, size);
		final Callable<Object> stats = () -> calculator.compute((PlanarImg) img);
		final Callable<Object> read = () -> Parallelization.runWithNumThreads(threads, () -> plainSum(planes));
		final Callable<Object> imagej = () -> new StackStatistics(imp);
		final double[] seconds = medianSeconds(warmUps((long) size * size * size), runs, stats, read, imagej);
		final Map<String, Object> result = new LinkedHashMap<>();
		result.put("type", type.name().toLowerCase(Locale.ROOT));
		result.put("data", data.label());
		result.put("size", size);
		result.put("voxels", (long) size * size * size);
		result.put("threads", threads);
		result.put("runs", runs);
		final double statsSeconds = seconds[0];
		final double readSeconds = seconds[1];
		final double imagejSeconds = seconds[2];
		result.put("stats_seconds", statsSeconds);
		result.put("read_seconds", readSeconds);
		result.put("ratio", statsSeconds / readSeconds);
		result.put("imagej_stackstatistics_seconds", imagejSeconds);
		result.put("speedup_vs_imagej", imagejSeconds / statsSeconds);
		if (viqaRuns > 0) {
			final double viqaSeconds = median(ViqaTiming.seconds(planes, size, viqaRuns, python));
			result.put("viqa_runs", viqaRuns);
			result.put("viqa_seconds", viqaSeconds);
			result.put("speedup_vs_viqa", viqaSeconds / statsSeconds);
		}
		return result;
	}

	/**
	 * Times the statistics of an image file read plane by plane against a plain read of the same
	 * voxels, both warm in the page cache; reports seconds and GB/s. The plain read of a MetaImage
	 * file is a sequential read of its data file; of any other format, every plane decoded by the
	 * same reader on the same threads, without statistics.
	 */
	static Map<String, Object> runFile(final Path file, final int threads, final int runs)
		throws IOException
	{
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final boolean metaImage = name.endsWith(".mhd") || name.endsWith(".mha");
		final MetaImageHeader header = metaImage ? MetaImageHeader.read(
			file) : null;
		final RandomAccessibleInterval<? extends RealType<?>> image = ImageFiles.open(file);
		final long bytes = metaImage ? header.dataBytes() : Intervals.numElements(image) * PixelKind.of(Util
			.getTypeFromInterval(image)).keyBits() / 8;
		final StatisticsCalculator calculator = new StatisticsCalculator().threads(threads);
		final Callable<Object> stats = () -> calculator.compute(ImageFiles.open(file));
		final Callable<Object> read = metaImage ? () -> readAll(header.dataFile()) : () -> decodeAll(
			ImageFiles.open(file), threads);
		final double[] seconds = medianSeconds(2, runs, stats, read);
		final Map<String, Object> result = new LinkedHashMap<>();
		result.put("file", file.toString());
		result.put("bytes", bytes);
		result.put("threads", threads);
		result.put("runs", runs);
		final double statsSeconds = seconds[0];
		final double readSeconds = seconds[1];
		result.put("stats_seconds", statsSeconds);
		result.put("read_seconds", readSeconds);
		result.put("ratio", statsSeconds / readSeconds);
		result.put("stats_gb_per_second", bytes / statsSeconds * 1e-9);
		result.put("read_gb_per_second", bytes / readSeconds * 1e-9);
		return result;
	}

	/**
	 * Decodes every plane of an image read from a file, span by span as the statistics read it,
	 * on {@code threads} threads, touching each plane once.
	 */
	private static Long decodeAll(final RandomAccessibleInterval<? extends RealType<?>> image, final int threads)
		throws Exception
	{
		final PlanarImg<?, ?> planes = (PlanarImg<?, ?>) image;
		final PlanesOnDemand.PlaneRanges ranges = PlanesOnDemand.ranges(image);
		final long planeLength = planes.dimension(0) * planes.dimension(1);
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			final List<Future<Long>> parts = new ArrayList<>();
			for (int p = 0; p < planes.numSlices(); p++) {
				final int plane = p;
				parts.add(pool.submit(() -> {
					long touched = 0;
					if (ranges == null) touched += Array.getLength(((ArrayDataAccess<?>) planes.getPlane(
						plane)).getCurrentStorageArray());
					else for (long from = 0; from < planeLength; from += 1 << 20)
						touched += Array.getLength(ranges.read(plane, from, (int) Math.min(1 << 20,
							planeLength - from)));
					return touched;
				}));
			}
			long touched = 0;
			for (final Future<Long> f : parts)
				touched += f.get();
			return touched;
		}
		finally {
			pool.shutdown();
		}
	}

	/** Reads a whole file sequentially, touching every byte once. */
	private static Long readAll(final Path file) throws IOException {
		final ByteBuffer buffer = ByteBuffer.allocate(1 << 24);
		long sum = 0;
		try (FileChannel channel = FileChannel.open(file)) {
			while (channel.read(buffer) >= 0) {
				buffer.flip();
				while (buffer.remaining() >= 8)
					sum += buffer.getLong();
				buffer.compact();
			}
		}
		return sum;
	}

	/**
	 * Times redraws of the orthogonal-slice window of a phantom held in ImageJ planes, each at a new
	 * position (the three slices read from the planes, mapped to the LUT, drawn with lines and titles
	 * at scale 1), against a plain read of the same three slices into arrays, alternating.
	 */
	static Map<String, Object> runRedraw(final Phantom.Type type, final int size, final int runs) {
		final PlanarImg<?, ?> img = Phantom.create(type, Phantom.Data.PHANTOM, size, 1);
		final List<Object> planes = new ArrayList<>();
		for (int z = 0; z < img.numSlices(); z++)
			planes.add(((ArrayDataAccess<?>) img.getPlane(z)).getCurrentStorageArray());
		final ImagePlus imp = imagePlus(planes, size);
		final SliceFigure style = new SliceFigure();
		final double[] redraw = new double[runs], read = new double[runs];
		final int warmups = 20;
		for (int r = -warmups; r < runs; r++) {
			// a new position every time, as a drag across the volume gives
			final long at = (size / 4 + 7L * (r + warmups)) % size;
			final double drawn = time(() -> style.render(ImagePlusImgs.wrap(imp), "phantom", at, size - 1 - at, at / 2));
			final double plain = time(() -> readSlices(planes, size, (int) at, (int) (size - 1 - at), (int) at / 2));
			if (r >= 0) {
				redraw[r] = drawn;
				read[r] = plain;
			}
		}
		final Map<String, Object> result = new LinkedHashMap<>();
		result.put("type", type.name().toLowerCase(Locale.ROOT));
		result.put("size", size);
		result.put("runs", runs);
		final ImagePlus figure = style.render(ImagePlusImgs.wrap(imp), "phantom", 0, 0, 0);
		result.put("figure_pixels", (long) figure.getWidth() * figure.getHeight());
		result.put("redraw_ms", spread(redraw));
		result.put("read_slices_ms", spread(read));
		result.put("ratio", median(redraw) / median(read));
		return result;
	}

	/** @return the median, minimum and maximum of seconds, in milliseconds */
	private static Map<String, Object> spread(final double[] seconds) {
		final double[] sorted = seconds.clone();
		Arrays.sort(sorted);
		final Map<String, Object> ms = new LinkedHashMap<>();
		ms.put("median", median(sorted) * 1e3);
		ms.put("min", sorted[0] * 1e3);
		ms.put("max", sorted[sorted.length - 1] * 1e3);
		return ms;
	}

	/** Reads the x-, y- and z-slice through (x, y, z) of a cube of planes into arrays of doubles. */
	private static Double readSlices(final List<Object> planes, final int size, final int x, final int y, final int z) {
		final double[] xs = new double[size * size], ys = new double[size * size];
		for (int k = 0; k < size; k++) {
			final Object plane = planes.get(k);
			for (int j = 0; j < size; j++) {
				xs[k * size + j] = value(plane, x + j * size);
				ys[k * size + j] = value(plane, j + y * size);
			}
		}
		final double[] zs = new double[size * size];
		for (int i = 0; i < zs.length; i++)
			zs[i] = value(planes.get(z), i);
		return xs[size] + ys[size] + zs[size];
	}

	private static double value(final Object plane, final int i) {
		if (plane instanceof float[]) return ((float[]) plane)[i];
		if (plane instanceof short[]) return ((short[]) plane)[i] & 0xffff;
		return ((byte[]) plane)[i] & 0xff;
	}

	private static ImagePlus imagePlus(final List<Object> planes, final int size) {
		final ImageStack stack = new ImageStack(size, size);
		for (final Object p : planes)
			stack.addSlice(null, p);
		return new ImagePlus("phantom", stack);
	}

	/**
	 * @return how many untimed rounds make a volume of this many voxels steady: two for large ones, up
	 *         to 200 for small ones, whose loops would otherwise be timed while still compiled
	 */
	private static int warmUps(final long voxels) {
		return (int) Math.max(2, Math.min(200, (1L << 26) / voxels));
	}

	/**
	 * Runs the jobs in turn, {@code warmups} rounds untimed, then {@code runs} timed rounds, so that
	 * drifts of the machine's speed reach all of them alike.
	 *
	 * @return the median seconds of each job
	 */
	@SafeVarargs
	private static double[] medianSeconds(final int warmups, final int runs, final Callable<Object>... jobs) {
		for (int w = 0; w < warmups; w++)
			for (final Callable<Object> job : jobs)
				time(job);
		final double[][] seconds = new double[jobs.length][runs];
		for (int r = 0; r < runs; r++)
			for (int j = 0; j < jobs.length; j++)
				seconds[j][r] = time(jobs[j]);
		final double[] medians = new double[jobs.length];
		for (int j = 0; j < jobs.length; j++)
			medians[j] = median(seconds[j]);
		return medians;
	}

	private static double time(final Callable<Object> job) {
		final long start = System.nanoTime();
		try {
			final Object result = job.call();
			sink += result == null ? 0 : result.hashCode();
		}
		catch (final Exception e) {
			throw new IllegalStateException(e);
		}
		return (System.nanoTime() - start) * 1e-9;
	}

	private static double median(final double[] values) {
		final double[] s = values.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	/** Sums all voxels plane by plane on the current ImgLib2 task executor. */
	private static Double plainSum(final List<Object> planes) {
		final List<Double> sums = Parallelization.getTaskExecutor().forEachApply(planes, Benchmark::sum);
		double total = 0;
		for (final double s : sums)
			total += s;
		return total;
	}

	private static double sum(final Object plane) {
		if (plane instanceof byte[]) {
			final byte[] a = (byte[]) plane;
			long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			int i = 0;
			for (; i + 3 < a.length; i += 4) {
				s0 += a[i] & 0xff;
				s1 += a[i + 1] & 0xff;
				s2 += a[i + 2] & 0xff;
				s3 += a[i + 3] & 0xff;
			}
			for (; i < a.length; i++)
				s0 += a[i] & 0xff;
			return s0 + s1 + s2 + s3;
		}
		if (plane instanceof short[]) {
			final short[] a = (short[]) plane;
			long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			int i = 0;
			for (; i + 3 < a.length; i += 4) {
				s0 += a[i] & 0xffff;
				s1 += a[i + 1] & 0xffff;
				s2 += a[i + 2] & 0xffff;
				s3 += a[i + 3] & 0xffff;
			}
			for (; i < a.length; i++)
				s0 += a[i] & 0xffff;
			return s0 + s1 + s2 + s3;
		}
		// eight double sums: with fewer, the chains of dependent additions, not the memory, set the
		// pace (four take about 1.4 times as long here)
		final float[] a = (float[]) plane;
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
		int i = 0;
		for (; i + 7 < a.length; i += 8) {
			s0 += a[i];
			s1 += a[i + 1];
			s2 += a[i + 2];
			s3 += a[i + 3];
			s4 += a[i + 4];
			s5 += a[i + 5];
			s6 += a[i + 6];
			s7 += a[i + 7];
		}
		for (; i < a.length; i++)
			s0 += a[i];
		return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
	}
}
