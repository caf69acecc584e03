package io.github.imagearray.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import io.github.imagearray.FileStatistics;
import io.github.imagearray.OneLine;
import io.github.imagearray.StatisticsJson;
import io.github.imagearray.io.ImageFileException;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsPlan;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;

/**
 * Dataset mode: many volumes, a task per few files. Three kinds of job: the headers (type and size of
 * each file), each file's own statistics (measured whole in one task, as {@code stats} would), and
 * the passes of the pooled statistics of all their voxels and of each group's — the engine's passes,
 * merged by tree reductions as in {@link VolumeJob}. The driver holds one small record per file and
 * the plans: a few count tables per group.
 */
final class DatasetJob {

	/** A file's type and size, or why it cannot be read. */
	static final class Header implements Serializable {

		private static final long serialVersionUID = 1L;
		final String file;
		/** The class of its ImgLib2 pixel type. */
		final String type;
		final long voxels;
		final String problem;

		Header(final String file, final String type, final long voxels, final String problem) {
			this.file = file;
			this.type = type;
			this.voxels = voxels;
			this.problem = problem;
		}
	}

	/** What a pass gathered over some files: for all of them, and for each group among them. */
	static final class Gathered implements Serializable {

		private static final long serialVersionUID = 1L;
		Partial pooled;
		final TreeMap<String, Partial> groups = new TreeMap<>();

		Gathered merge(final Gathered other) {
			pooled = pooled == null ? other.pooled : other.pooled == null ? pooled : pooled.merge(other.pooled);
			for (final Map.Entry<String, Partial> e : other.groups.entrySet())
				groups.merge(e.getKey(), e.getValue(), Partial::merge);
			return this;
		}
	}

	private final JavaSparkContext spark;
	private final int bins;
	private final int partitions;

	DatasetJob(final JavaSparkContext spark, final int bins, final int partitions) {
		this.spark = spark;
		this.bins = bins;
		this.partitions = partitions;
	}

	private <T> JavaRDD<T> distribute(final List<T> items) {
		return spark.parallelize(items, VolumeJob.tasks(spark, partitions, items.size()));
	}

	/** @return the type and size of each file, in order; unreadable ones with their problem */
	List<Header> headers(final List<String> files) {
		return distribute(files).map(file -> {
			try {
				return DatasetFiles.read(file, image -> new Header(file, Util.getTypeFromInterval(image).getClass()
					.getName(), Intervals.numElements(image), null));
			}
			catch (final IOException | RuntimeException e) {
				return new Header(file, null, 0, problem(e));
			}
		}).collect();
	}

	/** @return each file's own statistics, in order, one at a time off the executors */
	Iterator<FileStatistics> rows(final List<Header> files) {
		final int bins = this.bins;
		return distribute(files).map(h -> {
			try {
				return DatasetFiles.read(h.file, image -> new FileStatistics(h.file, h.voxels, StatisticsJson.of(VolumeJob.calculator(
					bins).compute(image)), null));
			}
			catch (final IOException | RuntimeException e) {
				return new FileStatistics(h.file, h.voxels, null, problem(e));
			}
		}).toLocalIterator();
	}

	/**
	 * @param files the readable files, each of {@code type} unless that is {@link DoubleType} for a mix
	 * @param groupOf each file's group, or null for no groups
	 * @return the pooled statistics of all files' voxels under "", and each group's under its name
	 */
	Map<String, Statistics> pooled(final List<Header> files, final String type, final Map<String, String> groupOf) {
		final RealType<?> pooledType = newType(type);
		final Map<String, StatisticsPlan> plans = new TreeMap<>();
		plans.put("", VolumeJob.calculator(bins).plan(pooledType, total(files, null, null)[1]));
		if (groupOf != null) for (final String group : new TreeSet<>(groupOf.values()))
			plans.put(group, VolumeJob.calculator(bins).plan(pooledType, total(files, groupOf, group)[1]));
		final JavaRDD<Header> parts = distribute(files);
		while (plans.values().stream().anyMatch(p -> !p.isDone())) {
			final Map<String, byte[]> open = new TreeMap<>();
			plans.forEach((name, plan) -> {
				if (!plan.isDone()) open.put(name, plan.toBytes());
			});
			final Broadcast<Map<String, byte[]>> shipped = spark.broadcast(open);
			final Gathered all = parts.mapPartitions(part -> gather(part, shipped.value(), type, groupOf)).treeReduce(
				Gathered::merge);
			if (all.pooled != null) plans.get("").advance(all.pooled.statistics());
			all.groups.forEach((group, partial) -> plans.get(group).advance(partial.statistics()));
			shipped.destroy();
		}
		final Map<String, Statistics> statistics = new LinkedHashMap<>();
		plans.forEach((name, plan) -> statistics.put(name, plan.statistics()));
		return statistics;
	}

