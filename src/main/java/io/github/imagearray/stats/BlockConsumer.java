package io.github.imagearray.stats;

/** Takes blocks of voxel values with their order keys; one instance per worker thread. */
interface BlockConsumer {

	/**
	 * @param values voxel values, NaN included
	 * @param keys their {@link OrderKeys order keys} (meaningless for NaN)
	 * @param length the number of valid entries
	 */
	void accept(double[] values, long[] keys, int length);

	/**
	 * Takes a block of 32-bit float voxels: the fast path for {@link PixelKind#FLOAT32}, which
	 * needs no conversion buffer. The result must equal that of {@link #accept} on the same values.
	 */
	void acceptFloats(float[] values, int length);

	/** Called after the last block of span {@code span}. */
	default void endSpan(final int span) {}
}
