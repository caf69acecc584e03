package io.github.imagearray.io;

import io.github.imagearray.OneLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
 * measured as it streams; between reads, at most {@value #IDLE_FILES} files of all the HDF5 images
 * read stay open. HDF5's axes are C-ordered: {@code [z][y][x]}.
 * <p>
 * {@code ImageFile scan = new Hdf5Reader().open(Paths.get("scan.h5:/exchange/data"), OpenOptions.NONE);}
 */
public final class Hdf5Reader implements ImageFormat {

	private static final Pattern SOURCE = Pattern.compile("(?i)(.*\\.(?:h5|hdf5|hdf|he5|nxs)):(/.*)");
	private static final String[] EXTENSIONS = { ".h5", ".hdf5", ".hdf", ".he5", ".nxs" };
	/** Open files kept between reads, of all images; more threads than this reading at once reopen theirs. */
	static final int IDLE_FILES = 8;

	@Override
	public String name() {
		return "HDF5";
	}

	/** @return whether the path names an HDF5 file, with or without a dataset after a colon */
	@Override
	public boolean recognises(final Path path, final OpenOptions options) {
		return isHdf5(path) && !Files.isDirectory(path);
	}

	/**
	 * @param source {@code file.h5} or {@code file.h5:/path/to/dataset}
	 * @return the dataset's voxels, read when needed, and its {@code element_size_um} attribute (z,
	 *         y, x, as ilastik and Fiji's HDF5 plugin write it) as the voxel size
	 */
	@Override
	public ImageFile open(final Path source, final OpenOptions options) throws IOException {
		final String[] split = split(source);
		final double[] voxelSize = { 1, 1, 1 };
		return new ImageFile(this, open(Paths.get(split[0]), split[1], voxelSize), voxelSize);
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
	 * @param voxelSize receives the voxel size along x, y and z where the dataset records one
	 * @return the dataset's voxels, read when needed
	 * @throws ImageFileException naming the file, the dataset and the problem (or the candidates)
	 */
	private static RandomAccessibleInterval<? extends RealType<?>> open(final Path file, final String dataset,
		final double[] voxelSize) throws IOException
	{
		if (!Files.isRegularFile(file)) throw new ImageFileException("File not found: " + file);
		try (HdfFile hdf = new HdfFile(file)) {
			final Dataset d = dataset(hdf, file, dataset);
			elementSize(d, voxelSize);
			final int[] shape = d.getDimensions();
			final MetaElementType type = type(d, file);
			final long[] dims = shape.length == 2 ? new long[] { shape[1], shape[0] } : new long[] { shape[2], shape[1],
				shape[0] };
			if (dims[0] * dims[1] > Integer.MAX_VALUE - 8) throw new ImageFileException(file + ":" + d.getPath() +
				": a plane of " + dims[0] + " x " + dims[1] + " voxels is more than can be held.");
			return PlanarFile.open(dims, new Slabs(file, d, type)::read, type);
		}
		catch (final RuntimeException e) {
			throw new ImageFileException(file + ": not a readable HDF5 file (" + OneLine.reason(e) + ").", e);
		}
	}

	/** Sets the voxel size along x, y and z that the dataset's {@code element_size_um} (z, y, x) gives. */
	private static void elementSize(final Dataset d, final double[] voxelSize) {
		final Attribute a = d.getAttribute("element_size_um");
		final Object v = a == null ? null : a.getData();
		if (v != null && v.getClass().isArray() && Array.getLength(v) == 3) for (int i = 0; i < 3; i++) {
			final double s = ((Number) Array.get(v, 2 - i)).doubleValue();
			if (s > 0 && Double.isFinite(s)) voxelSize[i] = s;
		}
	}

	/**
	 * @return the paths of the file's 2D and 3D datasets of numbers, for a choice
	 * @throws ImageFileException when it is not a readable HDF5 file
	 */
	public static List<String> datasets(final Path file) throws IOException {
		try (HdfFile hdf = new HdfFile(file)) {
			final List<Dataset> candidates = new ArrayList<>();
			collect(hdf, candidates);
			final List<String> paths = new ArrayList<>();
			for (final Dataset d : candidates)
				paths.add(d.getPath());
			return paths;
		}
		catch (final RuntimeException e) {
			throw new ImageFileException(file + ": not a readable HDF5 file (" + OneLine.reason(e) + ").", e);
		}
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
		final MetaElementType type = MetaElementType.of(t instanceof FloatingPoint ? 'f' : ((FixedPoint) t)
			.isSigned() ? 'i' : 'u', t.getSize());
		if (type == null) throw new ImageFileException(file + ":" + d.getPath() + ": " + typeText(t) +
			" is not read; read: 1 to 8-byte integers, 4 and 8-byte floats.");
		return type;
	}

	/**
	 * Reads bands of rows of the dataset, each thread with an open file taken from {@link #IDLE}, or
	 * opened, and given back when its read ends.
	 */
	private static final class Slabs {

		/**
		 * Open files of every HDF5 image read, between reads, the longest idle first; beyond
		 * {@link #IDLE_FILES} the longest idle are closed, so that a {@code describe} of thousands
		 * of files keeps a few open (keeping them per image ran out of file handles). Files are kept,
		 * not opened for each read, as jhdf parses the superblock, the dataset's header and its chunk
		 * index on each open: opening for each read made a 256^3 dataset of h5py 16 % (32^3 gzip
		 * chunks) to 77 % (contiguous) slower to measure.
		 */
		private static final Deque<OpenDataset> IDLE = new ArrayDeque<>();
		private final Path file;
		private final String path;
		private final int[] shape;
		private final MetaElementType type;
		/**
		 * The chunks of a chunked dataset, read one by one (jhdf's own sliced reading of chunked
		 * data misses partial chunks at the edges in 0.9.4); null for contiguous data.
		 */
		private final ChunkGrid chunks;
		/**
		 * Which of {@link #IDLE}'s files are this image's: a token, not the image, so that the
		 * files kept never keep an image's decoded chunks from the garbage collector.
		 */
		private final Object owner = new Object();

		Slabs(final Path file, final Dataset dataset, final MetaElementType type) {
			this.file = file;
			this.path = dataset.getPath();
			this.shape = dataset.getDimensions();
			this.type = type;
			this.chunks = dataset instanceof ChunkedDataset ? chunkGrid((ChunkedDataset) dataset) : null;
		}

		/** A dataset in its open file, and the image it is read for. */
		private static final class OpenDataset {

			final Object owner;
			final HdfFile hdf;
			final Dataset dataset;

			OpenDataset(final Object owner, final HdfFile hdf, final Dataset dataset) {
				this.owner = owner;
				this.hdf = hdf;
				this.dataset = dataset;
			}
		}

		/** @return this image's dataset in a file left idle by an earlier read, the latest, or newly opened */
		private OpenDataset take() {
			synchronized (IDLE) {
				for (final Iterator<OpenDataset> i = IDLE.descendingIterator(); i.hasNext();) {
					final OpenDataset idle = i.next();
					if (idle.owner == owner) {
						i.remove();
						return idle;
					}
				}
			}
			final HdfFile hdf = new HdfFile(file);
			try {
				return new OpenDataset(owner, hdf, hdf.getDatasetByPath(path));
			}
			catch (final RuntimeException e) {
				hdf.close();
				throw e;
			}
		}

		/** Keeps the file for the next read, and closes the longest idle file beyond {@link #IDLE_FILES}. */
		private static void giveBack(final OpenDataset open) {
			final OpenDataset closed;
			synchronized (IDLE) {
				IDLE.addLast(open);
				closed = IDLE.size() > IDLE_FILES ? IDLE.removeFirst() : null;
			}
			if (closed != null) closed.hdf.close();
		}

		private ChunkGrid chunkGrid(final ChunkedDataset dataset) {
			final int[] chunk = dataset.getChunkDimensions();
			final ByteOrder order = byteOrder(dataset.getDataType());
			final Object fillValue = dataset.getFillValue();
			final double fill = fillValue instanceof Number ? ((Number) fillValue).doubleValue() : 0;
			return new ChunkGrid(shape, chunk, type, fill) {

				@Override
				Block block(final int[] index) {
					final int[] offset = new int[index.length];
					for (int i = 0; i < index.length; i++)
						offset[i] = index[i] * chunk[i];
					OpenDataset open = null;
					try {
						open = take();
						final byte[] bytes = ((ChunkedDataset) open.dataset).getDecompressedChunk(offset);
						giveBack(open);
						return new Block(ByteBuffer.wrap(bytes).order(order), type, chunk, false);
					}
					catch (final HdfException e) {
						// jhdf tells a chunk never written only in its message; any other failure is passed on
						if (String.valueOf(e.getMessage()).startsWith("No chunk with offset")) {
							giveBack(open);
							return null;
						}
						if (open != null) open.hdf.close();
						throw new UncheckedIOException(new ImageFileException(file + ":" + path + ": the chunk at " +
							Arrays.toString(offset) + " cannot be read: " + OneLine.reason(e) + "."));
					}
					catch (final RuntimeException | Error e) {
						if (open != null) open.hdf.close();
						throw e;
					}
				}

			};
		}

		private static ByteOrder byteOrder(final DataType t) {
			return t instanceof FixedPoint ? ((FixedPoint) t).getByteOrder() : ((FloatingPoint) t).getByteOrder();
		}

		Object read(final int plane, final long from, final int length) {
			if (chunks != null) return chunks.read(plane, from, length);
			final int width = shape[shape.length - 1];
			OpenDataset open = null;
			try {
				open = take();
				final Dataset d = open.dataset;
				final Object range = PlanarFile.fromRows((p, firstRow, rows) -> {
					final Object slab = shape.length == 2 ? d.getData(new long[] { firstRow, 0 }, new int[] { rows,
						width }) : ((Object[]) d.getData(new long[] { p, firstRow, 0 }, new int[] { 1, rows, width }))[0];
					final Object band = PlanarFile.newArray(type, rows * width);
					for (int r = 0; r < rows; r++)
						copyRow(Array.get(slab, r), band, r * width, width);
					return band;
				}, plane, from, length, width, type);
				giveBack(open);
				return range;
			}
			catch (final RuntimeException e) {
				if (open != null) open.hdf.close();
				throw new UncheckedIOException(new ImageFileException(file + ":" + path + ": plane " + plane +
					" cannot be read: " + OneLine.reason(e) + "."));
			}
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
