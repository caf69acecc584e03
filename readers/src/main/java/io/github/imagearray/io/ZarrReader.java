package io.github.imagearray.io;

import io.github.imagearray.OneLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Reads Zarr v2 arrays and N5 datasets — a directory with {@code .zarray} or
 * {@code attributes.json} — and OME-Zarr images (their finest resolution level, or a level's own
 * directory) of 2 or 3 dimensions larger than 1: every integer and float type, chunks raw or
 * compressed with gzip, zlib, blosc or zstd ({@link ChunkCodecs}), C and F order, missing chunks as
 * the fill value. Chunks are read when the planes that hold them are; a corrupt chunk is an error
 * naming it. N5's own libraries are not on Maven Central: this is one small reader for both.
 * <p>
 * {@code ImageFile cells = new ZarrReader().open(Paths.get("cells.ome.zarr"), OpenOptions.NONE);}
 */
public final class ZarrReader implements ImageFormat {

	@Override
	public String name() {
		return "Zarr/N5";
	}

	/** @return whether the path is a Zarr array or group or an N5 dataset, unless a pattern selects files */
	@Override
	public boolean recognises(final Path path, final OpenOptions options) {
		return options.pattern() == null && Files.isDirectory(path) && isStore(path);
	}

	/** @return the voxels, read chunk by chunk, and an OME-Zarr image's scale as the voxel size */
	@Override
	public ImageFile open(final Path dir, final OpenOptions options) throws IOException {
		return new ImageFile(this, open(dir), voxelSize(dir));
	}

	/** @return whether the directory is a Zarr array or group, or an N5 dataset */
	static boolean isStore(final Path dir) {
		return Files.isRegularFile(dir.resolve(".zarray")) || Files.isRegularFile(dir.resolve(".zattrs")) || Files
			.isRegularFile(dir.resolve("attributes.json"));
	}

	/**
	 * @param dir a Zarr v2 array, an OME-Zarr image or an N5 dataset
	 * @return its voxels, read chunk by chunk when needed
	 * @throws ImageFileException naming the directory (or the chunk) and the problem
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> open(final Path dir) throws IOException {
		final Store store = store(dir);
		return PlanarFile.open(store.dims(), store::read, store.type);
	}

	/** @return the voxel size along x, y and z of an OME-Zarr image's finest level, else 1 */
	static double[] voxelSize(final Path dir) throws IOException {
		final double[] size = { 1, 1, 1 };
		final Object scale = omeScale(dir);
		if (scale instanceof List) {
			final List<?> s = (List<?>) scale;
			for (int i = 0; i < Math.min(3, s.size()); i++) {
				final Object v = s.get(s.size() - 1 - i);
				if (v instanceof Number && ((Number) v).doubleValue() > 0) size[i] = ((Number) v).doubleValue();
			}
		}
		return size;
	}

	/** The array of a store: its shape, chunks and type, and how a chunk is found and decoded. */
	private abstract static class Store extends ChunkGrid {

		final Path dir;
		/** The compressor's name, one of {@link ChunkCodecs#NAMES}. */
		final String codec;
		/** The byte order of the decoded elements. */
		final ByteOrder order;
		/** Leading axes of size 1 (OME-Zarr's time and channel), kept in chunk keys. */
		final int lead;

		Store(final Path dir, final int[] shape, final int[] chunk, final MetaElementType type, final String codec,
			final ByteOrder order, final double fill, final int lead)
		{
			super(shape, chunk, type, fill);
			this.dir = dir;
			this.codec = codec;
			this.order = order;
			this.lead = lead;
		}

		long[] dims() {
			final long[] d = new long[shape.length];
			for (int i = 0; i < shape.length; i++)
				d[i] = shape[shape.length - 1 - i];
			return d;
		}

		/** @return the chunk's file */
		abstract Path file(int[] index);

		/** @return the chunk's decoded elements and their extent, from its stored bytes */
		abstract Block decode(byte[] stored, int[] index) throws IOException;

		@Override
		Block block(final int[] index) {
			final Path file = file(index);
			final byte[] stored;
			try {
				stored = Files.readAllBytes(file);
			}
			catch (final NoSuchFileException e) {
				return null;
			}
			catch (final IOException e) {
				throw new UncheckedIOException(new ImageFileException(file + ": " + OneLine.reason(e) + "."));
			}
			try {
				return decode(stored, index);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(new ImageFileException(file + ": a corrupt chunk: " + OneLine.reason(e) +
					"."));
			}
		}