	/** @return the files and voxels of a group (all files for a null group) */
	static long[] total(final List<Header> files, final Map<String, String> groupOf, final String group) {
		final long[] counts = new long[2];
		for (final Header h : files)
			if (group == null || group.equals(groupOf.get(h.file))) {
				counts[0]++;
				counts[1] += h.voxels;
			}
		return counts;
	}

	/**
	 * @return the type the voxels of all these files are pooled as: their own when they share one,
	 *         else float64, which holds every value of every other type exactly
	 * @throws IllegalArgumentException for 64-bit integers among other types
	 */
	static String pooledType(final List<Header> files) {
		final String first = files.isEmpty() ? DoubleType.class.getName() : files.get(0).type;
		for (final Header h : files) {
			if (h.type.equals(first)) continue;
			for (final Header wide : files)
				if (wide.type.equals(LongType.class.getName()) || wide.type.equals(UnsignedLongType.class.getName()))
					throw new IllegalArgumentException("Cannot pool " + wide.file + " (64-bit integers) with " + (wide == h
						? files.get(0).file : h.file) + " (another type): float64 does not hold every 64-bit integer.");
			return DoubleType.class.getName();
		}
		return first;
	}

	private static Iterator<Gathered> gather(final Iterator<Header> files, final Map<String, byte[]> shipped,
		final String type, final Map<String, String> groupOf)
	{
		final Map<String, StatisticsPlan> plans = new TreeMap<>();
		final Gathered gathered = new Gathered();
		while (files.hasNext()) {
			final Header h = files.next();
			final String group = groupOf == null ? null : groupOf.get(h.file);
			try {
				DatasetFiles.read(h.file, image -> {
					final RandomAccessibleInterval<? extends RealType<?>> voxels = as(image, type);
					if (shipped.containsKey("")) gathered.pooled = add(gathered.pooled, plan(plans, shipped, ""), voxels);
					if (group != null && shipped.containsKey(group)) gathered.groups.put(group, add(gathered.groups.get(
						group), plan(plans, shipped, group), voxels));
					return null;
				});
			}
			catch (final IOException e) {
				throw new UncheckedIOException(h.file + ": " + e.getMessage(), e);
			}
		}
		final List<Gathered> one = new ArrayList<>(1);
		one.add(gathered);
		return one.iterator();
	}

	private static StatisticsPlan plan(final Map<String, StatisticsPlan> plans, final Map<String, byte[]> shipped,
		final String name)
	{
		return plans.computeIfAbsent(name, n -> StatisticsPlan.fromBytes(shipped.get(n)));
	}

	private static Partial add(final Partial sofar, final StatisticsPlan plan,
		final RandomAccessibleInterval<? extends RealType<?>> voxels)
	{
		final Partial more = new Partial(plan.accumulate(voxels));
		return sofar == null ? more : sofar.merge(more);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<? extends RealType<?>> as(final RandomAccessibleInterval<? extends RealType<
		?>> image, final String type)
	{
		if (Util.getTypeFromInterval(image).getClass().getName().equals(type)) return image;
		return Converters.convert((RandomAccessibleInterval) image, (a, b) -> ((DoubleType) b).setReal(((RealType<?>) a)
			.getRealDouble()), new DoubleType());
	}

	private static RealType<?> newType(final String type) {
		try {
			return (RealType<?>) Class.forName(type).getConstructor().newInstance();
		}
		catch (final ReflectiveOperationException | ClassCastException e) {
			throw new IllegalArgumentException("Cannot pool voxels of type " + type + ".", e);
		}
	}

	/** @return the one line that says why a file could not be read */
	private static String problem(final Throwable e) {
		return OneLine.reason(e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e);
	}
}
