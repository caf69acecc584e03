package io.github.imagearray.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Reads a 2D or 3D dataset of an HDF5 file ({@code .h5}, {@code .hdf5}, {@code .hdf}, {@code .he5},
 * {@code .nxs}) — named {@code file.h5:/exchange/data}, or the file's only 2D or 3D numeric dataset
 * — into the matching ImgLib2 type: every integer type (signed or not, 8 to 64 bits) and 32 and
 * 64-bit floats, contiguous or chunked, with the filters jhdf decodes (deflate, shuffle, LZF, …).
 * Planes are read when needed, a band of rows at a time, so a dataset larger than memory is
 * measured as it streams. HDF5's axes are C-ordered: {@code [z][y][x]}.
 * <p>
 * {@code RandomAccessibleInterval<? extends RealType<?>> img = Hdf5Reader.open(Paths.get("scan.h5"), "/exchange/data");}
 */
public final class Hdf5Reader {

	private static final Pattern SOURCE = Pattern.compile("(?i)(.*\\.(?:h5|hdf5|hdf|he5|nxs)):(/.*)");
	private static final String[] EXTENSIONS = { ".h5", ".hdf5", ".hdf", ".he5", ".nxs" };
	/** Decompressed chunks kept for the planes that follow, at most. */
	private static final long CHUNK_CACHE_BYTES = 128 << 20;

	private Hdf5Reader() {
	}

	/** @return whether the name is an HDF5 file, with or without a dataset path after a colon */
	static boolean isHdf5(final Path file) {
		final String name = file.toString().toLowerCase(Locale.ROOT);
		if (SOURCE.matcher(file.toString()).matches()) return true;
		for (final String e : EXTENSIONS)
			if (name.endsWith(e)) return true;
		return false;
	}

	/**
	 * @param source {@code file.h5} or {@code file.h5:/path/to/dataset}
	 * @return the file and the dataset path (null when none is given)
	 */
	static String[] split(final Path source) {
		final Matcher m = SOURCE.matcher(source.toString());
		return m.matches() ? new String[] { m.group(1), m.group(2) } : new String[] { source.toString(), null };
	}

	/**
	 * @param file an HDF5 file
	 * @param dataset the dataset's path in it, or null for its only 2D or 3D numeric dataset
	 * @return the dataset's voxels, read when needed
	 * @throws ImageFileException naming the file, the dataset and the problem (or the candidates)
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> open(final Path file, final String dataset)
		throws IOException
	{
		if (!Files.isRegularFile(file)) throw new ImageFileException("File not found: " + file);
		try (HdfFile hdf = new HdfFile(file)) {
			final Dataset d = dataset(hdf, file, dataset);
			final int[] shape = d.getDimensions();
			final MetaElementType type = type(d, file);
			final long[] dims = shape.length == 2 ? new long[] { shape[1], shape[0] } : new long[] { shape[2], shape[1],
				shape[0] };
			if (dims[0] * dims[1] > Integer.MAX_VALUE - 8) throw new ImageFileException(file + ":" + d.getPath() +
				": a plane of " + dims[0] + " x " + dims[1] + " voxels is more than can be held.");
			return PlanarFile.open(dims, new Slabs(file, d.getPath(), shape, type)::read, type);
		}
		catch (final RuntimeException e) {
			throw new ImageFileException(file + ": not a readable HDF5 file (" + ImageFileException.reason(e) + ").", e);
		}
	}

	/**
	 * @return the voxel size along x, y and z from the dataset's {@code element_size_um} attribute
	 *         (z, y, x, as ilastik and Fiji's HDF5 plugin write it), else 1
	 */
	static double[] voxelSize(final Path file, final String dataset) throws IOException {
		final double[] size = { 1, 1, 1 };
		try (HdfFile hdf = new HdfFile(file)) {
			final Attribute a = dataset(hdf, file, dataset).getAttribute("element_size_um");
			final Object v = a == null ? null : a.getData();
			if (v != null && v.getClass().isArray() && Array.getLength(v) == 3) for (int i = 0; i < 3; i++) {
				final double s = ((Number) Array.get(v, 2 - i)).doubleValue();
				if (s > 0 && Double.isFinite(s)) size[i] = s;
			}
		}
		catch (final RuntimeException e) {
			throw new ImageFileException(file + ": not a readable HDF5 file (" + ImageFileException.reason(e) + ").", e);
		}
		return size;
	}

	private static Dataset dataset(final HdfFile hdf, final Path file, final String path) throws ImageFileException {
		final List<Dataset> candidates = new ArrayList<>();
		collect(hdf, candidates);
		if (path != null) {
			final Node node;
			try {
				node = hdf.getByPath(path);
			}
			catch (final RuntimeException e) {
				throw new ImageFileException(file + ":" + path + ": no dataset " + path + " in the file; " + list(
					candidates));
			}
			if (!(node instanceof Dataset) || !isImage((Dataset) node)) throw new ImageFileException(file + ":" + path +
				": not a 2D or 3D dataset of numbers; " + list(candidates));
			return (Dataset) node;
		}
		final List<Dataset> volumes = new ArrayList<>();
		for (final Dataset d : candidates)
			if (d.getDimensions().length == 3) volumes.add(d);
		if (volumes.size() == 1) return volumes.get(0);
		if (volumes.isEmpty() && candidates.size() == 1) return candidates.get(0);
		throw new ImageFileException(file + ": name the dataset as " + file.getFileName() + ":/path; " + list(
			candidates));
	}

