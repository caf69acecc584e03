package io.github.imagearray.io;

import io.github.imagearray.OneLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.github.luben.zstd.Zstd;
import com.scalableminds.bloscjava.Blosc;

/**
 * The compressors of Zarr and N5 chunks: raw, gzip, zlib, blosc ({@code com.scalableminds:blosc-java})
 * and zstd ({@code com.github.luben:zstd-jni}). Every chunk must decode to exactly the bytes its
 * shape needs, else it is corrupt.
 * <p>
 * {@code byte[] voxels = ChunkCodecs.decode("zstd", stored, expectedBytes);}
 */
final class ChunkCodecs {

	static final String[] NAMES = { "raw", "gzip", "zlib", "blosc", "zstd" };

	private ChunkCodecs() {
	}

	/** @return whether a compressor of that name is read */
	static boolean isKnown(final String name) {
		for (final String n : NAMES)
			if (n.equals(name)) return true;
		return false;
	}

	/**
	 * @param name one of {@link #NAMES}
	 * @param stored the chunk as stored
	 * @param expected the bytes it must decode to
	 * @return the decoded bytes
	 * @throws IOException when they are not exactly {@code expected} bytes or cannot be decoded
	 */
	static byte[] decode(final String name, final byte[] stored, final int expected) throws IOException {
		final byte[] bytes;
		try {
			switch (name) {
				case "raw":
					bytes = stored;
					break;
				case "gzip":
					try (InputStream in = new GzipInput(new ByteArrayInputStream(stored))) {
						bytes = readAll(in, expected);
					}
					break;
				case "zlib":
					bytes = inflate(stored, expected);
					break;
				case "blosc":
					bytes = Blosc.decompress(stored);
					break;
				case "zstd":
					final long size = Zstd.decompressedSize(stored);
					if (size != expected) throw new IOException("it holds " + size + " bytes, not " + expected);
					bytes = Zstd.decompress(stored, expected);
					break;
				default:
					throw new IOException("the compressor " + name + " is not read");
			}
		}
		catch (final RuntimeException e) {
			throw new IOException(OneLine.reason(e), e);
		}
		if (bytes == null || bytes.length != expected) throw new IOException("it decodes to " + (bytes == null ? 0
			: bytes.length) + " bytes, not " + expected);
		return bytes;
	}

	private static byte[] inflate(final byte[] stored, final int expected) throws IOException {
		final Inflater inflater = new Inflater();
		try {
			inflater.setInput(stored);
			final byte[] out = new byte[expected];
			int n = 0;
			while (n < expected && !inflater.finished()) {
				final int got = inflater.inflate(out, n, expected - n);
				if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new IOException(
					"the zlib data end early");
				n += got;
			}
			if (n < expected) throw new IOException("it decodes to " + n + " bytes, not " + expected);
			if (!inflater.finished() || inflater.getRemaining() > 0) throw new IOException("it decodes to more than " +
				expected + " bytes");
			return out;
		}
		catch (final DataFormatException e) {
			throw new IOException("corrupt zlib data (" + OneLine.reason(e) + ")", e);
		}
		finally {
			inflater.end();
		}
	}

	/** @return the stream's bytes, which must be exactly {@code expected} */
	private static byte[] readAll(final InputStream in, final int expected) throws IOException {
		final byte[] out = new byte[expected];
		int n = 0;
		for (int got; n < expected && (got = in.read(out, n, expected - n)) > 0;)
			n += got;
		if (n < expected) throw new IOException("it decodes to " + n + " bytes, not " + expected);
		if (in.read() >= 0) throw new IOException("it decodes to more than " + expected + " bytes");
		return out;
	}
}
