package io.github.imagearray.stats;

/**
 * Reads the voxels of one span of a {@link VoxelSource}, block by block. A reader is used by one
 * thread only.
 */
abstract class SpanReader {

	/**
	 * Reads the next voxels as doubles.
	 *
	 * @param buffer receives up to {@code buffer.length} values
	 * @return the number of values read; 0 at the end of the span
	 */
	abstract int read(double[] buffer);

	/**
	 * Counts every voxel of the rest of the span by value: {@code counts[value - lowest]++}.
	 * Only for {@link PixelKind#isSmallInteger() 8- and 16-bit integers}.
	 */
	abstract void countValues(long[] counts);
}
