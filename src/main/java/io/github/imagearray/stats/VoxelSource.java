package io.github.imagearray.stats;

import java.util.function.IntFunction;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Read-only access to the voxels of an image in fixed spans. Array- and plane-backed images
 * ({@link ArrayImg}, {@link PlanarImg}) are read straight from their primitive arrays; any other
 * {@link RandomAccessibleInterval} (views, translated or permuted intervals, procedural images)
 * through a cursor in flat iteration order; planes read from a file on demand
 * ({@link PlanesOnDemand#ranges}) span by span, so that no plane is read twice in a pass nor held
 * whole. With a mask, only the voxels where it is true are read. The spans depend only on the image, never on the
 * number of threads, so results merged in span order are reproducible.
 */
final class VoxelSource {

	/** Voxels per span of an array; a span never straddles two planes. */
	static final int SPAN = 1 << 20;
	/**
	 * Voxels per span read through a cursor: cursors can be slow (procedural images, deep views),
	 * and a span is the unit of work a cancellation waits for.
	 */
	static final int CURSOR_SPAN = 1 << 16;

	private final RandomAccessibleInterval<? extends RealType<?>> image;
	/** Voxels where the mask is false are left out; null for no mask. */
	private final RandomAccessibleInterval<? extends BooleanType<?>> mask;
	private final PixelKind kind;
	private final long size;
	/**
	 * The primitive arrays holding the voxels, one per plane, fetched when a span needs them (so
	 * that planes loaded on demand, as of virtual stacks, are never all held at once); null for
	 * cursor access.
	 */
	private final IntFunction<Object> arrays;
	/** Reads a span's voxels alone, for planes read from a file on demand; else null. */
	private final PlanesOnDemand.PlaneRanges ranges;
	private final int arrayCount;
	private final long arrayLength;
	private final int spansPerArray;
	private final int spanCount;

	private VoxelSource(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask)
	{
		this.image = image;
		this.mask = mask;
		this.kind = PixelKind.of(Util.getTypeFromInterval(image));
		this.size = Intervals.numElements(image);
		final int planes = image instanceof ArrayImg ? 1 : image instanceof PlanarImg ? ((PlanarImg<?, ?>) image)
			.numSlices() : 0;
		this.arrayLength = planes == 0 ? size : size / planes;
		this.ranges = mask == null && planes > 0 && kind != PixelKind.OTHER_INTEGER && kind != PixelKind.OTHER_REAL
			? PlanesOnDemand.ranges(image) : null;
		this.arrays = ranges != null ? p -> null : mask == null && planes > 0 ? primitiveArrays(image, kind,
			arrayLength) : null;
		if (arrays == null) {
			arrayCount = 0;
			spansPerArray = 0;
			spanCount = Math.toIntExact((size + CURSOR_SPAN - 1) / CURSOR_SPAN);
		}
		else {
			arrayCount = planes;
			spansPerArray = (int) ((arrayLength + SPAN - 1) / SPAN);
			spanCount = Math.toIntExact((long) spansPerArray * arrayCount);
		}
	}

	/**
	 * @param image any image of real values; it is only read
	 * @return its voxel source
	 */
	static VoxelSource of(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return new VoxelSource(image, null);
	}

	/**
	 * @param image any image of real values; it is only read
	 * @param mask the voxels to include: where it is true; same size as the image
	 * @return the source of the voxels inside the mask
	 * @throws IllegalArgumentException when the sizes differ
	 */
	static VoxelSource of(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask)
	{
		if (!java.util.Arrays.equals(Intervals.dimensionsAsLongArray(image), Intervals.dimensionsAsLongArray(mask)))
			throw new IllegalArgumentException("The mask is " + sizeText(mask) + " but the image is " + sizeText(image) +
				".");
		return new VoxelSource(image, mask);
	}

	/** @return the size of an interval as "w x h x d" */
	static String sizeText(final RandomAccessibleInterval<?> interval) {
		final long[] d = Intervals.dimensionsAsLongArray(interval);
		final StringBuilder text = new StringBuilder();
		for (final long x : d)
			text.append(text.length() == 0 ? "" : " x ").append(x);
		return text.toString();
	}

	PixelKind kind() {
		return kind;
	}

	long size() {
		return size;
	}

	int spanCount() {
		return spanCount;
	}

	/** @return the bytes a worker allocates for each span it reads: its voxels, when read from a file */
	long bytesReadPerSpan() {
		return ranges == null ? 0 : (long) Math.min(SPAN, arrayLength) * (kind.keyBits() / 8);
	}

	/** @return a reader for span {@code span}, in [0, {@link #spanCount()}) */
	SpanReader reader(final int span) {
		if (arrays == null) {
			final long start = (long) span * CURSOR_SPAN;
			final int length = (int) Math.min(CURSOR_SPAN, size - start);
			final Cursor<? extends RealType<?>> cursor = Views.flatIterable(image).cursor();
			return new CursorSpanReader(cursor, mask == null ? null : Views.flatIterable(mask).cursor(), start, length,
				kind);
		}
		final int array = span / spansPerArray;
		final long from = (long) (span % spansPerArray) * SPAN;
		final long to = Math.min(from + SPAN, arrayLength);
		if (ranges != null) return new ArraySpanReader(ranges.read(array, from, (int) (to - from)), 0, (int) (to - from),
			kind);
		final Object plane = arrays.apply(array);
		if (plane == null || ArraySpanReader.length(plane) < arrayLength)
			throw new IllegalStateException("Plane " + array + " of the image has no " + kind + " array of " +
				arrayLength + " voxels.");
		return new ArraySpanReader(plane, (int) from, (int) to, kind);
	}

	/**
	 * @return the planes' arrays when the image is an {@link ArrayImg} or {@link PlanarImg} of a
	 *         primitive kind whose first array holds {@code perArray} voxels, else null
	 */
	private static IntFunction<Object> primitiveArrays(final RandomAccessibleInterval<?> image,
		final PixelKind kind, final long perArray)
	{
		if (kind == PixelKind.OTHER_INTEGER || kind == PixelKind.OTHER_REAL) return null;
		final IntFunction<Object> arrays = image instanceof ArrayImg ? p -> storage(((ArrayImg<?, ?>) image).update(
			null)) : p -> storage(((PlanarImg<?, ?>) image).getPlane(p));
		final Object first = arrays.apply(0);
		return first != null && ArraySpanReader.length(first) >= perArray ? arrays : null;
	}

	private static Object storage(final Object access) {
		if (!(access instanceof ArrayDataAccess)) return null;
		final Object array = ((ArrayDataAccess<?>) access).getCurrentStorageArray();
		return ArraySpanReader.isSupported(array) ? array : null;
	}
}
