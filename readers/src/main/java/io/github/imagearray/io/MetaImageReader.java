package io.github.imagearray.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedLongType;

/**
 * Reads MetaImage files ({@code .mhd} + data file, or {@code .mha}) into a {@link PlanarImg} of the
 * matching ImgLib2 type, without conversion: both byte orders, {@code HeaderSize} (including -1,
 * "data at the end"), {@code ElementDataFile = LOCAL} and zlib-compressed data. Sizes are checked
 * against the file and the Java heap before anything is allocated; every problem is an
 * {@link ImageFileException} that names the file.
 * <p>
 * {@code ImageFile ct = new MetaImageReader().open(Paths.get("ct.mhd"), OpenOptions.NONE);}
 */
public final class MetaImageReader implements ImageFormat {

	private static final int CHUNK_BYTES = 1 << 24;

	@Override
	public String name() {
		return "MetaImage";
	}

	/** @return whether the path is a file named {@code .mhd} or {@code .mha} */
	@Override
	public boolean recognises(final Path path, final OpenOptions options) {
		return !Files.isDirectory(path) && ImageFiles.hasExtension(path, ".mhd", ".mha");
	}

	/** @return the voxels, read plane by plane ({@link #open(Path)}), and ElementSpacing as the voxel size */
	@Override
	public ImageFile open(final Path file, final OpenOptions options) throws IOException {
		final MetaImageHeader header = MetaImageHeader.read(file);
		return new ImageFile(this, open(header), header.spacing());
	}

	/** Reads the image of a {@code .mhd} or {@code .mha} file into memory. */
	public static RandomAccessibleInterval<? extends RealType<?>> read(final Path file) throws IOException {
		return read(MetaImageHeader.read(file));
	}

	/**
	 * Opens the image of a {@code .mhd} or {@code .mha} file for reading plane by plane: uncompressed
	 * data are read from the file each time a plane is needed, so the image may be far larger than
	 * memory; compressed data, which can only be read from the start, are {@link #read(Path) read}
	 * into memory. The file is checked as by {@link #read(Path)} first.
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> open(final Path file) throws IOException {
		return open(MetaImageHeader.read(file));
	}

	private static RandomAccessibleInterval<? extends RealType<?>> open(final MetaImageHeader header)
		throws IOException
	{
		if (header.isCompressed()) return read(header);
		final long offset = checkedOffset(header);
		// no plane is held whole to measure the image: the statistics read it span by span
		return PlanarFile.open(header.dataFile(), offset, header.dimensions(), header.elementType(), header
			.isBigEndian());
	}

	/** Reads the image a header describes. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static RandomAccessibleInterval<? extends RealType<?>> read(final MetaImageHeader header)
		throws IOException
	{
		final String name = header.file().toString();
		final long offset = checkedOffset(header);
		final long[] dims = header.dimensions();
		final Path data = header.dataFile();
		ImageFiles.checkMemory(name, header.dataBytes());
		final PlanarImg<?, ?> img = create(header.elementType(), dims);
		try (FileChannel file = FileChannel.open(data, StandardOpenOption.READ)) {
			file.position(offset);
			if (header.isCompressed()) {
				final InputStream in = new InflaterInputStream(Channels.newInputStream(file), new Inflater(),
					1 << 16);
				fill(img, Channels.newChannel(in), header);
				// the same rule as for uncompressed data: no more voxels than the header describes
				if (in.read() >= 0) throw new ImageFileException(name + ": compressed data in " + data +
					" inflate to more than the " + header.dataBytes() + " bytes of voxels the header describes.");
			}
			else fill(img, file, header);
		}
		catch (final ZipException e) {
			throw new ImageFileException(name + ": corrupt compressed data in " + data + " (" + e.getMessage() + ").", e);
		}
		catch (final EOFException e) {
			throw new ImageFileException(name + ": data in " + data + " ends early: " + e.getMessage(), e);
		}
		return (RandomAccessibleInterval) img;
	}

	/**
	 * @return where the voxels start in the data file, after checking that the header's sizes can
	 *         be held and (uncompressed) agree with the file's size
	 */
	private static long checkedOffset(final MetaImageHeader header) throws IOException {
		final String name = header.file().toString();
		final long[] dims = header.dimensions();
		final long bytes;
		try {
			bytes = header.dataBytes();
			if (Math.multiplyExact(dims[0], dims[1]) > Integer.MAX_VALUE - 8) throw new ArithmeticException();
		}
		catch (final ArithmeticException e) {
			throw new ImageFileException(name + ": DimSize " + Arrays.toString(dims) +
				" describes more voxels than can be held.");
		}
		final Path data = header.dataFile();
		if (!Files.isRegularFile(data)) throw new ImageFileException(name + ": data file not found: " + data);
		final long fileSize = Files.size(data);
		final long offset = dataOffset(header, fileSize, bytes);
		if (!header.isCompressed()) {
			final long available = fileSize - offset;
			if (available < bytes) throw new ImageFileException(name + ": data file " + data + " is truncated: " +
				bytes + " bytes of voxels expected after byte " + offset + ", found " + available + ".");
			if (available > bytes) throw new ImageFileException(name + ": data file " + data + " holds " + available +
				" bytes of voxels after byte " + offset + " but the header describes " + bytes + ".");
		}
		return offset;
	}

