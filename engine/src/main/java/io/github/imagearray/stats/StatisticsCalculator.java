package io.github.imagearray.stats;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;

/**
 * Computes {@link Statistics} of any image of real values, exactly and in parallel, without
 * copying it or changing it.
 * <ul>
 * <li>8- and 16-bit integers: one pass counts voxels by value; every statistic follows from that
 * table exactly.</li>
 * <li>Other types: a first pass gathers counts, finite minimum and maximum, the sum and the first
 * digit of every value's {@link OrderKeys order key} (18 of 32, 16 of 64); a second pass sums the
 * powers of the deviations from the centre (the mean, rounded for integers), bins the histogram
 * and narrows the median and percentiles by the next key bits ({@link RankSelector}), which
 * resolves them for 32-bit types;
 * 64-bit types may need up to two more narrowing passes.
 * Blocks of 32-bit floats without NaN or infinities take a fast path in both passes: the
 * histogram bin from a table of fine {@link FloatCells} over the bulk of the values, the order
 * keys only for the few voxels near a wanted rank, and the low bits of voxels in first digits that
 * hold many ({@link OpenDigits}, an atom such as CT air) counted in line.</li>
 * </ul>
 * Extra memory is a few count tables per thread, independent of the image size. Work is split
 * into fixed spans merged in order, so results do not depend on the number of threads.
 * Instances are immutable; settings return new instances.
 * <p>
 * {@code Statistics s = new StatisticsCalculator().bins(256).threads(4).compute(image);}
 */
public final class StatisticsCalculator {

	/** vIQA's default number of bins for floating-point images. */
	public static final int DEFAULT_FLOAT_BINS = 255;
	/** Integer images get one bin per value between minimum and maximum, at most this many. */
	public static final int MAX_DEFAULT_INTEGER_BINS = 65536;
	/** The largest number of bins accepted. */
	public static final int MAX_BINS = 1 << 20;
	/** About the most a worker's count tables take: first digits, histogram lanes, rank digits, blocks. */
	private static final long WORKER_TABLE_BYTES = 4 << 20;
	/** 16-bit images of at most this many voxels are ranked by sorting rather than by value counts. */
	private static final int SORT_16_BIT_UP_TO = 4096;

	private final int bins;
	/** With automatic bins, integer images get one bin per value up to this many values. */
	private final int integerBins;
	private final int threads;
	private final ProgressListener progress;
	/** The percentiles computed, sorted: {@link Statistics#PERCENTILES} and those asked for. */
	private final double[] levels;
	/** The values the stored ones stand for, or null to measure the stored values. */
	private final ValueTable table;

	/** A calculator with default bins, all processors and no progress reports. */
	public StatisticsCalculator() {
		this(0, MAX_DEFAULT_INTEGER_BINS, 0, ProgressListener.NONE, Quantiles.PERCENTILES, null);
	}

	private StatisticsCalculator(final int bins, final int integerBins, final int threads,
		final ProgressListener progress, final double[] levels, final ValueTable table)
	{
		this.levels = levels;
		this.table = table;
		this.bins = bins;
		this.integerBins = integerBins;
		this.threads = threads;
		this.progress = progress;
	}

	/**
	 * @param bins the number of histogram bins, 1 to {@link #MAX_BINS}
	 * @return a calculator that uses that many bins
	 * @throws IllegalArgumentException for a number outside that range
	 */
	public StatisticsCalculator bins(final int bins) {
		checkBins(bins);
		return new StatisticsCalculator(bins, integerBins, threads, progress, levels, table);
	}

	/**
	 * @param bins the number of histogram bins, or 0 for the automatic default (as the dialogs,
	 *          macros and commands take it)
	 * @return a calculator that uses that many bins, or this one for 0
	 */
	public StatisticsCalculator binsOrAutomatic(final int bins) {
		checkBinsOrAutomatic(bins);
		return bins == 0 ? this : bins(bins);
	}

	/**
	 * @param bins a number of histogram bins, or 0 for automatic
	 * @throws IllegalArgumentException unless 0 &lt;= bins &lt;= {@link #MAX_BINS}, saying what 0 means
	 */
	public static void checkBinsOrAutomatic(final long bins) {
		if (bins < 0 || bins > MAX_BINS) throw new IllegalArgumentException("bins must be 0 (automatic) or from 1 to " +
			MAX_BINS + ", not " + bins + ".");
	}

	/**
	 * @param values the most values of an integer image that get a bin each with automatic bins;
	 *          images with more get this many bins over [min, max]
	 * @return a calculator whose automatic integer histograms have at most that many bins
	 */
	StatisticsCalculator automaticIntegerBinsUpTo(final int values) {
		return new StatisticsCalculator(bins, Math.min(values, MAX_DEFAULT_INTEGER_BINS), threads, progress, levels, table);
	}

	/**
	 * @param bins a number of histogram bins
	 * @throws IllegalArgumentException unless 1 &lt;= bins &lt;= {@link #MAX_BINS}
	 */
	public static void checkBins(final long bins) {
		if (bins < 1 || bins > MAX_BINS)
			throw new IllegalArgumentException("bins must be between 1 and " + MAX_BINS + ", not " + bins + ".");
	}

	/**
	 * @param threads the number of threads; 0 for all available processors
	 * @return a calculator that uses that many threads
	 */
	public StatisticsCalculator threads(final int threads) {
		if (threads < 0) throw new IllegalArgumentException("threads must be 0 (all) or more, not " + threads + ".");
		return new StatisticsCalculator(bins, integerBins, threads, progress, levels, table);
	}

