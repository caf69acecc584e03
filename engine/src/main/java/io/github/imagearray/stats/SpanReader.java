package io.github.imagearray.stats;

/**
 * Reads the voxels of one span of a {@link VoxelSource}, block by block. A reader is used by one
 * thread only.
 */
abstract class SpanReader {

	/**
	 * Reads the next voxels as doubles, with their {@link OrderKeys order keys}.
	 *
	 * @param values receives up to {@code values.length} values
	 * @param keys receives their keys
	 * @return the number of values read; 0 at the end of the span
	 */
	abstract int read(double[] values, long[] keys);

	/**
	 * @return the float array that holds this whole span, to be read in place over
	 *         [{@link #start()}, {@link #end()}) instead of through {@link #readFloats}; null where
	 *         there is none
	 */
	float[] floatsInPlace() {
		return null;
	}

	/** @return the index of the span's first voxel in {@link #floatsInPlace()} */
	int start() {
		throw new UnsupportedOperationException();
	}

	/** @return the index after the span's last voxel in {@link #floatsInPlace()} */
	int end() {
		throw new UnsupportedOperationException();
	}

	/**
	 * Reads the next voxels of a {@link PixelKind#FLOAT32} image as they are; for readers without
	 * {@link #floatsInPlace()}.
	 *
	 * @return the number of values read; 0 at the end of the span
	 */
	int readFloats(final float[] values) {
		throw new UnsupportedOperationException();
	}

	/**
	 * Counts every voxel of the rest of the span by value: {@code counts[value - lowest]++}.
	 * Only for {@link PixelKind#isSmallInteger() 8- and 16-bit integers}.
	 */
	abstract void countValues(long[] counts);
}
