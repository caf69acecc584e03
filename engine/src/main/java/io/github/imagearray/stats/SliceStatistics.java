package io.github.imagearray.stats;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.BooleanType;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Statistics of every slice of an image along one axis (optionally inside a mask), with the same
 * definitions and exactness as the whole image, handed to a consumer slice by slice in order, so
 * that nothing but the slices being measured is held. The slices are gathered in slabs of as many
 * as fit in a quarter of the free heap: one sweep over the image in its own order fills a slab,
 * whatever the axis (planar images without a mask plane by plane as arrays), so an image read from
 * a file plane by plane is read once per slab (once in all when the slices fit), never once per
 * slice. Each slice is then measured from an array of its own voxels (those inside the mask), in
 * their own pixel type.
 * <p>
 * {@code SliceStatistics.compute(image, null, 2, new StatisticsCalculator(), (z, s) -> print(z, s.median()));}
 */
public final class SliceStatistics {

	private SliceStatistics() {
	}

	/**
	 * @param image the image; only read
	 * @param mask the voxels to include (where true), of the image's size; null for all
	 * @param axis the axis along which to slice, 0 to {@code image.numDimensions() - 1}
	 * @param calculator bins and threads for each slice
	 * @param rows receives each slice's statistics, in slice order
	 * @throws IllegalArgumentException for an axis the image does not have, a mask of another size
	 *           or a slice that does not fit in the heap
	 * @throws CancellationException when the calling thread is interrupted
	 */
	public static void compute(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final int axis,
		final StatisticsCalculator calculator, final StatisticsRows rows)
	{
		if (axis < 0 || axis >= image.numDimensions()) throw new IllegalArgumentException("The image has no axis " +
			axis + ": it has " + image.numDimensions() + " dimensions.");
		if (mask != null && !Arrays.equals(Intervals.dimensionsAsLongArray(image), Intervals.dimensionsAsLongArray(
			mask))) throw new IllegalArgumentException("The mask is " + VoxelSource.sizeText(mask) + " but the image is " +
				VoxelSource.sizeText(image) + ".");
		final long slices = image.dimension(axis);
		final long sliceVoxels = Intervals.numElements(image) / Math.max(1, slices);
		if (sliceVoxels > LabelStatistics.MAX_LABEL_VOXELS) throw new IllegalArgumentException("A slice of " +
			sliceVoxels + " voxels is more than one array can hold.");
		compute(image, mask, axis, calculator, rows, slabSlices(image, sliceVoxels, slices));
	}

	/**
	 * As {@link #compute(RandomAccessibleInterval, RandomAccessibleInterval, int, StatisticsCalculator,
	 * StatisticsRows)}, {@code perSlab} slices at a time.
	 */
	static void compute(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final int axis,
		final StatisticsCalculator calculator, final StatisticsRows rows, final long perSlab)
	{
		final long slices = image.dimension(axis);
		final long sliceVoxels = Intervals.numElements(image) / Math.max(1, slices);
		for (long first = 0; first < slices; first += perSlab) {
			final int count = (int) Math.min(perSlab, slices - first);
			final Slab slab = new Slab(Util.getTypeFromInterval(image), sliceVoxels, count);
			if (mask == null && slab.canCopyPlanesOf(image)) slab.copyPlanes((PlanarImg) image, axis, first);
			else slab.fill(image, mask, axis, first);
			for (int i = 0; i < count; i++)
				rows.accept(first + i, calculator.compute(slab.slice(i)));
		}
	}

	/** @return how many slices a slab holds: as many as fit in a quarter of the free heap, at least one */
	private static long slabSlices(final RandomAccessibleInterval<? extends RealType<?>> image, final long sliceVoxels,
		final long slices)
	{
		// types read through getRealDouble are copied as doubles: their kinds have keys of 64 bits too
		final int voxelBytes = PixelKind.of(Util.getTypeFromInterval(image)).keyBits() / 8;
		final long sliceBytes = Math.max(1, sliceVoxels) * voxelBytes;
		if (!Heap.holds(2 * sliceBytes)) throw new IllegalArgumentException("A slice of " + sliceVoxels +
			" voxels needs " + (sliceBytes >> 20) + " MiB but the Java heap has only " + (Heap.free() >> 20) +
			" MiB free; run Java with a larger -Xmx.");
		return Math.max(1, Math.min(slices, Heap.free() / 4 / sliceBytes));
	}

