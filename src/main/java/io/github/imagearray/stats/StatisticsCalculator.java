package io.github.imagearray.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;

/**
 * Computes {@link Statistics} of any image of real values, exactly and in parallel, without
 * copying it or changing it.
 * <ul>
 * <li>8- and 16-bit integers: one pass counts voxels by value; every statistic follows from that
 * table exactly.</li>
 * <li>Other types: a first pass gathers counts, finite minimum and maximum, the sum and the top
 * bits of every value's {@link OrderKeys order key} (18 of 32, 16 of 64); a second pass sums the
 * powers of the deviations from the mean, bins the histogram and narrows the median and
 * percentiles by the next key bits ({@link RankSelector}), which settles them for 32-bit types;
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
	/** At most one voxel in this many in cells of open ranks lets the cells mark them. */
	private static final int FEW_IN_OPEN_CELLS = 64;
	/** 16-bit images of at most this many voxels are ranked by sorting rather than by value counts. */
	private static final int SORT_16_BIT_UP_TO = 4096;

	private final int bins;
	/** With automatic bins, integer images get one bin per value up to this many values. */
	private final int integerBins;
	private final int threads;
	private final ProgressListener progress;

	/** A calculator with default bins, all processors and no progress reports. */
	public StatisticsCalculator() {
		this(0, MAX_DEFAULT_INTEGER_BINS, 0, ProgressListener.NONE);
	}

	private StatisticsCalculator(final int bins, final int integerBins, final int threads,
		final ProgressListener progress)
	{
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
		return new StatisticsCalculator(bins, integerBins, threads, progress);
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
		return new StatisticsCalculator(bins, Math.min(values, MAX_DEFAULT_INTEGER_BINS), threads, progress);
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
		return new StatisticsCalculator(bins, integerBins, threads, progress);
	}

	/** @return a calculator that reports its progress to {@code listener} */
	public StatisticsCalculator progress(final ProgressListener listener) {
		return new StatisticsCalculator(bins, integerBins, threads, listener == null ? ProgressListener.NONE
			: listener);
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

	private Statistics compute(final VoxelSource source) {
		final Statistics[] result = new Statistics[1];
		// the job runs in this thread (interrupting it cancels), the spans on the executor's threads
		// a table of 65,536 counts costs more than sorting the keys of a few thousand 16-bit voxels
		final boolean countValues = source.kind().isSmallInteger() && (source.kind().keyBits() == 8 || source
			.size() > SORT_16_BIT_UP_TO);
		final Runnable job = () -> result[0] = countValues ? fromValueCounts(source) : fromPasses(source);
		final int n = workersThatFit(source);
		try {
			if (n == 1 || source.spanCount() <= 1) Parallelization.runSingleThreaded(job);
			else try (TaskExecutor executor = TaskExecutors.numThreads(n)) {
				Parallelization.runWithExecutor(executor, job);
			}
			return result[0];
		}
		finally {
			progress.progress(1);
		}
	}

	/**
	 * @return the number of threads to use: the one asked for, or all processors for 0 — as many of
	 *         them as the free heap holds the working memory of (count tables and span buffers)
	 * @throws IllegalArgumentException when the threads asked for do not fit
	 */
	private int workersThatFit(final VoxelSource source) {
		final int wanted = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
		final long perWorker = WORKER_TABLE_BYTES + source.bytesReadPerSpan();
		if (source.spanCount() <= 1 || Heap.holds(wanted * perWorker)) return wanted;
		final long free = Heap.free();
		if (threads == 0) return (int) Math.max(1, free / perWorker);
		throw new IllegalArgumentException(threads + " threads need about " + (threads * perWorker >> 20) +
			" MiB of the Java heap (" + (perWorker >> 20) + " MiB each) but only " + (free >> 20) +
			" MiB are free: use fewer threads or run Java with a larger -Xmx.");
	}

	private Statistics fromValueCounts(final VoxelSource source) {
		final PixelKind kind = source.kind();
		final long[] counts = ValueCounter.merge(SpanPass.run(source, () -> new ValueCounter(kind), progress, 0, 1));
		final long lowest = kind.lowest();
		final Summary summary = Summary.ofValueCounts(counts, lowest);
		final MomentSums sums = new MomentSums(summary.finiteMean());
		final HistogramBinning binning = binning(kind, summary);
		final long[] histogram = new long[binning.bins()];
		for (int v = 0; v < counts.length; v++)
			if (counts[v] > 0) {
				sums.add(v + lowest, counts[v]);
				histogram[binning.bin(v + lowest)] += counts[v];
			}
		// the values of all wanted ranks in one walk over the counts
		final long[] ranks = Quantiles.ranks(summary.count());
		final double[] values = new double[ranks.length];
		long below = 0;
		for (int r = 0, v = 0; r < ranks.length; r++) {
			while (below + counts[v] <= ranks[r])
				below += counts[v++];
			values[r] = v + lowest;
		}
		final LongToDoubleFunction valueOfRank = rank -> values[Arrays.binarySearch(ranks, rank)];
		return assemble(summary, sums, valueOfRank, new Histogram(histogram, binning.edges()));
	}

	private Statistics fromPasses(final VoxelSource source) {
		final PixelKind kind = source.kind();
		final int keyBits = kind.keyBits();
		final int passes = RankSelector.maxPasses(keyBits);
		final CompensatedSum[] spanSums = new CompensatedSum[source.spanCount()];
		final boolean[] nonFiniteSpans = new boolean[source.spanCount()];
		final List<Summary> summaries = new ArrayList<>();
		// small images are ranked by sorting their keys, large ones by radix selection
		final boolean sort = source.size() <= KeyCollector.LIMIT;
		final List<KeyCollector> collectors = new ArrayList<>();
		// small images never use their first digit counts: the smallest table, nothing to set up
		final int topBits = sort ? 1 : RankSelector.firstDigitBits(keyBits);
		SpanPass.run(source, () -> {
			final Summary summary = add(summaries, new Summary(kind, topBits, spanSums, nonFiniteSpans));
			return sort ? new BlockWorker(kind, summary, add(collectors, new KeyCollector(source.size())))
				: new BlockWorker(kind, summary);
		}, progress, 0, 1.0 / passes);
		// sorted keys give the ranks of small images: no need for the first digit counts
		final Summary summary = Summary.merge(summaries, sort ? 0 : keyBits, spanSums);
		final RankSelector selector = new RankSelector(keyBits);
		final long[] sortedKeys = sort ? KeyCollector.sorted(collectors, keyBits) : null;
		if (!sort) {
			selector.select(Quantiles.ranks(summary.count()));
			selector.advanceTop(summary.topDigits);
		}

		// a whole-number centre for whole numbers of up to 32 bits: every deviation from it, and each
		// block's sum of them (2048 x 2^33 < 2^53), is then exact, and so is the mean but for its rounding
		final double centre = kind.isInteger() && kind.keyBits() <= 32 ? Math.rint(summary.finiteMean()) : summary
			.finiteMean();
		// the values between the few lowest and the few highest: beyond it lie outliers
		final double[] bulk = summary.bulk(kind);
		final double far = outlierDistance(kind, summary, bulk, centre);
		final MomentSums[] momentSums = new MomentSums[source.spanCount()];
		final HistogramBinning binning = binning(kind, summary);
		final boolean refine = !selector.isDone();
		FloatCells cells = kind == PixelKind.FLOAT32 && summary.finiteMin < summary.finiteMax ? new FloatCells(binning,
			bulk[0], bulk[1], source.size()) : null;
		OpenDigits open = null;
		if (cells != null && refine) {
			// the cells mark the open ranks themselves where they hold few voxels; else each voxel looks
			// its first digit up
			final long[] ranges = selector.openKeyRanges();
			if (cells.voxelsInCellsOf(ranges, summary.topDigits) <= summary.count() / FEW_IN_OPEN_CELLS) cells = cells
				.markingOpen(ranges);
			else open = new OpenDigits(ranges, summary.topDigits, summary.count());
		}
		final FloatCells secondCells = cells;
		final OpenDigits secondOpen = open;
		final List<SecondPass> seconds = new ArrayList<>();
		final List<RankSelector.DigitCounter> counters = new ArrayList<>();
		SpanPass.run(source, () -> new BlockWorker(kind, add(seconds, new SecondPass(centre, far, momentSums, binning,
			refine ? add(counters, selector.newCounter()) : null, secondCells, secondOpen, nonFiniteSpans))), progress,
			1.0 / passes, 2.0 / passes);
		if (refine) SecondPass.addHotCounts(seconds, open, counters.get(0));
		if (refine) selector.advance(counters);
		for (int pass = 2; !selector.isDone(); pass++) {
			final List<RankSelector.DigitCounter> more = new ArrayList<>();
			SpanPass.run(source, () -> new BlockWorker(kind, add(more, selector.newCounter())), progress, (double) pass /
				passes, (pass + 1.0) / passes);
			selector.advance(more);
		}
		final LongToDoubleFunction valueOfRank = sort ? rank -> OrderKeys.value(kind, sortedKeys[(int) rank])
			: rank -> OrderKeys.value(kind, selector.key(rank));
		return assemble(summary, SecondPass.mergeMoments(centre, momentSums), valueOfRank, SecondPass
			.mergeHistograms(binning, seconds));
	}

	/**
	 * @return how far from the centre a value is an outlier of the bulk, to be added to the moments
	 *         exactly lest it round away the others: {@link FloatCells#FAR} times the reach of the
	 *         bulk; never for whole numbers of up to 32 bits, whose deviations are summed exactly
	 */
	private static double outlierDistance(final PixelKind kind, final Summary summary, final double[] bulk,
		final double centre)
	{
		if (kind.isInteger() && kind.keyBits() <= 32 || summary.finite == 0) return Double.MAX_VALUE;
		return FloatCells.FAR * Math.max(Math.abs(bulk[0] - centre), Math.abs(bulk[1] - centre));
	}

	private static <T> T add(final List<T> list, final T item) {
		list.add(item);
		return item;
	}

	private HistogramBinning binning(final PixelKind kind, final Summary summary) {
		if (summary.finite == 0) return new HistogramBinning(bins > 0 ? bins : 1, 0, 1);
		final int n;
		if (bins > 0) n = bins;
		else if (!kind.isInteger()) n = DEFAULT_FLOAT_BINS;
		else n = (int) Math.min(integerBins, summary.finiteMax - summary.finiteMin + 1);
		return new HistogramBinning(n, summary.finiteMin, summary.finiteMax);
	}

	private static Statistics assemble(final Summary summary, final MomentSums sums,
		final LongToDoubleFunction valueOfRank, final Histogram histogram)
	{
		final long n = summary.count();
		double mean = Double.NaN, variance = Double.NaN, skewness = Double.NaN, kurtosis = Double.NaN;
		if (summary.finite > 0 && summary.finiteMin == summary.finiteMax) {
			mean = summary.finiteMin;
			variance = 0;
		}
		else if (summary.finite > 0) {
			mean = summary.clampToRange(sums.mean());
			final double[] m = sums.centralMoments();
			variance = m[0];
			skewness = m[1] / Math.pow(m[0], 1.5);
			kurtosis = m[2] / (m[0] * m[0]) - 3;
		}
		if (summary.posInf + summary.negInf > 0) {
			variance = skewness = kurtosis = Double.NaN;
		}
		final double[] percentiles = new double[Quantiles.PERCENTILES.length];
		for (int i = 0; i < percentiles.length; i++)
			percentiles[i] = Quantiles.percentile(n, Quantiles.PERCENTILES[i], valueOfRank);
		return new Statistics(summary, new double[] { summary.mean(mean), variance, skewness, kurtosis },
			Quantiles.median(n, valueOfRank), percentiles, histogram);
	}
}
