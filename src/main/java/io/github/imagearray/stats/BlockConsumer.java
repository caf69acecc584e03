package io.github.imagearray.stats;

/**
 * Takes blocks of voxel values with their order keys: what every {@link BlockAccumulator} of every
 * pass does, one instance per worker thread.
 */
interface BlockConsumer {

	/** Called before the first block of span {@code span}. */
	default void beginSpan(final int span) {}

	/**
	 * @param values voxel values, NaN included
	 * @param keys their {@link OrderKeys order keys} (meaningless for NaN)
	 * @param length the number of valid entries
	 */
	void accept(double[] values, long[] keys, int length);

	/**
	 * Takes a block of {@link PixelKind#FLOAT32} voxels, {@code values[from..to)}, as they are, if
	 * this consumer has a faster way for it than {@link #accept}; the result must be the same.
	 *
	 * @return false, having changed nothing, to get the block through {@link #accept} instead
	 */
	default boolean acceptFloats(final float[] values, final int from, final int to) {
		return false;
	}

	/** Called after the last block of span {@code span}. */
	default void endSpan(final int span) {}
}