	/** @return a calculator that reports its progress to {@code listener} */
	public StatisticsCalculator progress(final ProgressListener listener) {
		return new StatisticsCalculator(bins, integerBins, threads, listener == null ? ProgressListener.NONE
			: listener, levels, table);
	}

	/**
	 * Exact percentiles beyond the default ones, with numpy's linear interpolation, at no extra
	 * pass: {@code new StatisticsCalculator().percentiles(0.175, 99.825).compute(image).percentile(0.175)}.
	 *
	 * @param extra percentiles from 0 to 100, at most 64 with the six defaults
	 * @return a calculator that computes them too
	 * @throws IllegalArgumentException naming a percentile out of range
	 */
	public StatisticsCalculator percentiles(final double... extra) {
		return new StatisticsCalculator(bins, integerBins, threads, progress, Quantiles.withDefaults(extra), table);
	}

	/**
	 * Measures the values that the stored values stand for, as a calibration gives them, instead of
	 * the stored values themselves: exactly, in the one pass that counts the stored values.
	 * <p>
	 * {@code new StatisticsCalculator().values(ValueTable.linear(PixelKind.INT16, -1024, 1)).compute(ct)}
	 *
	 * @param values the values of the image's stored values, or null for the stored values
	 * @return a calculator that measures them; it takes only images of the table's kind
	 */
	public StatisticsCalculator values(final ValueTable values) {
		return new StatisticsCalculator(bins, integerBins, threads, progress, levels, values);
	}

	/**
	 * @param image the image; only read
	 * @return its statistics
	 * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
	 */
	public Statistics compute(final RandomAccessibleInterval<? extends RealType<?>> image) {
		if (image == null) throw new IllegalArgumentException("No image given.");
		return compute(VoxelSource.of(image));
	}

	/**
	 * @param image the image; only read
	 * @param mask the voxels to include (where it is true), of the same size as the image; its
	 *          position in space does not matter, only its iteration order
	 * @return the statistics of the voxels inside the mask
	 * @throws IllegalArgumentException when the sizes differ
	 */
	public Statistics compute(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask)
	{
		if (image == null) throw new IllegalArgumentException("No image given.");
		if (mask == null) throw new IllegalArgumentException("No mask given.");
		return compute(VoxelSource.of(image, mask));
	}

	/**
	 * @param type the pixel type of the image
	 * @param voxels the number of voxels of the whole image (a mask not applied)
	 * @return the plan of passes that give the statistics of such an image with these settings,
	 *         for a caller that reads the image in parts ({@link StatisticsPlan})
	 */
	public StatisticsPlan plan(final RealType<?> type, final long voxels) {
		if (type == null) throw new IllegalArgumentException("No pixel type given.");
		if (voxels < 0) throw new IllegalArgumentException("An image cannot have " + voxels + " voxels.");
		return plan(PixelKind.of(type), voxels);
	}

	/** @return the plan of passes over {@code image}, as {@link #plan(RealType, long)} */
	public StatisticsPlan plan(final RandomAccessibleInterval<? extends RealType<?>> image) {
		if (image == null) throw new IllegalArgumentException("No image given.");
		return plan(Util.getTypeFromInterval(image), Intervals.numElements(image));
	}

	private StatisticsPlan plan(final PixelKind kind, final long voxels) {
		if (table != null && table.kind() != kind) throw new IllegalArgumentException("The image holds " + kind +
			" values, but the value table is for " + table.kind() + " values.");
		// a table of 65,536 counts costs more than sorting the keys of a few thousand 16-bit voxels
		final boolean countValues = table != null || kind.isSmallInteger() && (kind.keyBits() == 8 ||
			voxels > SORT_16_BIT_UP_TO);
		return new StatisticsPlan(kind, voxels, bins, integerBins, countValues, levels, table);
	}

	private Statistics compute(final VoxelSource source) {
		final StatisticsPlan plan = plan(source.kind(), source.size());
		// the passes run in this thread (interrupting it cancels), the spans on the executor's threads
		final Runnable passes = () -> {
			while (!plan.isDone())
				plan.advance(plan.accumulate(source, 0, source.spanCount(), progress));
		};
		final int n = workersThatFit(source);
		try {
			if (n == 1 || source.spanCount() <= 1) Parallelization.runSingleThreaded(passes);
			else try (TaskExecutor executor = TaskExecutors.numThreads(n)) {
				Parallelization.runWithExecutor(executor, passes);
			}
			return plan.statistics();
		}
		finally {
			progress.progress(1);
		}
	}

	/**
	 * @return the number of threads to use: the one asked for, or all processors for 0 — as many of
	 *         them as the free heap holds the working memory of (count tables and span buffers)
	 * @throws ThreadsDoNotFitException when the threads asked for do not fit
	 */
	private int workersThatFit(final VoxelSource source) {
		final int wanted = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
		final long perWorker = WORKER_TABLE_BYTES + source.bytesReadPerSpan();
		if (source.spanCount() <= 1 || Heap.holds(wanted * perWorker)) return wanted;
		final long free = Heap.free();
		if (threads == 0) return (int) Math.max(1, free / perWorker);
		throw new ThreadsDoNotFitException(threads + " threads need about " + (threads * perWorker >> 20) +
			" MiB of the Java heap (" + (perWorker >> 20) + " MiB each) but only " + (free >> 20) +
			" MiB are free: use fewer threads or run Java with a larger -Xmx.");
	}
}