	private static long dataOffset(final MetaImageHeader header, final long fileSize, final long bytes)
		throws ImageFileException
	{
		final String name = header.file().toString();
		long offset = header.dataOffset();
		if (offset == -1) {
			final long size = header.isCompressed() ? header.compressedSize() : bytes;
			if (size < 0) throw new ImageFileException(name +
				": HeaderSize -1 with compressed data needs CompressedDataSize.");
			offset = fileSize - size;
			if (offset < 0) throw new ImageFileException(name + ": data file " + header.dataFile() + " is truncated: " +
				size + " bytes expected, found " + fileSize + ".");
		}
		if (offset > fileSize) throw new ImageFileException(name + ": HeaderSize " + offset +
			" is beyond the end of the data file (" + fileSize + " bytes).");
		return offset;
	}

	static PlanarImg<?, ?> create(final MetaElementType type, final long[] dims) {
		switch (type) {
			case MET_UCHAR:
				return PlanarImgs.unsignedBytes(dims);
			case MET_CHAR:
				return PlanarImgs.bytes(dims);
			case MET_USHORT:
				return PlanarImgs.unsignedShorts(dims);
			case MET_SHORT:
				return PlanarImgs.shorts(dims);
			case MET_UINT:
				return PlanarImgs.unsignedInts(dims);
			case MET_INT:
				return PlanarImgs.ints(dims);
			case MET_LONG_LONG:
				return PlanarImgs.longs(dims);
			case MET_ULONG_LONG:
				return new PlanarImgFactory<>(new UnsignedLongType()).create(dims);
			case MET_FLOAT:
				return PlanarImgs.floats(dims);
			default:
				return PlanarImgs.doubles(dims);
		}
	}

	private static void fill(final PlanarImg<?, ?> img, final ReadableByteChannel in, final MetaImageHeader header)
		throws IOException
	{
		final int size = header.elementType().bytes();
		final ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(header.isBigEndian() ? ByteOrder.BIG_ENDIAN
			: ByteOrder.LITTLE_ENDIAN);
		for (int p = 0; p < img.numSlices(); p++) {
			final Object array = ((ArrayDataAccess<?>) img.getPlane(p)).getCurrentStorageArray();
			final int length = Array.getLength(array);
			for (int done = 0; done < length;) {
				final int n = Math.min(length - done, CHUNK_BYTES / size);
				buffer.clear().limit(n * size);
				while (buffer.hasRemaining())
					if (in.read(buffer) < 0) throw new EOFException("expected " + header.dataBytes() + " bytes of voxels.");
				buffer.flip();
				copy(buffer, array, done, n);
				done += n;
			}
		}
	}

	static void copy(final ByteBuffer buffer, final Object array, final int offset, final int n) {
		if (array instanceof byte[]) buffer.get((byte[]) array, offset, n);
		else if (array instanceof short[]) buffer.asShortBuffer().get((short[]) array, offset, n);
		else if (array instanceof int[]) buffer.asIntBuffer().get((int[]) array, offset, n);
		else if (array instanceof long[]) buffer.asLongBuffer().get((long[]) array, offset, n);
		else if (array instanceof float[]) buffer.asFloatBuffer().get((float[]) array, offset, n);
		else buffer.asDoubleBuffer().get((double[]) array, offset, n);
	}
}
