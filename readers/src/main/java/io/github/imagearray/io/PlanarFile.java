package io.github.imagearray.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.imagearray.OneLine;
import io.github.imagearray.stats.PlanesOnDemand;
import io.github.imagearray.stats.PlanesOnDemand.PlaneRanges;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Raw voxels in a file as a planar image whose planes are read from the file when needed
 * ({@link PlanesOnDemand}), or part of a plane at a time, with positional reads that several threads
 * may do at once. A read that fails is an {@link UncheckedIOException} whose cause, an
 * {@link ImageFileException}, names the file and the plane (counted from 1).
 */
final class PlanarFile {

	private static final int CHUNK_BYTES = 1 << 24;

	private PlanarFile() {
	}

	static RandomAccessibleInterval<? extends RealType<?>> open(final Path file, final long offset, final long[] dims,
		final MetaElementType type, final boolean bigEndian)
	{
		final long planeLength = dims[0] * dims[1];
		return open(dims, (p, from, length) -> read(file, offset + (p * planeLength + from) * type.bytes(), length, type,
			bigEndian, p), type);
	}

	/** @return the image whose planes {@code ranges} reads, in the ImgLib2 type of {@code type} */
	static RandomAccessibleInterval<? extends RealType<?>> open(final long[] dims, final PlaneRanges ranges,
		final MetaElementType type)
	{
		switch (type) {
			case MET_UCHAR:
				return PlanesOnDemand.<UnsignedByteType, ByteArray> create(dims, ranges,
					a -> new ByteArray((byte[]) a), UnsignedByteType::new);
			case MET_CHAR:
				return PlanesOnDemand.<ByteType, ByteArray> create(dims, ranges,
					a -> new ByteArray((byte[]) a), ByteType::new);
			case MET_USHORT:
				return PlanesOnDemand.<UnsignedShortType, ShortArray> create(dims, ranges,
					a -> new ShortArray((short[]) a), UnsignedShortType::new);
			case MET_SHORT:
				return PlanesOnDemand.<ShortType, ShortArray> create(dims, ranges,
					a -> new ShortArray((short[]) a), ShortType::new);
			case MET_UINT:
				return PlanesOnDemand.<UnsignedIntType, IntArray> create(dims, ranges,
					a -> new IntArray((int[]) a), UnsignedIntType::new);
			case MET_INT:
				return PlanesOnDemand.<IntType, IntArray> create(dims, ranges,
					a -> new IntArray((int[]) a), IntType::new);
			case MET_ULONG_LONG:
				return PlanesOnDemand.<UnsignedLongType, LongArray> create(dims, ranges,
					a -> new LongArray((long[]) a), UnsignedLongType::new);
			case MET_LONG_LONG:
				return PlanesOnDemand.<LongType, LongArray> create(dims, ranges,
					a -> new LongArray((long[]) a), LongType::new);
			case MET_FLOAT:
				return PlanesOnDemand.<FloatType, FloatArray> create(dims, ranges,
					a -> new FloatArray((float[]) a), FloatType::new);
			default:
				return PlanesOnDemand.<DoubleType, DoubleArray> create(dims, ranges,
					a -> new DoubleArray((double[]) a), DoubleType::new);
		}
	}

	/** @return {@code length} voxels from byte {@code position} of the file, in chunks of at most 16 MiB */
	static Object read(final Path file, final long position, final int length, final MetaElementType type,
		final boolean bigEndian, final int plane)
	{
		final int size = type.bytes();
		final Object array = newArray(type, length);
		final ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, (long) length * size)).order(bigEndian
			? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		long at = position;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			for (int done = 0; done < length;) {
				final int n = Math.min(length - done, buffer.capacity() / size);
				buffer.clear();
				buffer.limit(n * size);
				while (buffer.hasRemaining()) {
					final int read = channel.read(buffer, at);
					if (read < 0) throw new EOFException("the file ends at byte " + at);
					at += read;
				}
				buffer.flip();
				MetaImageReader.copy(buffer, array, done, n);
				done += n;
			}
		}
		catch (final IOException e) {
			Interrupts.cancelIfInterrupted(file, e);
			// the command line prints the cause: it must name the file
			throw new UncheckedIOException(new ImageFileException(file + ": cannot read plane " + (plane + 1) + " (" +
				OneLine.reason(e) + ").", e));
		}
		return array;
	}

	/** Reads whole rows of a plane. */
	@FunctionalInterface
	interface RowBand<E extends Exception> {

		/** @return rows {@code [firstRow, firstRow + rows)} of plane {@code plane}, in the voxel type's array */
		Object read(int plane, int firstRow, int rows) throws E;
	}

	/**
	 * For formats that read whole rows (compressed strips and tiles, chunks, HDF5 slabs).
	 *
	 * @return voxels {@code [from, from + length)} of plane {@code plane}, cut from the band of whole
	 *         rows of {@code width} voxels that holds them
	 */
	static <E extends Exception> Object fromRows(final RowBand<E> band, final int plane, final long from,
		final int length, final int width, final MetaElementType type) throws E
	{
		final int firstRow = (int) (from / width);
		final int rows = (int) ((from + length - 1) / width) - firstRow + 1;
		final Object read = band.read(plane, firstRow, rows);
		final int offset = (int) (from - (long) firstRow * width);
		if (offset == 0 && Array.getLength(read) == length) return read;
		final Object range = newArray(type, length);
		System.arraycopy(read, offset, range, 0, length);
		return range;
	}

	static Object newArray(final MetaElementType type, final int length) {
		switch (type) {
			case MET_UCHAR:
			case MET_CHAR:
				return new byte[length];
			case MET_USHORT:
			case MET_SHORT:
				return new short[length];
			case MET_UINT:
			case MET_INT:
				return new int[length];
			case MET_ULONG_LONG:
			case MET_LONG_LONG:
				return new long[length];
			case MET_FLOAT:
				return new float[length];
			default:
				return new double[length];
		}
	}
}
