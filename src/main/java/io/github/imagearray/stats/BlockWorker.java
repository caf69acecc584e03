package io.github.imagearray.stats;

/** A {@link SpanPass.Worker} that reads spans in blocks and hands them to its consumers. */
final class BlockWorker implements SpanPass.Worker {

	/** Values per block: small enough to stay in the L1 cache, large enough to amortize calls. */
	static final int BLOCK = 2048;

	private final PixelKind kind;
	private final BlockConsumer[] consumers;
	private final double[] values = new double[BLOCK];
	private final long[] keys = new long[BLOCK];
	private final float[] floatValues;

	/**
	 * @param kind the voxels' kind: 32-bit floats are offered as they are first
	 *          ({@link BlockConsumer#acceptFloats})
	 */
	BlockWorker(final PixelKind kind, final BlockConsumer... consumers) {
		this.kind = kind;
		this.consumers = consumers;
		this.floatValues = kind == PixelKind.FLOAT32 ? new float[BLOCK] : null;
	}

	@Override
	public void span(final int index, final SpanReader reader) {
		for (final BlockConsumer consumer : consumers)
			consumer.beginSpan(index);
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
				for (final BlockConsumer consumer : consumers)
					consumer.accept(values, keys, n);
		}
		for (final BlockConsumer consumer : consumers)
			consumer.endSpan(index);
	}

	/** Offers floats as they are, converting them for the consumers that decline. */
	private void offerFloats(final float[] floats, final int from, final int to) {
		boolean converted = false;
		for (final BlockConsumer consumer : consumers) {
			if (consumer.acceptFloats(floats, from, to)) continue;
			if (!converted) {
				for (int i = from; i < to; i++)
					values[i - from] = floats[i];
				OrderKeys.fill(kind, values, keys, to - from);
				converted = true;
			}
			consumer.accept(values, keys, to - from);
		}
	}
}
