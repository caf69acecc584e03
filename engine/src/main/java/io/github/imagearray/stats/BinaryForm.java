package io.github.imagearray.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The pieces of the serialized form of {@link PartialStatistics} and {@link StatisticsPlan}: a
 * header that names the format and its version, counts that must not be negative, lengths checked
 * against their bound before anything is allocated, and count tables written sparsely (the gap to
 * each non-zero count, then the count, as variable-length numbers).
 */
final class BinaryForm {

	/** "IAST": ImageArray statistics. */
	private static final int MAGIC = 0x49415354;
	// 2: a plan carries its value table
	static final int VERSION = 2;
	/** Plans are content 1, partial statistics content 2. */
	private static final String[] CONTENTS = { "nothing known", "a statistics plan", "partial statistics" };

	/** Writes a content after the header. */
	@FunctionalInterface
	interface Writer {

		void write(DataOutput out) throws IOException;
	}

	/** Reads a content after the header. */
	@FunctionalInterface
	interface Reader<T> {

		T read(DataInput in) throws IOException;
	}

	private BinaryForm() {
	}

	/**
	 * @param what the kind of content: 1 a plan, 2 partial statistics
	 * @return the header and the content {@code writer} writes
	 */
	static byte[] bytes(final int what, final Writer writer) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(MAGIC);
			out.writeByte(VERSION);
			out.writeByte(what);
			writer.write(out);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // a byte array does not fail
		}
		return bytes.toByteArray();
	}

	/**
	 * @param what the kind of content expected after the header
	 * @param name its name, for the messages
	 * @return the content {@code reader} reads from the bytes, which must end with it
	 * @throws IllegalArgumentException when the bytes are not that content of this version, naming
	 *           what is wrong
	 */
	static <T> T read(final byte[] bytes, final int what, final String name, final Reader<T> reader) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			readHeader(in, what, name);
			final T content = reader.read(in);
			if (in.read() != -1) throw new IOException("bytes are left after its end.");
			return content;
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("Not readable as " + name + ": " + (e instanceof EOFException
				? "the bytes end too early." : e.getMessage()), e);
		}
	}

	private static void readHeader(final DataInput in, final int what, final String name) throws IOException {
		if (in.readInt() != MAGIC) throw new IOException("These bytes are not " + name + " of ImageArray.");
		final int version = in.readUnsignedByte();
		if (version != VERSION) throw new IOException(name + " of version " + version + " cannot be read: only " +
			"version " + VERSION + " can.");
		final int found = in.readUnsignedByte();
		if (found != what) throw new IOException("These bytes hold " + (found < CONTENTS.length ? CONTENTS[found]
			: "content " + found) + ", not " + name + ".");
	}

	/** @return a pixel kind written as its ordinal */
	static PixelKind readKind(final DataInput in) throws IOException {
		final int ordinal = in.readUnsignedByte();
		if (ordinal >= PixelKind.values().length) throw new IOException("No pixel kind has number " + ordinal + ".");
		return PixelKind.values()[ordinal];
	}

	/** @return {@code count}, checked to be a count */
	static long count(final long count, final String what) throws IOException {
		if (count < 0) throw new IOException("A count of " + what + " is negative: " + count + ".");
		return count;
	}

	/** @return a length read, checked to lie in [0, max] before anything of that length is made */
	static int length(final DataInput in, final int max, final String what) throws IOException {
		return checkedLength(in.readInt(), max, what);
	}

	private static int checkedLength(final int length, final int max, final String what) throws IOException {
		if (length < 0 || length > max) throw new IOException("The " + what + " have length " + length +
			", outside [0, " + max + "].");
		return length;
	}

	/** Writes a table of counts, or null, sparsely. */
	static void writeCounts(final DataOutput out, final long[] counts) throws IOException {
		if (counts == null) {
			out.writeInt(-1);
			return;
		}
		out.writeInt(counts.length);
		int nonZero = 0;
		for (final long c : counts)
			if (c != 0) nonZero++;
		out.writeInt(nonZero);
		for (int i = 0, last = -1; i < counts.length; i++)
			if (counts[i] != 0) {
				writeNumber(out, i - last);
				writeNumber(out, counts[i]);
				last = i;
			}
	}

	/**
	 * @param max the longest table expected
	 * @return a table of counts written by {@link #writeCounts}, or null
	 */
	static long[] readCounts(final DataInput in, final int max, final String what) throws IOException {
		final int length = in.readInt();
		if (length == -1) return null;
		checkedLength(length, max, what);
		final int nonZero = in.readInt();
		if (nonZero < 0 || nonZero > length) throw new IOException("The " + what + " have " + nonZero +
			" counts that are not zero, outside [0, " + length + "].");
		final long[] counts = new long[length];
		for (int n = 0, at = -1; n < nonZero; n++) {
			final long gap = readNumber(in);
			if (gap < 1 || gap > length - 1 - at) throw new IOException("The " + what + " skip past their end.");
			at += (int) gap;
			counts[at] = count(readNumber(in), what);
		}
		return counts;
	}

	/** Writes a number that is not negative in 7-bit groups, low first, with a flag for more. */
	private static void writeNumber(final DataOutput out, long n) throws IOException {
		while ((n & ~0x7FL) != 0) {
			out.writeByte((int) (n & 0x7F) | 0x80);
			n >>>= 7;
		}
		out.writeByte((int) n);
	}

	private static long readNumber(final DataInput in) throws IOException {
		long n = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			final int b = in.readUnsignedByte();
			n |= (long) (b & 0x7F) << shift;
			if ((b & 0x80) == 0) return n;
		}
		throw new IOException("A number of more than 64 bits.");
	}
}
