package io.github.imagearray.stats;

/**
 * Reads a range of one primitive array (byte, short, int, long, float or double), honouring the
 * signedness of the {@link PixelKind}. Unsigned 64-bit values are rounded to the nearest double.
 */
final class ArraySpanReader extends SpanReader {

	private final Object array;
	private final int to;
	private final boolean unsigned;
	private final int offset;
	private int position;

	ArraySpanReader(final Object array, final int from, final int to, final PixelKind kind) {
		this.array = array;
		this.position = from;
		this.to = to;
		this.unsigned = kind == PixelKind.UINT8 || kind == PixelKind.UINT16 || kind == PixelKind.UINT32 ||
			kind == PixelKind.UINT64;
		this.offset = (int) -kind.lowest();
	}

	static boolean isSupported(final Object array) {
		return array instanceof byte[] || array instanceof short[] || array instanceof int[] ||
			array instanceof long[] || array instanceof float[] || array instanceof double[];
	}

	static int length(final Object array) {
		return java.lang.reflect.Array.getLength(array);
	}

	@Override
	int read(final double[] buffer) {
		final int from = position;
		final int n = Math.min(buffer.length, to - from);
		if (array instanceof float[]) readFloats((float[]) array, from, n, buffer);
		else if (array instanceof double[]) System.arraycopy(array, from, buffer, 0, n);
		else if (array instanceof byte[]) readBytes((byte[]) array, from, n, buffer);
		else if (array instanceof short[]) readShorts((short[]) array, from, n, buffer);
		else if (array instanceof int[]) readInts((int[]) array, from, n, buffer);
		else readLongs((long[]) array, from, n, buffer);
		position += n;
		return n;
	}

	@Override
	void countValues(final long[] counts) {
		if (array instanceof byte[]) {
			final byte[] a = (byte[]) array;
			for (int i = position; i < to; i++)
				counts[(a[i] + offset) & 0xff]++;
		}
		else {
			final short[] a = (short[]) array;
			for (int i = position; i < to; i++)
				counts[(a[i] + offset) & 0xffff]++;
		}
		position = to;
	}

	private static void readFloats(final float[] a, final int from, final int n, final double[] buffer) {
		for (int i = 0; i < n; i++)
			buffer[i] = a[from + i];
	}

	private void readBytes(final byte[] a, final int from, final int n, final double[] buffer) {
		final int mask = unsigned ? 0xff : -1;
		for (int i = 0; i < n; i++)
			buffer[i] = a[from + i] & mask;
	}

	private void readShorts(final short[] a, final int from, final int n, final double[] buffer) {
		final int mask = unsigned ? 0xffff : -1;
		for (int i = 0; i < n; i++)
			buffer[i] = a[from + i] & mask;
	}

	private void readInts(final int[] a, final int from, final int n, final double[] buffer) {
		final long mask = unsigned ? 0xffffffffL : -1L;
		for (int i = 0; i < n; i++)
			buffer[i] = a[from + i] & mask;
	}

	private void readLongs(final long[] a, final int from, final int n, final double[] buffer) {
		if (unsigned) {
			for (int i = 0; i < n; i++)
				buffer[i] = unsignedToDouble(a[from + i]);
		}
		else {
			for (int i = 0; i < n; i++)
				buffer[i] = a[from + i];
		}
	}

	/** Rounds an unsigned 64-bit value to the nearest double (round-to-odd halving keeps it exact). */
	static double unsignedToDouble(final long v) {
		return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
	}
}
