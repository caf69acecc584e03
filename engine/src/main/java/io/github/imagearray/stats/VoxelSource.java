package io.github.imagearray.stats;

import java.lang.reflect.Array;
import java.util.Arrays;
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
 * whole. With a mask, only the voxels where it is true are read: a span's voxels are read as
 * without one, then those inside the mask kept. The spans depend only on the image, never on the
 * number of threads; every pass reads the same spans.
 */
final class VoxelSource {

	/** Voxels per span of an array; a span never straddles two planes. */
	static final int SPAN = 1 << 20;
	/**
	 * A worker empties int count tables into wider ones once it has counted this many values since
	 * it last did: no count can overflow in the span that follows.
	 */
	static final long SPILL_INT_COUNTS_AT = Integer.MAX_VALUE - SPAN;
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
	/**
	 * The voxels of the image a {@link Masks#nonZero} mask is made of, when they are read in the same
	 * spans as the image's: the mask is then read from their arrays; else null.
	 */
	private final VoxelSource maskValues;
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
		this.ranges = planes > 0 && kind != PixelKind.OTHER_INTEGER && kind != PixelKind.OTHER_REAL ? PlanesOnDemand
			.ranges(image) : null;
		this.arrays = ranges != null ? p -> null : planes > 0 ? primitiveArrays(image, kind, arrayLength) : null;
		this.maskValues = arrays != null && mask instanceof Masks.NonZero ? sameSpans(VoxelSource.of(
			((Masks.NonZero<?>) mask).image), planes) : null;
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
		if (!Arrays.equals(Intervals.dimensionsAsLongArray(image), Intervals.dimensionsAsLongArray(mask)))
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

	/**
	 * @return the bytes a worker allocates for each span it reads: its voxels when read from a file,
	 *         and with a mask the list and the copy of those inside it
	 */
	long bytesReadPerSpan() {
		if (arrays == null) return 0;
		final long span = Math.min(SPAN, arrayLength);
		final long voxel = kind.keyBits() / 8;
		final long read = ranges == null ? 0 : span * voxel;
		return mask == null ? read : read + span * (Integer.BYTES + voxel) + (maskValues == null ? 0 : maskValues
			.bytesReadPerSpan());
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
		final int length = (int) (to - from);
		final Object values;
		final int start;
		if (ranges != null) {
			values = ranges.read(array, from, length);
			start = 0;
		}
		else {
			values = arrays.apply(array);
			if (values == null || ArraySpanReader.length(values) < arrayLength)
				throw new IllegalStateException("Plane " + array + " of the image has no " + kind + " array of " +
					arrayLength + " voxels.");
			start = (int) from;
		}
		if (mask == null) return new ArraySpanReader(values, start, start + length, kind);
		final int[] kept = new int[length];
		final int n = maskValues != null ? nonZero(maskValues.reader(span), start, kept) : inside(array * arrayLength +
			from, start, length, kept);
		final Object inside = select(values, kept, n);
		return new ArraySpanReader(inside, 0, n, kind);
	}

	/** @return a source whose spans are those of an image of {@code planes} planes like this one's, else null */
	private VoxelSource sameSpans(final VoxelSource other, final int planes) {
		return other.arrays != null && other.arrayCount == planes && other.arrayLength == arrayLength ? other : null;
	}

	/**
	 * Lists where the mask is true over {@code length} voxels from flat index {@code first}.
	 *
	 * @param kept receives {@code start} plus the offsets of those voxels
	 * @return how many there are
	 */
	private int inside(final long first, final int start, final int length, final int[] kept) {
		final Cursor<? extends BooleanType<?>> m = Views.flatIterable(mask).cursor();
		m.jumpFwd(first);
		int n = 0;
		for (int i = 0; i < length; i++)
			if (m.next().get()) kept[n++] = start + i;
		return n;
	}

	/**
	 * Lists the voxels of a span of the mask's image that are not zero (NaN is not zero).
	 *
	 * @param kept receives {@code start} plus their offsets in the span
	 * @return how many there are
	 */
	private static int nonZero(final SpanReader span, final int start, final int[] kept) {
		final ArraySpanReader r = (ArraySpanReader) span;
		final Object a = r.array();
		int n = 0;
		for (int i = r.start(), end = r.end(); i < end; i++) {
			final boolean on;
			if (a instanceof byte[]) on = ((byte[]) a)[i] != 0;
			else if (a instanceof short[]) on = ((short[]) a)[i] != 0;
			else if (a instanceof float[]) on = ((float[]) a)[i] != 0;
			else if (a instanceof int[]) on = ((int[]) a)[i] != 0;
			else if (a instanceof long[]) on = ((long[]) a)[i] != 0;
			else on = ((double[]) a)[i] != 0;
			if (on) kept[n++] = start + i - r.start();
		}
		return n;
	}

	/** @return {@code array}'s elements at the first {@code n} indices of {@code kept}, in a new array */
	private static Object select(final Object array, final int[] kept, final int n) {
		final Object inside = Array.newInstance(array.getClass().getComponentType(), n);
		// one loop per type, so that each is a plain array copy
		if (array instanceof float[]) for (int i = 0; i < n; i++)
			((float[]) inside)[i] = ((float[]) array)[kept[i]];
		else if (array instanceof short[]) for (int i = 0; i < n; i++)
			((short[]) inside)[i] = ((short[]) array)[kept[i]];
		else if (array instanceof byte[]) for (int i = 0; i < n; i++)
			((byte[]) inside)[i] = ((byte[]) array)[kept[i]];
		else if (array instanceof int[]) for (int i = 0; i < n; i++)
			((int[]) inside)[i] = ((int[]) array)[kept[i]];
		else if (array instanceof long[]) for (int i = 0; i < n; i++)
			((long[]) inside)[i] = ((long[]) array)[kept[i]];
		else for (int i = 0; i < n; i++)
			((double[]) inside)[i] = ((double[]) array)[kept[i]];
		return inside;
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
