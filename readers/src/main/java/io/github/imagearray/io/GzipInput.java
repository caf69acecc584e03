package io.github.imagearray.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A strict gzip (RFC 1952) decompressing stream: unlike {@link java.util.zip.GZIPInputStream},
 * which stops quietly at bytes after a member that do not start another member, it checks every
 * member's CRC-32 and length and refuses anything but zero padding after the last member, so a corrupt,
 * truncated or extended {@code .nii.gz} is an error rather than wrong numbers. Several members (as {@code cat a.gz
 * b.gz} makes) are read as one stream.
 * <p>
 * {@code try (InputStream in = new GzipInput(Files.newInputStream(file))) { ... }}
 */
final class GzipInput extends InputStream {

	private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

	private final InputStream in;
	private final byte[] buffer = new byte[1 << 16];
	private int position;
	private int limit;
	private final Inflater inflater = new Inflater(true);
	private final CRC32 crc = new CRC32();
	private long memberBytes;
	private boolean ended;
	private boolean firstMember = true;
	private final byte[] single = new byte[1];

	/**
	 * @param in the compressed bytes; closed with this stream
	 * @throws IOException when they do not start with a gzip header
	 */
	GzipInput(final InputStream in) throws IOException {
		this.in = in;
		if (!fill()) throw new EOFException("the file is empty, not gzip data");
		readHeader();
	}

	@Override
	public int read() throws IOException {
		return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
	}

	@Override
	public int read(final byte[] b, final int off, final int len) throws IOException {
		if (len == 0) return 0;
		while (!ended) {
			final int n;
			try {
				n = inflater.inflate(b, off, len);
			}
			catch (final DataFormatException e) {
				throw new ZipException("corrupt deflate data (" + e.getMessage() + ")");
			}
			if (n > 0) {
				crc.update(b, off, n);
				memberBytes += n;
				return n;
			}
			if (inflater.finished()) endMember();
			else if (inflater.needsDictionary()) throw new ZipException("corrupt deflate data (a preset dictionary)");
			else if (inflater.needsInput()) {
				if (!fill()) throw new EOFException("the gzip data end early (truncated file)");
				inflater.setInput(buffer, position, limit - position);
				position = limit;
			}
		}
		return -1;
	}

	/** Checks the member's trailer, then starts the next member or ends the stream. */
	private void endMember() throws IOException {
		position = limit - inflater.getRemaining();
		final long storedCrc = readInt() & 0xffffffffL;
		final long storedSize = readInt() & 0xffffffffL;
		if (storedCrc != crc.getValue()) throw new ZipException("the gzip checksum (CRC-32) does not match the data");
		if (storedSize != (memberBytes & 0xffffffffL)) throw new ZipException(
			"the gzip trailer gives a length other than the data's");
		// zero bytes after a member are padding, as gzip and Python's gzip module take them
		while (true) {
			if (position == limit && !fill()) {
				ended = true;
				return;
			}
			if (buffer[position] != 0) break;
			position++;
		}
		readHeader();
	}

	private void readHeader() throws IOException {
		if (readByte() != 0x1f || readByte() != 0x8b) throw new ZipException(firstMember ? "not gzip data"
			: "data after the end of the gzip stream");
		firstMember = false;
		if (readByte() != 8) throw new ZipException("unknown gzip compression method");
		final int flags = readByte();
		for (int i = 0; i < 6; i++) // modification time, extra flags, operating system
			readByte();
		if ((flags & FEXTRA) != 0) {
			final int length = readByte() | readByte() << 8;
			for (int i = 0; i < length; i++)
				readByte();
		}
		if ((flags & FNAME) != 0) while (readByte() != 0) {
			// the original file name, not used
		}
		if ((flags & FCOMMENT) != 0) while (readByte() != 0) {
			// a comment, not used
		}
		if ((flags & FHCRC) != 0) {
			readByte();
			readByte();
		}
		inflater.reset();
		crc.reset();
		memberBytes = 0;
		inflater.setInput(buffer, position, limit - position);
		position = limit;
	}

	private int readInt() throws IOException {
		return readByte() | readByte() << 8 | readByte() << 16 | readByte() << 24;
	}

	private int readByte() throws IOException {
		if (position == limit && !fill()) throw new EOFException("the gzip data end early (truncated file)");
		return buffer[position++] & 0xff;
	}

	/** @return false at the end of the compressed bytes */
	private boolean fill() throws IOException {
		final int n = in.read(buffer);
		if (n <= 0) return false;
		position = 0;
		limit = n;
		return true;
	}

	@Override
	public void close() throws IOException {
		inflater.end();
		in.close();
	}
}
