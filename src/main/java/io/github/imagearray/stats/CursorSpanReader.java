package io.github.imagearray.stats;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.GenericLongType;

/** Reads a span of any image through a cursor in flat iteration order. */
final class CursorSpanReader extends SpanReader {

	private final Cursor<? extends RealType<?>> cursor;
	private final PixelKind kind;
	private final long lowest;
	private final boolean unsignedLong;
	private int remaining;

	CursorSpanReader(final Cursor<? extends RealType<?>> cursor, final long start, final int length,
		final PixelKind kind)
	{
		this.cursor = cursor;
		this.kind = kind;
		this.lowest = kind.lowest();
		this.unsignedLong = kind == PixelKind.UINT64;
		this.remaining = length;
		cursor.jumpFwd(start);
	}

	@Override
	int read(final double[] buffer, final long[] keys) {
		final int n = Math.min(buffer.length, remaining);
		if (unsignedLong) {
			// the same correctly rounded conversion as for arrays
			for (int i = 0; i < n; i++)
				buffer[i] = ArraySpanReader.unsignedToDouble(((GenericLongType<?>) cursor.next()).getLong());
		}
		else {
			for (int i = 0; i < n; i++)
				buffer[i] = cursor.next().getRealDouble();
		}
		remaining -= n;
		OrderKeys.fill(kind, buffer, keys, n);
		return n;
	}

	@Override
	int readFloats(final float[] values) {
		final int n = Math.min(values.length, remaining);
		for (int i = 0; i < n; i++)
			values[i] = cursor.next().getRealFloat();
		remaining -= n;
		return n;
	}

	@Override
	void countValues(final long[] counts) {
		for (; remaining > 0; remaining--)
			counts[(int) ((long) cursor.next().getRealDouble() - lowest)]++;
	}
}