	/** Consecutive slices, each as an array of its voxels (those inside the mask) in flat order. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static final class Slab {

		private final NativeType type;
		private final boolean sameType;
		private final ArrayImg[] arrays;
		private final long[] used;

		Slab(final RealType<?> imageType, final long sliceVoxels, final int count) {
			sameType = imageType instanceof NativeType;
			type = sameType ? (NativeType) imageType : new DoubleType();
			arrays = new ArrayImg[count];
			for (int i = 0; i < count; i++)
				arrays[i] = (ArrayImg) new ArrayImgFactory(type).create(Math.max(1, sliceVoxels));
			used = new long[count];
		}

		/** Copies slices {@code [first, first + count)} in one sweep over the image in its flat order. */
		void fill(final RandomAccessibleInterval<? extends RealType<?>> image,
			final RandomAccessibleInterval<? extends BooleanType<?>> mask, final int axis, final long first)
		{
			final long[] min = Intervals.minAsLongArray(image), max = Intervals.maxAsLongArray(image);
			min[axis] += first;
			max[axis] = min[axis] + arrays.length - 1;
			final FinalInterval interval = new FinalInterval(min, max);
			final Cursor<? extends RealType<?>> values = Views.flatIterable(Views.interval(image, interval)).cursor();
			final Cursor<? extends BooleanType<?>> inside = mask == null ? null : Views.flatIterable(Views.interval(
				Views.zeroMin(mask), Intervals.translateInverse(interval, Intervals.minAsLongArray(image)))).cursor();
			final Cursor[] targets = new Cursor[arrays.length];
			for (int i = 0; i < targets.length; i++)
				targets[i] = arrays[i].cursor();
			final long[] size = Intervals.dimensionsAsLongArray(interval);
			final long[] position = new long[size.length];
			for (long n = 0; values.hasNext(); n++) {
				if ((n & 0xfffff) == 0 && Thread.currentThread().isInterrupted()) throw new CancellationException(
					SpanDriver.CANCELED);
				final RealType v = values.next();
				final int slice = (int) position[axis];
				if (inside == null || inside.next().get()) {
					final RealType t = (RealType) targets[slice].next();
					if (sameType) ((NativeType) t).set((NativeType) v);
					else t.setReal(v.getRealDouble());
					used[slice]++;
				}
				// the position of the next voxel in flat order
				for (int d = 0; d < size.length && ++position[d] == size[d]; d++)
					position[d] = 0;
			}
		}

		/** @return whether the image's planes are primitive arrays of the slices' own kind, to be copied as such */
		boolean canCopyPlanesOf(final RandomAccessibleInterval<?> image) {
			if (!(image instanceof PlanarImg) || image.numDimensions() < 2 || image.numDimensions() > 3 || !sameType)
				return false;
			final Object plane = ((PlanarImg) image).getPlane(0);
			return plane instanceof ArrayDataAccess && ((ArrayDataAccess) plane).getCurrentStorageArray().getClass() ==
				storage(0).getClass();
		}

		/**
		 * Copies slices {@code [first, first + count)} from the image's planes, each plane read once:
		 * whole for z, row by row for y, column by column for x.
		 */
		void copyPlanes(final PlanarImg image, final int axis, final long first) {
			final int w = (int) image.dimension(0), h = (int) image.dimension(1);
			final int count = arrays.length;
			for (int z = 0; z < image.numSlices(); z++) {
				if (axis == 2 && (z < first || z >= first + count)) continue;
				if (Thread.currentThread().isInterrupted()) throw new CancellationException(SpanDriver.CANCELED);
				final Object plane = ((ArrayDataAccess) image.getPlane(z)).getCurrentStorageArray();
				if (axis == 2) System.arraycopy(plane, 0, storage((int) (z - first)), 0, w * h);
				else if (axis == 1) for (int j = 0; j < count; j++)
					System.arraycopy(plane, (int) (first + j) * w, storage(j), z * w, w);
				else for (int i = 0; i < count; i++)
					PrimitiveArrays.copyStrided(plane, (int) first + i, w, storage(i), h * z, h);
			}
			Arrays.fill(used, (long) w * h * image.numSlices() / image.dimension(axis));
		}

		private Object storage(final int slice) {
			return ((ArrayDataAccess) arrays[slice].update(null)).getCurrentStorageArray();
		}

		/** @return slice {@code i}: the voxels it holds, as a one-dimensional image */
		RandomAccessibleInterval slice(final int i) {
			final ArrayImg full = arrays[i];
			arrays[i] = null; // measured once: let it go
			if (used[i] == full.size()) return full;
			final ArrayImg part = new ArrayImg((ArrayDataAccess) full.update(null), new long[] { used[i] }, type
				.getEntitiesPerPixel());
			part.setLinkedType(type.getNativeTypeFactory().createLinkedType(part));
			return part;
		}
	}
}
