package io.github.imagearray.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Statistics per label: for a label image of the same size (integer values; 0 is background and
 * left out), every statistic of the voxels of each label, exact medians and percentiles included,
 * with the same definitions and code as the whole image. One pass counts the labels' voxels, a
 * second gathers each label's voxels, in their own pixel type, into an array of exactly that size;
 * then each label is measured like an image and handed to a consumer in label order, so that only
 * one label's statistics are held at a time. With automatic bins a label's histogram has one bin
 * per value for integer voxels spanning at most {@link #AUTOMATIC_INTEGER_BINS} values, else that
 * many bins (255 for floats, as for whole images), so a million labels stay small. Extra memory is
 * one copy of the labelled voxels and about {@link #BYTES_PER_LABEL} bytes per label.
 * <p>
 * {@code LabelStatistics.compute(image, labels, new StatisticsCalculator(), (label, s) -> print(label, s.median()));}
 */
public final class LabelStatistics {

	/** The largest label a single array can hold. */
	static final long MAX_LABEL_VOXELS = Integer.MAX_VALUE - 8;
	/** With automatic bins, integer labels get one bin per value up to this many values. */
	public static final int AUTOMATIC_INTEGER_BINS = 256;
	/** About how much memory each label takes beyond its voxels while the labels are gathered. */
	public static final int BYTES_PER_LABEL = 400;

	private LabelStatistics() {
	}

	/**
	 * @param image the image; only read
	 * @param labels a label image of the same size
	 * @param calculator bins, threads and progress for each label
	 * @return the statistics of every label but 0, by label value, all held at once
	 * @throws IllegalArgumentException when the sizes differ or a label is too large for one array
	 */
	public static SortedMap<Long, Statistics> compute(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends IntegerType<?>> labels, final StatisticsCalculator calculator)
	{
		final SortedMap<Long, Statistics> result = new TreeMap<>();
		compute(image, labels, calculator, result::put);
		return result;
	}

	/**
	 * @param image the image; only read
	 * @param labels a label image of the same size
	 * @param calculator bins, threads and progress for each label
	 * @param rows receives the statistics of every label but 0, in increasing label order
	 * @throws IllegalArgumentException when the sizes differ or a label is too large for one array
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static void compute(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends IntegerType<?>> labels, final StatisticsCalculator calculator,
		final StatisticsRows rows)
	{
		if (!Arrays.equals(Intervals.dimensionsAsLongArray(image), Intervals.dimensionsAsLongArray(labels)))
			throw new IllegalArgumentException("The labels are " + VoxelSource.sizeText(labels) + " but the image is " +
				VoxelSource.sizeText(image) + ".");
		final SortedMap<Long, long[]> counts = voxelCounts(labels);
		final RealType<?> type = Util.getTypeFromInterval(image);
		final boolean sameType = type instanceof NativeType;
		final Map<Long, Cursor<RealType>> targets = new HashMap<>();
		final SortedMap<Long, Img<RealType>> groups = new TreeMap<>();
		for (final Map.Entry<Long, long[]> e : counts.entrySet()) {
			if (e.getValue()[0] > MAX_LABEL_VOXELS) throw new IllegalArgumentException("Label " + e.getKey() + " has " + e
				.getValue()[0] + " voxels; one label can have at most " + MAX_LABEL_VOXELS + ".");
			final Img<RealType> group = (Img) (sameType ? new ArrayImgFactory((NativeType) type).create(e.getValue()[0])
				: new ArrayImgFactory<>(new DoubleType()).create(e.getValue()[0]));
			groups.put(e.getKey(), group);
			targets.put(e.getKey(), group.cursor());
		}
		final Cursor<? extends RealType<?>> values = Views.flatIterable(image).cursor();
		final Cursor<? extends IntegerType<?>> label = Views.flatIterable(labels).cursor();
		Cursor<RealType> target = null;
		long last = 0;
		while (label.hasNext()) {
			final long l = label.next().getIntegerLong();
			final RealType v = values.next();
			if (l == 0) continue;
			if (target == null || l != last) {
				last = l;
				target = targets.get(l);
			}
			if (sameType) target.next().set(v);
			else target.next().setReal(v.getRealDouble());
		}
		targets.clear();
		final StatisticsCalculator perLabel = calculator.automaticIntegerBinsUpTo(AUTOMATIC_INTEGER_BINS);
		while (!groups.isEmpty()) {
			// each group is let go once measured
			final Long l = groups.firstKey();
			rows.accept(l, perLabel.compute((RandomAccessibleInterval) groups.remove(l)));
		}
	}

	/** @return the number of voxels of every label but 0 */
	private static SortedMap<Long, long[]> voxelCounts(final RandomAccessibleInterval<? extends IntegerType<?>> labels) {
		final Map<Long, long[]> counts = new HashMap<>();
		long last = 0;
		long[] lastCount = null;
		for (final IntegerType<?> t : Views.flatIterable(labels)) {
			final long label = t.getIntegerLong();
			if (label == 0) continue;
			if (lastCount == null || label != last) {
				last = label;
				lastCount = counts.computeIfAbsent(label, l -> new long[1]);
			}
			lastCount[0]++;
		}
		return new TreeMap<>(counts);
	}
}