		int chunkBytes() {
			long n = type.bytes();
			for (final int c : chunk)
				n *= c;
			return (int) n;
		}
	}

	private static Store store(final Path dir) throws IOException {
		if (Files.isRegularFile(dir.resolve(".zarray"))) return zarr(dir);
		if (Files.isRegularFile(dir.resolve("attributes.json"))) {
			final Map<?, ?> attributes = JsonMetadata.object(dir.resolve("attributes.json"));
			if (attributes.containsKey("dimensions")) return n5(dir, attributes);
		}
		final String level = omeLevel(dir);
		if (level != null) return store(dir.resolve(level));
		throw new ImageFileException(dir + ": neither a Zarr array (.zarray), an OME-Zarr image (.zattrs with " +
			"multiscales) nor an N5 dataset (attributes.json with dimensions).");
	}

	private static Store zarr(final Path dir) throws IOException {
		final Map<?, ?> a = JsonMetadata.object(dir.resolve(".zarray"));
		final String where = dir + "/.zarray: ";
		if (!Long.valueOf(2).equals(a.get("zarr_format"))) throw new ImageFileException(where + field("zarr_format", a
			.get("zarr_format")) + "; Zarr version 2 is read.");
		if (a.get("filters") != null) throw new ImageFileException(where + "filters " + a.get("filters") +
			" are not read.");
		final Object dtype = a.get("dtype");
		if (!(dtype instanceof String) || !((String) dtype).matches("[<>|][iuf][1-8]")) throw new ImageFileException(
			where + field("dtype", dtype) + ", not read; read: 1 to 8-byte integers, 4 and 8-byte floats (<u2, <f4, ...).");
		final String d = (String) dtype;
		final MetaElementType type = elementType(d.charAt(1), d.charAt(2) - '0', where + "dtype " + d);
		final ByteOrder order = d.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		final Object compressor = a.get("compressor");
		if (compressor != null && !(compressor instanceof Map)) throw new ImageFileException(where + "compressor " +
			compressor + " is not an object with an id.");
		final String codec = compressor == null ? "raw" : String.valueOf(((Map<?, ?>) compressor).get("id"));
		if (compressor != null && ((Map<?, ?>) compressor).get("id") == null) throw new ImageFileException(where +
			"the compressor " + compressor + " has no id.");
		if (!ChunkCodecs.isKnown(codec)) throw new ImageFileException(where + "the compressor " + codec +
			" is not read; read: none, gzip, zlib, blosc, zstd.");
		final boolean fortran = "F".equals(a.get("order"));
		final String separator = a.get("dimension_separator") == null ? "." : String.valueOf(a.get(
			"dimension_separator"));
		final int[] fullShape = ints(a.get("shape"), where + "shape"), fullChunk = ints(a.get("chunks"), where +
			"chunks");
		sameLength(fullShape, fullChunk, where + "shape and chunks");
		final int lead = leadingOnes(fullShape, where);
		final int[] shape = Arrays.copyOfRange(fullShape, lead, fullShape.length);
		final int[] chunk = Arrays.copyOfRange(fullChunk, lead, fullChunk.length);
		return new Store(dir, shape, chunk, type, codec, order, fillValue(a.get("fill_value")), lead) {

			@Override
			Path file(final int[] index) {
				final StringBuilder key = new StringBuilder();
				for (int i = 0; i < lead; i++)
					key.append("0").append(separator);
				for (int i = 0; i < index.length; i++)
					key.append(i == 0 ? "" : separator).append(index[i]);
				return dir.resolve(key.toString());
			}

			@Override
			Block decode(final byte[] stored, final int[] index) throws IOException {
				final byte[] bytes = ChunkCodecs.decode(codec, stored, chunkBytes());
				return new Block(ByteBuffer.wrap(bytes).order(order), type, chunk, fortran);
			}
		};
	}

