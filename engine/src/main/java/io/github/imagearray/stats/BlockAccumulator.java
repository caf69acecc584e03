package io.github.imagearray.stats;

/**
 * An {@link Accumulator} that takes the voxels of a span in blocks: 32-bit floats as they are first
 * ({@link #acceptFloats}), else as doubles with their order keys ({@link #accept}). Blocks start at
 * the span's first voxel, so each block, and each sum taken over one, depends on the image alone.
 * The accumulators of every pass but the 8/16-bit one are such.
 */
abstract class BlockAccumulator<A extends BlockAccumulator<A>> implements Accumulator<A> {

	/** Values per block: small enough to stay in the L1 cache, large enough to amortize calls. */
	static final int BLOCK = 2048;

	private final PixelKind kind;
	/** The block buffers, made for the first span (an accumulator read from bytes may never need them). */
	private double[] values;
	private long[] keys;
	private float[] floatValues;

	BlockAccumulator(final PixelKind kind) {
		this.kind = kind;
	}

	final PixelKind kind() {
		return kind;
	}

	/** Called before the first block of span {@code span}. */
	void beginSpan(final int span) {}

	/**
	 * @param values voxel values, NaN included
	 * @param keys their {@link OrderKeys order keys} (meaningless for NaN)
	 * @param length the number of valid entries
	 */
	abstract void accept(double[] values, long[] keys, int length);

	/**
	 * Takes a block of {@link PixelKind#FLOAT32} voxels, {@code values[from..to)}, as they are, if
	 * this accumulator has a faster way for it than {@link #accept}; the result must be the same.
	 *
	 * @return false, having changed nothing, to get the block through {@link #accept} instead
	 */
	boolean acceptFloats(final float[] values, final int from, final int to) {
		return false;
	}

	/** Called after the last block of span {@code span}. */
	void endSpan(final int span) {}

	@Override
	public final void span(final int index, final SpanReader reader) {
		if (values == null) {
			values = new double[BLOCK];
			keys = new long[BLOCK];
			floatValues = kind == PixelKind.FLOAT32 ? new float[BLOCK] : null;
		}
		beginSpan(index);
		final float[] inPlace = floatValues == null ? null : reader.floatsInPlace();
		if (inPlace != null) {
			for (int from = reader.start(), end = reader.end(); from < end; from += BLOCK)
				offerFloats(inPlace, from, Math.min(end, from + BLOCK));
		}
		else if (floatValues != null) {
			for (int n = reader.readFloats(floatValues); n > 0; n = reader.readFloats(floatValues))
				offerFloats(floatValues, 0, n);
		}
		else {
			for (int n = reader.read(values, keys); n > 0; n = reader.read(values, keys))
				accept(values, keys, n);
		}
		endSpan(index);
	}

	/** Offers floats as they are, converting them if declined. */
	private void offerFloats(final float[] floats, final int from, final int to) {
		if (acceptFloats(floats, from, to)) return;
		for (int i = from; i < to; i++)
			values[i - from] = floats[i];
		OrderKeys.fill(kind, values, keys, to - from);
		accept(values, keys, to - from);
	}
}
