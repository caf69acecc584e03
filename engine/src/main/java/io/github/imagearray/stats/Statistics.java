package io.github.imagearray.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * The statistics of an image, with numpy/scipy definitions: population variance (ddof 0), biased
 * skewness {@code m3 / m2^1.5}, Fisher excess kurtosis {@code m4 / m2^2 - 3}, exact median and
 * percentiles (linear interpolation), a {@code numpy.histogram}. NaN voxels are left out and
 * counted; infinite voxels are values (mean, minimum, maximum, median and percentiles follow IEEE
 * arithmetic; variance, standard deviation, skewness and kurtosis are NaN) but only finite ones are
 * binned. Without any voxel every statistic is NaN. Immutable.
 * <p>
 * {@code double median = new StatisticsCalculator().compute(image).median();}
 */
public final class Statistics {

	/**
	 * The percentiles that every result knows: 1, 5, 25, 75, 95 and 99; others when the calculator
	 * was asked for them ({@link StatisticsCalculator#percentiles}).
	 */
	public static final double[] PERCENTILES = Quantiles.PERCENTILES.clone();

	/** The keys of {@link #describe()}, in order: the columns of vIQA's CSV. */
	public static final String[] DESCRIBE_KEYS = { "mean", "median", "variance", "standarddev", "skewness",
		"kurtosis", "minimum", "maximum" };

	private final long count;
	private final long nanCount;
	private final long posInfCount;
	private final long negInfCount;
	private final double mean;
	private final double median;
	private final double variance;
	private final double skewness;
	private final double kurtosis;
	private final double minimum;
	private final double maximum;
	/** The percentiles computed, sorted, and their values. */
	private final double[] levels, percentiles;
	private final Histogram histogram;

	/** @param moments mean, variance, skewness and kurtosis */
	Statistics(final FirstPassSums first, final double[] moments, final double median, final double[] levels,
		final double[] percentiles, final Histogram histogram)
	{
		this.count = first.nonNaN();
		this.nanCount = first.nan();
		this.posInfCount = first.posInf();
		this.negInfCount = first.negInf();
		this.mean = moments[0];
		this.variance = moments[1];
		this.skewness = moments[2];
		this.kurtosis = moments[3];
		this.minimum = first.minimum();
		this.maximum = first.maximum();
		this.median = median;
		this.levels = levels.clone();
		this.percentiles = percentiles.clone();
		this.histogram = histogram;
	}

	/**
	 * @param sums the first pass over the voxels
	 * @param moments their power sums about the centre
	 * @param levels the percentiles wanted, sorted
	 * @param valueOfRank the value of each rank of {@link Quantiles#ranks} for those percentiles
	 * @return the statistics that follow
	 */
	static Statistics of(final FirstPassSums sums, final MomentSums moments, final double[] levels,
		final LongToDoubleFunction valueOfRank, final Histogram histogram)
	{
		final long n = sums.nonNaN();
		double mean = Double.NaN, variance = Double.NaN, skewness = Double.NaN, kurtosis = Double.NaN;
		if (sums.finite() > 0 && sums.finiteMin() == sums.finiteMax()) {
			mean = sums.finiteMin();
			variance = 0;
		}
		else if (sums.finite() > 0) {
			mean = sums.clampToRange(moments.mean());
			final double[] m = moments.centralMoments();
			variance = m[0];
			skewness = m[1] / Math.pow(m[0], 1.5);
			kurtosis = m[2] / (m[0] * m[0]) - 3;
		}
		if (sums.posInf() + sums.negInf() > 0) {
			variance = skewness = kurtosis = Double.NaN;
		}
		final double[] percentiles = new double[levels.length];
		for (int i = 0; i < percentiles.length; i++)
			percentiles[i] = Quantiles.percentile(n, levels[i], valueOfRank);
		return new Statistics(sums, new double[] { sums.mean(mean), variance, skewness, kurtosis }, Quantiles.median(n,
			valueOfRank), levels, percentiles, histogram);
	}

	/** @return the number of voxels that are not NaN (infinite ones included) */
	public long count() {
		return count;
	}

	/** @return the number of NaN voxels */
	public long nanCount() {
		return nanCount;
	}

	/** @return the number of +Infinity voxels */
	public long posInfCount() {
		return posInfCount;
	}

	/** @return the number of -Infinity voxels */
	public long negInfCount() {
		return negInfCount;
	}

	public double mean() {
		return mean;
	}

	/** @return the exact median: the middle value, or the mean of the two middle values */
	public double median() {
		return median;
	}

	/** @return the population variance (divided by n) */
	public double variance() {
		return variance;
	}

	/** @return the population standard deviation, {@code sqrt(variance)} */
	public double standardDeviation() {
		return Math.sqrt(variance);
	}

	/** @return the biased skewness {@code m3 / m2^1.5}; NaN for constant images */
	public double skewness() {
		return skewness;
	}

	/** @return the biased Fisher (excess) kurtosis {@code m4 / m2^2 - 3}; NaN for constant images */
	public double kurtosis() {
		return kurtosis;
	}

	public double minimum() {
		return minimum;
	}

	public double maximum() {
		return maximum;
	}

	/** @return the percentiles computed, sorted: {@link #PERCENTILES} and those asked for */
	public double[] percentileLevels() {
		return levels.clone();
	}

	/**
	 * @param p one of {@link #PERCENTILES} or of those the calculator was asked for
	 * @return the percentile with numpy's default linear interpolation
	 */
	public double percentile(final double p) {
		final int i = Arrays.binarySearch(levels, p + 0.0);
		if (i >= 0) return percentiles[i];
		throw new IllegalArgumentException("Percentile " + p + " is not computed; available: " + Arrays.toString(
			levels) + ".");
	}

	/** @return the histogram of the finite values */
	public Histogram histogram() {
		return histogram;
	}

	/**
	 * @return vIQA's {@code describe()} statistics, keyed and ordered as {@link #DESCRIBE_KEYS}
	 */
	public Map<String, Double> describe() {
		final double[] values = { mean, median, variance, standardDeviation(), skewness, kurtosis, minimum,
			maximum };
		final Map<String, Double> map = new LinkedHashMap<>();
		for (int i = 0; i < DESCRIBE_KEYS.length; i++)
			map.put(DESCRIBE_KEYS[i], values[i]);
		return map;
	}

	@Override
	public String toString() {
		return "Statistics" + describe() + " count=" + count + " nan=" + nanCount;
	}
}
