package io.github.imagearray.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.IntFunction;

import io.github.imagearray.PlanesOnDemand;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Raw voxels in a file as a planar image whose planes are read from the file when needed
 * ({@link PlanesOnDemand}), with positional reads that several threads may do at once. A read
 * that fails is an {@link UncheckedIOException} naming the file and the plane.
 */
final class PlanarFile {

	private static final int CHUNK_BYTES = 1 << 24;

	private PlanarFile() {
	}

	static RandomAccessibleInterval<? extends RealType<?>> open(final Path file, final long offset, final long[] dims,
		final MetaElementType type, final boolean bigEndian)
	{
		final int planeLength = (int) (dims[0] * dims[1]);
		final IntFunction<Object> plane = p -> read(file, offset, p, planeLength, type, bigEndian);
		switch (type) {
			case MET_UCHAR:
				return PlanesOnDemand.<UnsignedByteType, ByteArray> create(dims, p -> new ByteArray((byte[]) plane.apply(
					p)), UnsignedByteType::new);
			case MET_CHAR:
				return PlanesOnDemand.<ByteType, ByteArray> create(dims, p -> new ByteArray((byte[]) plane.apply(p)),
					ByteType::new);
			case MET_USHORT:
				return PlanesOnDemand.<UnsignedShortType, ShortArray> create(dims, p -> new ShortArray((short[]) plane
					.apply(p)), UnsignedShortType::new);
			case MET_SHORT:
				return PlanesOnDemand.<ShortType, ShortArray> create(dims, p -> new ShortArray((short[]) plane.apply(p)),
					ShortType::new);
			case MET_UINT:
				return PlanesOnDemand.<UnsignedIntType, IntArray> create(dims, p -> new IntArray((int[]) plane.apply(p)),
					UnsignedIntType::new);
			case MET_INT:
				return PlanesOnDemand.<IntType, IntArray> create(dims, p -> new IntArray((int[]) plane.apply(p)),
					IntType::new);
			case MET_FLOAT:
				return PlanesOnDemand.<FloatType, FloatArray> create(dims, p -> new FloatArray((float[]) plane.apply(p)),
					FloatType::new);
			default:
				return PlanesOnDemand.<DoubleType, DoubleArray> create(dims, p -> new DoubleArray((double[]) plane.apply(
					p)), DoubleType::new);
		}
	}

	private static Object read(final Path file, final long offset, final int plane, final int length,
		final MetaElementType type, final boolean bigEndian)
	{
		final int size = type.bytes();
		final Object array = newArray(type, length);
		final ByteBuffer buffer = ByteBuffer.allocate(Math.min(CHUNK_BYTES, length * size)).order(bigEndian
			? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		long position = offset + (long) plane * length * size;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			for (int done = 0; done < length;) {
				final int n = Math.min(length - done, buffer.capacity() / size);
				buffer.clear();
				buffer.limit(n * size);
				while (buffer.hasRemaining()) {
					final int read = channel.read(buffer, position);
					if (read < 0) throw new EOFException("the file ends early");
					position += read;
				}
				buffer.flip();
				MetaImageReader.copy(buffer, array, done, n);
				done += n;
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(file + ": cannot read plane " + plane + " (" + e.getMessage() + ").", e);
		}
		return array;
	}

	private static Object newArray(final MetaElementType type, final int length) {
		switch (type.bytes()) {
			case 1:
				return new byte[length];
			case 2:
				return new short[length];
			case 4:
				return type == MetaElementType.MET_FLOAT ? new float[length] : new int[length];
			default:
				return new double[length];
		}
	}
}
