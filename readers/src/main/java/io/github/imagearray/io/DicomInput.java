package io.github.imagearray.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The bytes of a DICOM file, read at any position and by several threads at once: from the file,
 * or, for the Deflated Explicit VR Little Endian transfer syntax, from the data set inflated into
 * memory. A read beyond the end is an {@link ImageFileException} that says what ends early.
 */
abstract class DicomInput {

	final Path file;

	private DicomInput(final Path file) {
		this.file = file;
	}

	/** @return the input reading the file itself */
	static DicomInput of(final Path file) {
		return new DicomInput(file) {

			private final long size = file.toFile().length();

			@Override
			long size() {
				return size;
			}

			@Override
			void read(final long position, final byte[] into, final int offset, final int length) throws IOException {
				final ByteBuffer b = ByteBuffer.wrap(into, offset, length);
				try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
					for (long at = position; b.hasRemaining();) {
						final int n = c.read(b, at);
						if (n < 0) throw new ImageFileException(file + ": the file ends at byte " + at + ", within " +
							"what its header declares (truncated file).");
						at += n;
					}
				}
				catch (final IOException e) {
					Interrupts.cancelIfInterrupted(file, e);
					throw e;
				}
			}
		};
	}

	/**
	 * @param start where the deflated data set begins: the data set after the file meta group, as a
	 *          raw deflate stream (PS3.5 A.5)
	 * @return the inflated bytes of the file from {@code start} on, as an input whose position 0 is
	 *         {@code start}
	 */
	static DicomInput inflated(final DicomInput deflated, final long start) throws IOException {
		final long length = deflated.size() - start;
		if (length > Integer.MAX_VALUE) throw new ImageFileException(deflated.file + ": a deflated data set of " + length +
			" bytes; at most 2 GiB are read.");
		final byte[] in = deflated.bytes(start, (int) length, "the deflated data set");
		final Inflater inflater = new Inflater(true);
		inflater.setInput(in);
		final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 2 + 64);
		final byte[] chunk = new byte[1 << 16];
		try {
			while (!inflater.finished()) {
				final int n = inflater.inflate(chunk);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new ImageFileException(
					deflated.file + ": the deflated data set ends early (after " + out.size() + " inflated bytes).");
				out.write(chunk, 0, n);
				// a deflate stream may inflate a thousandfold: stop before the heap is exhausted
				ImageFiles.checkMemory(deflated.file.toString(), 2L * out.size());
			}
		}
		catch (final DataFormatException e) {
			throw new ImageFileException(deflated.file + ": the deflated data set is not a valid deflate stream (after " +
				out.size() + " inflated bytes).");
		}
		finally {
			inflater.end();
		}
		final byte[] data = out.toByteArray();
		return new DicomInput(deflated.file) {

			@Override
			long size() {
				return data.length;
			}

			@Override
			void read(final long position, final byte[] into, final int offset, final int n) throws IOException {
				if (position + n > data.length) throw new ImageFileException(file + ": the inflated data set ends at " +
					"byte " + data.length + ", within what its header declares.");
				System.arraycopy(data, (int) position, into, offset, n);
			}
		};
	}

	/** @return the number of bytes */
	abstract long size();

	/** Reads {@code length} bytes from {@code position} into {@code into} at {@code offset}. */
	abstract void read(long position, byte[] into, int offset, int length) throws IOException;

	/**
	 * @param what what the bytes are, for the message if they run beyond the end
	 * @return {@code length} bytes from {@code position}, checked against the size before allocating
	 */
	byte[] bytes(final long position, final int length, final String what) throws IOException {
		if (length < 0 || position < 0 || position + length > size()) throw new ImageFileException(file + ": " + what +
			" (" + length + " bytes at byte " + position + ") runs beyond the end of the " + size() +
			" bytes (truncated file?).");
		final byte[] b = new byte[length];
		read(position, b, 0, length);
		return b;
	}
}
