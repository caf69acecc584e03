package io.github.imagearray.stats;

import java.lang.reflect.Array;

/**
 * Reads a range of one primitive array (byte, short, int, long, float or double), honouring the
 * signedness of the {@link PixelKind}. Unsigned 64-bit values are rounded to the nearest double.
 */
final class ArraySpanReader extends SpanReader {

	private final Object array;
	private final PixelKind kind;
	private final int to;
	private final boolean unsigned;
	private final int offset;
	private int position;

	ArraySpanReader(final Object array, final int from, final int to, final PixelKind kind) {
		this.array = array;
		this.kind = kind;
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
		return Array.getLength(array);
	}

	@Override
	int read(final double[] buffer, final long[] keys) {
		final int from = position;
		final int n = Math.min(buffer.length, to - from);
		// doubles, the common wide type here, get their keys in the same loop; 32-bit floats are
		// normally read in place (floatsInPlace) and reach this only through the generic contract
		if (array instanceof double[]) readDoubles((double[]) array, from, n, buffer, keys);
		else {
			if (array instanceof float[]) readFloats((float[]) array, from, n, buffer);
			else if (array instanceof byte[]) readBytes((byte[]) array, from, n, buffer);
			else if (array instanceof short[]) readShorts((short[]) array, from, n, buffer);
			else if (array instanceof int[]) readInts((int[]) array, from, n, buffer);
			else readLongs((long[]) array, from, n, buffer);
			OrderKeys.fill(kind, buffer, keys, n);
		}
		position += n;
		return n;
	}

	/** @return the array read, over [{@link #start()}, {@link #end()}) */
	Object array() {
		return array;
	}

	@Override
	float[] floatsInPlace() {
		return array instanceof float[] ? (float[]) array : null;
	}

	@Override
	int start() {
		return position;
	}

	@Override
	int end() {
		return to;
	}

	@Override
	void countValues(final long[] counts) {
		if (array instanceof byte[]) countBytes((byte[]) array, counts);
		else countShorts((short[]) array, position, to, !unsigned, counts);
		position = to;
	}

	/**
	 * Counts bytes into four interleaved lanes, so that runs of equal values (common in images)
	 * do not wait on each other's increments; a span is short enough for int counts.
	 */
	private void countBytes(final byte[] a, final long[] counts) {
		final int[] c = new int[4 * 256];
		int i = position;
		for (; i + 3 < to; i += 4) {
			c[a[i] & 0xff]++;
			c[256 + (a[i + 1] & 0xff)]++;
			c[512 + (a[i + 2] & 0xff)]++;
			c[768 + (a[i + 3] & 0xff)]++;
		}
		for (; i < to; i++)
			c[a[i] & 0xff]++;
		// raw byte b holds the value b - offset (signed bytes: offset 128)
		for (int b = 0; b < 256; b++)
			counts[(b + offset) & 0xff] += (long) c[b] + c[256 + b] + c[512 + b] + c[768 + b];
	}

	/**
	 * Counts shorts by value; signed ones with the sign bit flipped, which maps -32768..32767 onto
	 * 0..65535. Unsigned ones take a loop of their own: the bare {@code a[i] & 0xffff} is a single
	 * zero-extending load, measurably faster than any arithmetic on the index.
	 */
	private static void countShorts(final short[] a, final int from, final int to, final boolean signed,
		final long[] counts)
	{
		if (signed) {
			for (int i = from; i < to; i++)
				counts[(a[i] & 0xffff) ^ 0x8000]++;
		}
		else {
			for (int i = from; i < to; i++)
				counts[a[i] & 0xffff]++;
		}
	}

	private static void readFloats(final float[] a, final int from, final int n, final double[] buffer) {
		for (int i = 0; i < n; i++)
			buffer[i] = a[from + i];
	}

	private static void readDoubles(final double[] a, final int from, final int n, final double[] buffer,
		final long[] keys)
	{
		for (int i = 0; i < n; i++) {
			final double v = a[from + i];
			buffer[i] = v;
			keys[i] = OrderKeys.doubleKey(v);
		}
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
