package io.github.imagearray.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import io.github.imagearray.StatisticsJson;
import io.github.imagearray.stats.Masks;
import io.github.imagearray.stats.PartialStatistics;
import io.github.imagearray.stats.SliceStatistics;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import io.github.imagearray.stats.StatisticsPlan;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import scala.Tuple2;

/**
 * Volume mode: one large volume, split into ranges of the engine's spans (planes, or parts of large
 * planes) that the executors read for themselves. Each pass of the {@link StatisticsPlan} is one Spark
 * job: the plan goes out as a broadcast, each task gathers its spans' partial statistics, and a tree
 * reduction merges them on the executors, so the driver holds the plan and a few partial results
 * (count tables) at a time, never one per task. The merges are exact, so the result is that of
 * {@code stats} bit for bit, whatever the partitions, executors or task retries.
 */
final class VolumeJob {

	/** Tasks per core when the partitions are not given: spreads uneven planes, keeps retries short. */
	private static final int TASKS_PER_CORE = 4;

	private final JavaSparkContext spark;
	private final VolumeFile image;
	/** Null for every voxel. */
	private final VolumeFile mask;
	private final int bins;
	/** 0: as many as {@link #TASKS_PER_CORE} tasks per core of the cluster. */
	private final int partitions;

	VolumeJob(final JavaSparkContext spark, final VolumeFile image, final VolumeFile mask, final int bins,
		final int partitions)
	{
		this.spark = spark;
		this.image = image;
		this.mask = mask;
		this.bins = bins;
		this.partitions = partitions;
	}

	/** @return the statistics of the volume (inside the mask), as {@code stats} gives them */
	Statistics statistics() throws IOException {
		final RandomAccessibleInterval<? extends RealType<?>> opened = openChecked();
		final StatisticsPlan plan = calculator(bins).plan(opened);
		final List<int[]> ranges = ranges(StatisticsPlan.spanCount(opened));
		final JavaRDD<int[]> parts = spark.parallelize(ranges, ranges.size());
		final VolumeFile image = this.image, mask = this.mask;
		while (!plan.isDone()) {
			final Broadcast<byte[]> shipped = spark.broadcast(plan.toBytes());
			final Partial all = parts.map(range -> new Partial(accumulate(StatisticsPlan.fromBytes(shipped.value()),
				image, mask, range))).treeReduce(Partial::merge);
			plan.advance(all.statistics());
			shipped.destroy();
		}
		return plan.statistics();
	}

	/**
	 * Statistics of each slice along {@code axis}, as {@code stats --per-slice} gives them, handed to
	 * {@code rows} in slice order. Each task measures a range of slices: along z it reads only their
	 * planes; along x or y every task reads every plane.
	 */
	void sliceRows(final int axis, final SliceRows rows) throws IOException {
		final RandomAccessibleInterval<? extends RealType<?>> opened = openChecked();
		if (axis >= opened.numDimensions()) throw new IllegalArgumentException("volume: --per-slice along axis " + axis +
			" but " + image.name + " has " + opened.numDimensions() + " dimensions.");
		final long slices = opened.dimension(axis);
		final List<int[]> ranges = ranges(Math.toIntExact(slices));
		final VolumeFile image = this.image, mask = this.mask;
		final int bins = this.bins;
		final Iterator<Tuple2<Long, Map<String, Object>>> measured = spark.parallelize(ranges, ranges.size()).flatMap(
			range -> measureSlices(image, mask, axis, bins, range).iterator()).toLocalIterator();
		while (measured.hasNext()) {
			final Tuple2<Long, Map<String, Object>> row = measured.next();
			rows.accept(row._1(), row._2());
		}
	}

	/** Receives one slice's statistics (as {@link StatisticsJson#of}) at a time. */
	@FunctionalInterface
	interface SliceRows {

		void accept(long slice, Map<String, Object> statistics) throws IOException;
	}

	private RandomAccessibleInterval<? extends RealType<?>> openChecked() throws IOException {
		final RandomAccessibleInterval<? extends RealType<?>> opened = image.open();
		if (mask != null && !Arrays.equals(Intervals.dimensionsAsLongArray(opened), Intervals.dimensionsAsLongArray(
			mask.open()))) throw new IllegalArgumentException("The mask " + mask.name + " is not of the size of " +
				image.name + ".");
		return opened;
	}

	static StatisticsCalculator calculator(final int bins) {
		// one thread a task: Spark runs a task per core
		return new StatisticsCalculator().threads(1).binsOrAutomatic(bins);
	}

	/** @return the tasks for {@code count} items: the partitions asked for (0: {@link #TASKS_PER_CORE} a core), 1 to count */
	static int tasks(final JavaSparkContext spark, final int partitions, final int count) {
		return Math.max(1, Math.min(count, partitions > 0 ? partitions : TASKS_PER_CORE * spark.defaultParallelism()));
	}

	/** @return [first, end) ranges that cover 0 to {@code count}, at least one */
	private List<int[]> ranges(final int count) {
		final int n = tasks(spark, partitions, count);
		final List<int[]> ranges = new ArrayList<>(n);
		for (int i = 0; i < n; i++)
			ranges.add(new int[] { (int) ((long) count * i / n), (int) ((long) count * (i + 1) / n) });
		return ranges;
	}

	private static PartialStatistics accumulate(final StatisticsPlan plan, final VolumeFile image,
		final VolumeFile mask, final int[] spans)
	{
		try {
			final RandomAccessibleInterval<? extends RealType<?>> opened = image.open();
			return mask == null ? plan.accumulate(opened, spans[0], spans[1]) : plan.accumulate(opened, Masks.nonZero(
				mask.open()), spans[0], spans[1]);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Tuple2<Long, Map<String, Object>>> measureSlices(final VolumeFile image,
		final VolumeFile mask, final int axis, final int bins, final int[] range) throws IOException
	{
		final RandomAccessibleInterval<? extends RealType<?>> opened = image.open();
		final long[] min = Intervals.minAsLongArray(opened), max = Intervals.maxAsLongArray(opened);
		min[axis] += range[0];
		max[axis] = min[axis] + range[1] - range[0] - 1;
		final FinalInterval slab = new FinalInterval(min, max);
		final List<Tuple2<Long, Map<String, Object>>> rows = new ArrayList<>();
		if (range[1] == range[0]) return rows;
		SliceStatistics.compute(Views.interval(opened, slab), mask == null ? null : Masks.nonZero(Views.interval(mask
			.open(), slab)), axis, calculator(bins), (slice, s) -> rows.add(new Tuple2<>(range[0] + slice, StatisticsJson
				.of(s))));
		return rows;
	}
}
