package io.github.imagearray.stats;

import net.imglib2.Cursor;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.GenericLongType;

/**
 * Reads a span of any image through a cursor in flat iteration order; with a mask cursor moving
 * alongside, only the voxels where the mask is true.
 */
final class CursorSpanReader extends SpanReader {

	private final Cursor<? extends RealType<?>> cursor;
	private final Cursor<? extends BooleanType<?>> mask;
	private final PixelKind kind;
	private final long lowest;
	private final boolean unsignedLong;
	private int remaining;

	/** @param mask a cursor over the mask in the same order, or null to read every voxel */
	CursorSpanReader(final Cursor<? extends RealType<?>> cursor, final Cursor<? extends BooleanType<?>> mask,
		final long start, final int length, final PixelKind kind)
	{
		this.cursor = cursor;
		this.mask = mask;
		this.kind = kind;
		this.lowest = kind.lowest();
		this.unsignedLong = kind == PixelKind.UINT64;
		this.remaining = length;
		cursor.jumpFwd(start);
		if (mask != null) mask.jumpFwd(start);
	}

	/** @return the next voxel to read, or null at the end of the span */
	private RealType<?> next() {
		while (remaining > 0) {
			remaining--;
			final RealType<?> t = cursor.next();
			if (mask == null || mask.next().get()) return t;
		}
		return null;
	}

	private double value(final RealType<?> t) {
		// unsigned longs get the same correctly rounded conversion as from arrays
		return unsignedLong ? ArraySpanReader.unsignedToDouble(((GenericLongType<?>) t).getLong()) : t.getRealDouble();
	}

	@Override
	int read(final double[] buffer, final long[] keys) {
		int n = 0;
		for (RealType<?> t; n < buffer.length && (t = next()) != null;)
			buffer[n++] = value(t);
		OrderKeys.fill(kind, buffer, keys, n);
		return n;
	}

	@Override
	int readFloats(final float[] values) {
		int n = 0;
		for (RealType<?> t; n < values.length && (t = next()) != null;)
			values[n++] = t.getRealFloat();
		return n;
	}

	@Override
	void countValues(final long[] counts) {
		for (RealType<?> t; (t = next()) != null;)
			counts[(int) ((long) t.getRealDouble() - lowest)]++;
	}
}