	private static Store n5(final Path dir, final Map<?, ?> a) throws ImageFileException {
		final String where = dir + "/attributes.json: ";
		final int[] dimensions = ints(a.get("dimensions"), where + "dimensions"), blockSize = ints(a.get("blockSize"),
			where + "blockSize");
		sameLength(dimensions, blockSize, where + "dimensions and blockSize");
		if (!(a.get("dataType") instanceof String)) throw new ImageFileException(where + field("dataType", a.get(
			"dataType")) + ", not read.");
		final String dataType = (String) a.get("dataType");
		final MetaElementType type = n5Type(dataType, where);
		final Object compression = a.containsKey("compression") ? a.get("compression") : a.get("compressionType");
		if (compression == null) throw new ImageFileException(where + "compression is missing.");
		String codec = compression instanceof Map ? String.valueOf(((Map<?, ?>) compression).get("type")) : String
			.valueOf(compression);
		if (compression instanceof Map && Boolean.TRUE.equals(((Map<?, ?>) compression).get("useZlib"))) codec = "zlib";
		if (!ChunkCodecs.isKnown(codec)) throw new ImageFileException(where + "the compression " + codec +
			" is not read; read: raw, gzip, blosc, zstd.");
		// N5 lists the fastest axis first; the grid is in C order
		final int[] shape = reversed(dimensions), chunk = reversed(blockSize);
		final int lead = leadingOnes(shape, where);
		final int[] s = Arrays.copyOfRange(shape, lead, shape.length);
		final int[] c = Arrays.copyOfRange(chunk, lead, chunk.length);
		return new N5Blocks(dir, s, c, type, codec, lead, chunk);
	}

	/** An N5 dataset: a block per file in a directory per axis, each with a header of its extent. */
	private static final class N5Blocks extends Store {

		/** The block size of every axis, the leading ones of size 1 included, the fastest last. */
		private final int[] fullChunk;

		N5Blocks(final Path dir, final int[] shape, final int[] chunk, final MetaElementType type, final String codec,
			final int lead, final int[] fullChunk)
		{
			super(dir, shape, chunk, type, codec, ByteOrder.BIG_ENDIAN, 0, lead);
			this.fullChunk = fullChunk;
		}

		@Override
		Path file(final int[] index) {
			Path file = dir;
			for (int i = index.length - 1; i >= 0; i--)
				file = file.resolve(Integer.toString(index[i]));
			for (int i = 0; i < lead; i++)
				file = file.resolve("0");
			return file;
		}

		@Override
		Block decode(final byte[] stored, final int[] index) throws IOException {
			final ByteBuffer b = ByteBuffer.wrap(stored).order(ByteOrder.BIG_ENDIAN);
			if (stored.length < 4) throw new IOException("a block header of " + stored.length + " bytes");
			final int mode = b.getShort() & 0xffff, rank = b.getShort() & 0xffff;
			if (mode > 1 || rank != index.length + lead || stored.length < 4 + 4 * rank + (mode == 1 ? 4 : 0))
				throw new IOException("a block header of mode " + mode + " and " + rank + " dimensions");
			final int[] extent = new int[index.length];
			long elements = 1;
			for (int i = 0; i < rank; i++) {
				final int e = b.getInt();
				// the fastest axis first; beyond the image's axes, the leading ones of size 1
				final int most = i < index.length ? fullChunk[fullChunk.length - 1 - i] : 1;
				if (e < 1 || e > most) throw new IOException("a block of " + e + " along axis " + i + " (at most " + most +
					")");
				if (i < index.length) extent[index.length - 1 - i] = e;
				elements *= e;
			}
			if (mode == 1) b.getInt(); // the number of elements, the same for numeric blocks
			final byte[] data = new byte[b.remaining()];
			b.get(data);
			final byte[] bytes = ChunkCodecs.decode(codec, data, (int) (elements * type.bytes()));
			return new Block(ByteBuffer.wrap(bytes).order(order), type, extent, false);
		}
	}

	/** @return the path of an OME-Zarr image's finest level, or null where there is none */
	private static String omeLevel(final Path dir) throws IOException {
		final Map<?, ?> dataset = omeDataset(dir);
		return dataset == null ? null : String.valueOf(dataset.get("path"));
	}

	private static Object omeScale(final Path dir) throws IOException {
		final Map<?, ?> dataset = omeDataset(dir);
		final Object transforms = dataset == null ? null : dataset.get("coordinateTransformations");
		if (transforms instanceof List) for (final Object t : (List<?>) transforms)
			if (t instanceof Map && "scale".equals(((Map<?, ?>) t).get("type"))) return ((Map<?, ?>) t).get("scale");
		return null;
	}

