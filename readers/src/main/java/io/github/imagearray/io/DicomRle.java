package io.github.imagearray.io;

/**
 * DICOM RLE Lossless (transfer syntax 1.2.840.10008.1.2.5, PS3.5 Annex G): a frame is a 64-byte
 * header of segment offsets, then one PackBits-coded segment per byte of a sample, the most
 * significant byte's first. Exact; a segment that ends early or a header that points outside the
 * frame is refused naming the frame and the segment.
 * <p>
 * {@code short[] values = (short[]) DicomRle.decode(frameBytes, 20, 16, MetaElementType.MET_USHORT, "ct.dcm: frame 1");}
 */
final class DicomRle {

	private static final int HEADER = 64;

	private DicomRle() {
	}

	/**
	 * @param what the file and frame, for messages
	 * @return the frame's rows × columns values, in the array of {@code type}
	 */
	static Object decode(final byte[] data, final int rows, final int columns, final MetaElementType type,
		final String what) throws ImageFileException
	{
		if (data.length < HEADER) throw new ImageFileException(what + ": an RLE frame of " + data.length +
			" bytes, shorter than its 64-byte header.");
		final int bytes = type.bytes();
		final long segments = integer(data, 0);
		if (segments != bytes) throw new ImageFileException(what + ": the RLE header gives " + segments +
			" segments; a " + columns + " x " + rows + " grey image of " + 8 * bytes + " bits needs " + bytes + ".");
		final int pixels = rows * columns;
		// a PackBits run of 2 bytes gives at most 128: a frame this short cannot hold the pixels
		if ((long) pixels * bytes > 64L * data.length) throw new ImageFileException(what + ": " + data.length +
			" bytes of RLE data cannot hold " + columns + " x " + rows + " values of " + 8 * bytes + " bits.");
		final byte[][] planes = new byte[bytes][];
		for (int s = 0; s < bytes; s++) {
			final long start = integer(data, 4 + 4 * s);
			final long end = s + 1 < bytes ? integer(data, 8 + 4 * s) : data.length;
			if (start < HEADER || end > data.length || start > end) throw new ImageFileException(what + ": RLE segment " +
				(s + 1) + " lies at bytes " + start + " to " + end + ", outside the frame's " + data.length + " bytes.");
			planes[s] = segment(data, (int) start, (int) end, pixels, what + ": RLE segment " + (s + 1));
		}
		final Object values = PlanarFile.newArray(type, pixels);
		for (int i = 0; i < pixels; i++) {
			long v = 0;
			for (int s = 0; s < bytes; s++)
				v = v << 8 | planes[s][i] & 0xff;
			if (bytes == 1) ((byte[]) values)[i] = (byte) v;
			else if (bytes == 2) ((short[]) values)[i] = (short) v;
			else ((int[]) values)[i] = (int) v;
		}
		return values;
	}

	/** @return the {@code count} bytes a PackBits segment {@code data[start, end)} decodes to */
	private static byte[] segment(final byte[] data, final int start, final int end, final int count, final String what)
		throws ImageFileException
	{
		final byte[] out = new byte[count];
		int o = 0;
		for (int i = start; o < count;) {
			if (i >= end) throw new ImageFileException(what + " ends after " + o + " of its " + count +
				" bytes (truncated or corrupt RLE data).");
			final int n = data[i++];
			if (n >= 0) {
				// n + 1 literal bytes
				if (i + n + 1 > end || o + n + 1 > count) throw new ImageFileException(what + ": a run of " + (n + 1) +
					" literal bytes at byte " + (i - 1) + " runs beyond " + (i + n + 1 > end ? "the segment" :
						"the frame") + ".");
				System.arraycopy(data, i, out, o, n + 1);
				i += n + 1;
				o += n + 1;
			}
			else if (n != -128) {
				// the next byte, 1 - n times
				if (i >= end || o + 1 - n > count) throw new ImageFileException(what + ": a run of " + (1 - n) +
					" bytes at byte " + (i - 1) + " runs beyond " + (i >= end ? "the segment" : "the frame") + ".");
				final byte b = data[i++];
				for (int k = 0; k < 1 - n; k++)
					out[o++] = b;
			}
		}
		return out;
	}

	private static long integer(final byte[] b, final int i) {
		return (b[i + 3] & 0xffL) << 24 | (b[i + 2] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | b[i] & 0xff;
	}
}
