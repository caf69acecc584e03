package io.github.imagearray.stats;

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
 * then each label is measured like an image. Extra memory is one copy of the labelled voxels.
 * <p>
 * {@code SortedMap<Long, Statistics> perLabel = LabelStatistics.compute(image, labels, new StatisticsCalculator());}
 */
public final class LabelStatistics {

	/** The largest label a single array can hold. */
	static final long MAX_LABEL_VOXELS = Integer.MAX_VALUE - 8;

	private LabelStatistics() {
	}

	/**
	 * @param image the image; only read
	 * @param labels a label image of the same size
	 * @param calculator bins, threads and progress for each label
	 * @return the statistics of every label but 0, by label value
	 * @throws IllegalArgumentException when the sizes differ or a label is too large for one array
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static SortedMap<Long, Statistics> compute(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends IntegerType<?>> labels, final StatisticsCalculator calculator)
	{
		if (!java.util.Arrays.equals(Intervals.dimensionsAsLongArray(image), Intervals.dimensionsAsLongArray(labels)))
			throw new IllegalArgumentException("The labels are " + VoxelSource.sizeText(labels) + " but the image is " +
				VoxelSource.sizeText(image) + ".");
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
		final RealType<?> type = Util.getTypeFromInterval(image);
		final Map<Long, Cursor<RealType>> targets = new HashMap<>();
		final SortedMap<Long, Img<RealType>> groups = new TreeMap<>();
		for (final Map.Entry<Long, long[]> e : counts.entrySet()) {
			if (e.getValue()[0] > MAX_LABEL_VOXELS) throw new IllegalArgumentException("Label " + e.getKey() + " has " + e
				.getValue()[0] + " voxels; one label can have at most " + MAX_LABEL_VOXELS + ".");
			final Img<RealType> group = (Img) (type instanceof NativeType ? new ArrayImgFactory((NativeType) type)
				.create(e.getValue()[0]) : new ArrayImgFactory<>(new DoubleType()).create(e.getValue()[0]));
			groups.put(e.getKey(), group);
			targets.put(e.getKey(), group.cursor());
		}
		final Cursor<? extends RealType<?>> values = Views.flatIterable(image).cursor();
		final Cursor<? extends IntegerType<?>> label = Views.flatIterable(labels).cursor();
		final boolean sameType = type instanceof NativeType;
		Cursor<RealType> target = null;
		last = 0;
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
		final SortedMap<Long, Statistics> result = new TreeMap<>();
		for (final Map.Entry<Long, Img<RealType>> e : groups.entrySet())
			result.put(e.getKey(), calculator.compute((RandomAccessibleInterval) e.getValue()));
		return result;
	}
}