	private static String list(final List<Dataset> candidates) {
		if (candidates.isEmpty()) return "the file holds no 2D or 3D dataset of numbers.";
		final StringBuilder b = new StringBuilder("2D and 3D datasets: ");
		for (final Dataset d : candidates)
			b.append(b.length() > 20 ? ", " : "").append(d.getPath()).append(" ").append(shapeText(d.getDimensions()))
				.append(" ").append(typeText(d.getDataType()));
		return b.append('.').toString();
	}

	private static String typeText(final DataType t) {
		return (t instanceof FloatingPoint ? "float" : ((FixedPoint) t).isSigned() ? "int" : "uint") + 8 * t.getSize();
	}

	private static String shapeText(final int[] shape) {
		final StringBuilder b = new StringBuilder("(");
		for (int i = 0; i < shape.length; i++)
			b.append(i == 0 ? "" : ", ").append(shape[i]);
		return b.append(")").toString();
	}

	private static void collect(final Group group, final List<Dataset> into) {
		for (final Node n : group.getChildren().values()) {
			if (n instanceof Group) collect((Group) n, into);
			else if (n instanceof Dataset && isImage((Dataset) n)) into.add((Dataset) n);
		}
	}

	private static boolean isImage(final Dataset d) {
		final int rank = d.getDimensions().length;
		final DataType t = d.getDataType();
		return !d.isScalar() && !d.isCompound() && (rank == 2 || rank == 3) && (t instanceof FixedPoint ||
			t instanceof FloatingPoint);
	}

	private static MetaElementType type(final Dataset d, final Path file) throws ImageFileException {
		final DataType t = d.getDataType();
		final int bytes = t.getSize();
		if (t instanceof FloatingPoint) {
			if (bytes == 4) return MetaElementType.MET_FLOAT;
			if (bytes == 8) return MetaElementType.MET_DOUBLE;
		}
		else {
			final boolean signed = ((FixedPoint) t).isSigned();
			switch (bytes) {
				case 1:
					return signed ? MetaElementType.MET_CHAR : MetaElementType.MET_UCHAR;
				case 2:
					return signed ? MetaElementType.MET_SHORT : MetaElementType.MET_USHORT;
				case 4:
					return signed ? MetaElementType.MET_INT : MetaElementType.MET_UINT;
				case 8:
					return signed ? MetaElementType.MET_LONG_LONG : MetaElementType.MET_ULONG_LONG;
				default:
			}
		}
		throw new ImageFileException(file + ":" + d.getPath() + ": " + (t instanceof FloatingPoint ? "floats" : "integers") +
			" of " + bytes + " bytes are not read; read: 1 to 8-byte integers, 4 and 8-byte floats.");
	}

	/**
	 * Reads bands of rows of the dataset, with one open file per thread reading at a time (kept for
	 * the next read).
	 */
	private static final class Slabs {

		private final Path file;
		private final String path;
		private final int[] shape;
		private final MetaElementType type;
		private final Queue<HdfFile> idle = new ConcurrentLinkedQueue<>();
		/** Decompressed chunks, oldest first; guarded by itself. */
		private final Map<List<Integer>, byte[]> chunks = new LinkedHashMap<>();
		private long cachedBytes;

		Slabs(final Path file, final String path, final int[] shape, final MetaElementType type) {
			this.file = file;
			this.path = path;
			this.shape = shape;
			this.type = type;
		}

		Object read(final int plane, final long from, final int length) {
			final int width = shape[shape.length - 1];
			final int firstRow = (int) (from / width);
			final int rows = (int) ((from + length - 1) / width) - firstRow + 1;
			HdfFile hdf = idle.poll();
			try {
				if (hdf == null) hdf = new HdfFile(file);
				final Dataset d = hdf.getDatasetByPath(path);
				final Object band = PlanarFile.newArray(type, rows * width);
				if (d instanceof ChunkedDataset) readChunks((ChunkedDataset) d, plane, firstRow, rows, band);
				else {
					final Object slab = shape.length == 2 ? d.getData(new long[] { firstRow, 0 }, new int[] { rows,
						width }) : ((Object[]) d.getData(new long[] { plane, firstRow, 0 }, new int[] { 1, rows, width }))[0];
					for (int r = 0; r < rows; r++)
						copyRow(Array.get(slab, r), band, r * width, width);
				}
				idle.add(hdf);
				final int offset = (int) (from - (long) firstRow * width);
				if (offset == 0 && rows * width == length) return band;
				final Object range = PlanarFile.newArray(type, length);
				System.arraycopy(band, offset, range, 0, length);
				return range;
			}
			catch (final RuntimeException e) {
				if (hdf != null) hdf.close();
				throw new UncheckedIOException(new ImageFileException(file + ":" + path + ": plane " + plane +
					" cannot be read: " + ImageFileException.reason(e) + "."));
			}
		}

