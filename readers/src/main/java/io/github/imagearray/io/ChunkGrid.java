package io.github.imagearray.io;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.imagearray.stats.PrimitiveArrays;

/**
 * A 2D or 3D array stored in chunks on a regular grid, as HDF5, Zarr and N5 store them, read a band
 * of rows of one plane at a time: each band is filled from the chunks that hold it, decoded by the
 * format ({@link #block}); chunks never written hold the fill value. Chunks deeper than one plane
 * are kept for the planes that follow, up to {@link #KEPT_BYTES} in all, so a chunk is decoded
 * about once a pass. Shapes are in C order: {@code [z][y][x]} or {@code [y][x]}.
 * <p>
 * {@code PlanarFile.open(dims, grid::read, type)}
 */
abstract class ChunkGrid {

	/**
	 * Decoded chunks kept for the planes that follow, at most: a quarter of the heap, so that a
	 * layer of deep chunks is decoded once a pass where it fits (a smaller heap decodes it again).
	 */
	static final long KEPT_BYTES = Runtime.getRuntime().maxMemory() / 4;

	/** One decoded chunk: its elements, in the voxel type's array, over its extent. */
	static final class Block {

		/** The elements, a primitive array of the voxel type. */
		final Object elements;
		/** The extent the elements cover, C order: the grid's chunk shape, or less at the edges (N5). */
		final int[] extent;
		/** Whether the first axis varies fastest (Zarr's order "F") rather than the last. */
		final boolean fortran;

		/** @param bytes the chunk's elements, in their byte order, converted to the voxel type's array once */
		Block(final ByteBuffer bytes, final MetaElementType type, final int[] extent, final boolean fortran) {
			final int n = bytes.remaining() / type.bytes();
			this.elements = PlanarFile.newArray(type, n);
			MetaImageReader.copy(bytes.slice().order(bytes.order()), elements, 0, n);
			this.extent = extent;
			this.fortran = fortran;
		}

		int length() {
			return Array.getLength(elements);
		}
	}

	final int[] shape;
	final int[] chunk;
	final MetaElementType type;
	/** The value of chunks never written. */
	private final double fill;
	private final Map<List<Integer>, Block> kept = new LinkedHashMap<>();
	private long keptBytes;

	ChunkGrid(final int[] shape, final int[] chunk, final MetaElementType type, final double fill) {
		this.shape = shape;
		this.chunk = chunk;
		this.type = type;
		this.fill = fill;
	}

	/**
	 * @param index the chunk's position in the grid, C order
	 * @return the decoded chunk, or null where none was written
	 * @throws java.io.UncheckedIOException naming the chunk when it cannot be decoded
	 */
	abstract Block block(int[] index);

	/** @return voxels [from, from + length) of plane {@code plane}, from the chunks that hold them */
	Object read(final int plane, final long from, final int length) {
		return PlanarFile.fromRows(this::rows, plane, from, length, shape[shape.length - 1], type);
	}

	/** @return rows {@code [firstRow, firstRow + rows)} of plane {@code plane}, from the chunks that hold them */
	private Object rows(final int plane, final int firstRow, final int rows) {
		final int rank = shape.length, width = shape[rank - 1];
		final Object band = PlanarFile.newArray(type, rows * width);
		final int ch = chunk[rank - 2], cw = chunk[rank - 1];
		for (int gy = firstRow / ch; gy * ch < firstRow + rows; gy++)
			for (int gx = 0; gx * cw < width; gx++) {
				final int[] index = rank == 3 ? new int[] { plane / chunk[0], gy, gx } : new int[] { gy, gx };
				final Block block = cached(index);
				final int n = Math.min(cw, width - gx * cw);
				for (int y = Math.max(gy * ch, firstRow); y < Math.min((gy + 1) * ch, firstRow + rows); y++) {
					final int at = (y - firstRow) * width + gx * cw;
					if (block == null) fill(band, at, n, fill);
					else copy(block, rank == 3 ? plane % chunk[0] : 0, y - gy * ch, n, band, at);
				}
			}
		return band;
	}

	/** Copies {@code n} elements of row {@code y} of layer {@code z} of a chunk; beyond its extent, the fill value. */
	private void copy(final Block block, final int z, final int y, final int n, final Object band, final int at) {
		final int rank = shape.length;
		final int[] e = block.extent;
		final int ex = e[rank - 1], ey = e[rank - 2], ez = rank == 3 ? e[0] : 1;
		if (y >= ey || z >= ez) {
			fill(band, at, n, fill);
			return;
		}
		final int inside = Math.min(n, ex);
		if (!block.fortran) System.arraycopy(block.elements, (z * ey + y) * ex, band, at, inside);
		// the first axis fastest: element (z, y, x) at z + ez * (y + ey * x)
		else PrimitiveArrays.copyStrided(block.elements, z + ez * y, ez * ey, band, at, inside);
		if (inside < n) fill(band, at + inside, n - inside, fill);
	}

	private Block cached(final int[] index) {
		final boolean deep = shape.length == 3 && chunk[0] > 1;
		final List<Integer> key = new ArrayList<>();
		for (final int i : index)
			key.add(i);
		if (deep) synchronized (kept) {
			final Block b = kept.get(key);
			if (b != null) return b;
		}
		final Block b = block(index);
		if (deep && b != null) synchronized (kept) {
			kept.put(key, b);
			keptBytes += (long) b.length() * type.bytes();
			for (final Iterator<Block> i = kept.values().iterator(); keptBytes > KEPT_BYTES && i.hasNext();) {
				keptBytes -= (long) i.next().length() * type.bytes();
				i.remove();
			}
		}
		return b;
	}

	/** Writes {@code value} into {@code n} elements of {@code array} from {@code at}, as the voxel type holds it. */
	private static void fill(final Object array, final int at, final int n, final double value) {
		for (int i = at; i < at + n; i++) {
			if (array instanceof byte[]) ((byte[]) array)[i] = (byte) (long) value;
			else if (array instanceof short[]) ((short[]) array)[i] = (short) (long) value;
			else if (array instanceof int[]) ((int[]) array)[i] = (int) (long) value;
			else if (array instanceof long[]) ((long[]) array)[i] = (long) value;
			else if (array instanceof float[]) ((float[]) array)[i] = (float) value;
			else ((double[]) array)[i] = value;
		}
	}
}