	private static Map<?, ?> omeDataset(final Path dir) throws IOException {
		final Path zattrs = dir.resolve(".zattrs");
		if (!Files.isRegularFile(zattrs)) return null;
		final Object multiscales = JsonMetadata.object(zattrs).get("multiscales");
		final Object first = multiscales instanceof List && !((List<?>) multiscales).isEmpty() ? ((List<?>) multiscales)
			.get(0) : null;
		final Object datasets = first instanceof Map ? ((Map<?, ?>) first).get("datasets") : null;
		final Object finest = datasets instanceof List && !((List<?>) datasets).isEmpty() ? ((List<?>) datasets).get(0)
			: null;
		return finest instanceof Map ? (Map<?, ?>) finest : null;
	}

	private static MetaElementType elementType(final char kind, final int bytes, final String what)
		throws ImageFileException
	{
		final MetaElementType type = MetaElementType.of(kind, bytes);
		if (type == null) throw new ImageFileException(what + " is not read; read: 1 to 8-byte integers, 4 and 8-byte " +
			"floats.");
		return type;
	}

	private static MetaElementType n5Type(final String dataType, final String where) throws ImageFileException {
		if (dataType.startsWith("float")) return elementType('f', bits(dataType, 5) / 8, where + "dataType " + dataType);
		if (dataType.startsWith("uint")) return elementType('u', bits(dataType, 4) / 8, where + "dataType " + dataType);
		if (dataType.startsWith("int")) return elementType('i', bits(dataType, 3) / 8, where + "dataType " + dataType);
		throw new ImageFileException(where + "dataType " + dataType + " is not read.");
	}

	private static int bits(final String name, final int from) {
		try {
			return Integer.parseInt(name.substring(from));
		}
		catch (final NumberFormatException e) {
			return 0;
		}
	}

	/** @return how many leading axes are 1, so that 2 or 3 axes remain; else refused */
	private static int leadingOnes(final int[] shape, final String where) throws ImageFileException {
		int lead = 0;
		while (shape.length - lead > 3 && shape[lead] == 1)
			lead++;
		if (shape.length - lead < 2 || shape.length - lead > 3) throw new ImageFileException(where + "shape " + Arrays
			.toString(shape) + ": 2 or 3 axes larger than 1 are read (leading axes of 1, as OME-Zarr's time and " +
			"channel, are left out).");
		for (final int s : shape)
			if (s < 1) throw new ImageFileException(where + "shape " + Arrays.toString(shape) +
				": every axis must be at least 1.");
		if ((long) shape[shape.length - 1] * shape[shape.length - 2] > Integer.MAX_VALUE - 8)
			throw new ImageFileException(where + "a plane of " + shape[shape.length - 1] + " x " + shape[shape.length -
				2] + " voxels is more than can be held.");
		return lead;
	}

	private static int[] ints(final Object list, final String what) throws ImageFileException {
		if (!(list instanceof List)) throw new ImageFileException(what + " is missing or not a list.");
		final List<?> l = (List<?>) list;
		final int[] v = new int[l.size()];
		for (int i = 0; i < v.length; i++) {
			final Object o = l.get(i);
			if (!(o instanceof Long) || (Long) o < 1 || (Long) o > Integer.MAX_VALUE) throw new ImageFileException(what +
				" " + l + ": whole numbers from 1 expected.");
			v[i] = (int) (long) (Long) o;
		}
		return v;
	}

	/** @return "name is missing" where the value is absent, else "name is value" */
	private static String field(final String name, final Object value) {
		return name + (value == null ? " is missing" : " is " + value);
	}

	private static void sameLength(final int[] shape, final int[] chunk, final String what) throws ImageFileException {
		if (shape.length != chunk.length) throw new ImageFileException(what + " have " + shape.length + " and " +
			chunk.length + " values; one per axis expected.");
	}

	private static int[] reversed(final int[] v) {
		final int[] r = new int[v.length];
		for (int i = 0; i < v.length; i++)
			r[i] = v[v.length - 1 - i];
		return r;
	}

	private static double fillValue(final Object v) {
		if (v instanceof Number) return ((Number) v).doubleValue();
		if ("NaN".equals(v)) return Double.NaN;
		if ("Infinity".equals(v)) return Double.POSITIVE_INFINITY;
		if ("-Infinity".equals(v)) return Double.NEGATIVE_INFINITY;
		return 0;
	}
}