		/**
		 * Fills rows {@code [firstRow, firstRow + rows)} of a plane from the chunks that hold them,
		 * decompressed by jhdf (whose own sliced reading of chunked data misses partial chunks at
		 * the edges in 0.9.4); chunks never written hold the fill value.
		 */
		private void readChunks(final ChunkedDataset d, final int plane, final int firstRow, final int rows,
			final Object band)
		{
			final int[] chunk = d.getChunkDimensions();
			final int rank = shape.length, width = shape[rank - 1], size = type.bytes();
			final int ch = chunk[rank - 2], cw = chunk[rank - 1];
			final int zInChunk = rank == 3 ? plane % chunk[0] : 0;
			final ByteOrder order = byteOrder(d.getDataType());
			for (int cy = firstRow / ch * ch; cy < firstRow + rows; cy += ch)
				for (int cx = 0; cx < width; cx += cw) {
					final int[] offset = rank == 3 ? new int[] { plane - zInChunk, cy, cx } : new int[] { cy, cx };
					final ByteBuffer bytes = chunk(d, offset);
					for (int y = Math.max(cy, firstRow); y < Math.min(cy + ch, firstRow + rows); y++) {
						final int n = Math.min(cw, width - cx);
						final int at = (y - firstRow) * width + cx;
						if (bytes == null) fill(d, band, at, n);
						else {
							final ByteBuffer row = bytes.duplicate().order(order);
							row.position(((zInChunk * ch + y - cy) * cw) * size);
							MetaImageReader.copy(row.slice().order(order), band, at, n);
						}
					}
				}
		}

		/**
		 * @return the chunk's bytes, or null for one that was never written; chunks deeper than one
		 *         plane are kept for the next planes, up to {@link #CHUNK_CACHE_BYTES} in all
		 */
		private ByteBuffer chunk(final ChunkedDataset d, final int[] offset) {
			final List<Integer> key = new ArrayList<>();
			for (final int o : offset)
				key.add(o);
			synchronized (chunks) {
				final byte[] kept = chunks.get(key);
				if (kept != null) return ByteBuffer.wrap(kept);
			}
			try {
				final byte[] bytes = d.getDecompressedChunk(offset);
				if (shape.length == 3 && d.getChunkDimensions()[0] > 1) synchronized (chunks) {
					chunks.put(key, bytes);
					cachedBytes += bytes.length;
					for (final java.util.Iterator<byte[]> i = chunks.values().iterator(); cachedBytes > CHUNK_CACHE_BYTES &&
						i.hasNext();)
					{
						cachedBytes -= i.next().length;
						i.remove();
					}
				}
				return ByteBuffer.wrap(bytes);
			}
			catch (final HdfException e) {
				// jhdf says so only in its message; any other failure is passed on
				if (String.valueOf(e.getMessage()).startsWith("No chunk with offset")) return null;
				throw e;
			}
		}

		private void fill(final Dataset d, final Object band, final int at, final int n) {
			final Object fill = d.getFillValue();
			final double v = fill instanceof Number ? ((Number) fill).doubleValue() : 0;
			for (int i = at; i < at + n; i++) {
				if (band instanceof byte[]) ((byte[]) band)[i] = (byte) v;
				else if (band instanceof short[]) ((short[]) band)[i] = (short) v;
				else if (band instanceof int[]) ((int[]) band)[i] = (int) (long) v;
				else if (band instanceof long[]) ((long[]) band)[i] = (long) v;
				else if (band instanceof float[]) ((float[]) band)[i] = (float) v;
				else ((double[]) band)[i] = v;
			}
		}

		private static ByteOrder byteOrder(final DataType t) {
			return t instanceof FixedPoint ? ((FixedPoint) t).getByteOrder() : ((FloatingPoint) t).getByteOrder();
		}

		/**
		 * Copies a row as jhdf gives it (unsigned types in the next wider signed type, 64-bit ones as
		 * BigInteger) into the voxel type's array, keeping the bits.
		 */
		private void copyRow(final Object row, final Object to, final int at, final int n) {
			switch (type) {
				case MET_UCHAR:
					for (int i = 0; i < n; i++)
						((byte[]) to)[at + i] = (byte) ((int[]) row)[i];
					break;
				case MET_USHORT:
					for (int i = 0; i < n; i++)
						((short[]) to)[at + i] = (short) ((int[]) row)[i];
					break;
				case MET_UINT:
					for (int i = 0; i < n; i++)
						((int[]) to)[at + i] = (int) ((long[]) row)[i];
					break;
				case MET_ULONG_LONG:
					for (int i = 0; i < n; i++)
						((long[]) to)[at + i] = ((BigInteger[]) row)[i].longValue();
					break;
				default:
					System.arraycopy(row, 0, to, at, n);
			}
		}
	}
}
