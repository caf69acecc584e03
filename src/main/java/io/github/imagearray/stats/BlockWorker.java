package io.github.imagearray.stats;

/** A {@link SpanPass.Worker} that reads spans in blocks and hands them to its consumers. */
final class BlockWorker implements SpanPass.Worker {

	/** Values per block: small enough to stay in the L1 cache, large enough to amortize calls. */
	static final int BLOCK = 2048;

	private final boolean floats;
	private final BlockConsumer[] consumers;
	private final double[] values;
	private final long[] keys;
	private final float[] floatValues;

	/** @param kind the voxels' kind: 32-bit floats are passed on as they are */
	BlockWorker(final PixelKind kind, final BlockConsumer... consumers) {
		this.floats = kind == PixelKind.FLOAT32;
		this.consumers = consumers;
		this.values = floats ? null : new double[BLOCK];
		this.keys = floats ? null : new long[BLOCK];
		this.floatValues = floats ? new float[BLOCK] : null;
	}

	@Override
	public void span(final int index, final SpanReader reader) {
		if (floats) {
			for (int n = reader.readFloats(floatValues); n > 0; n = reader.readFloats(floatValues))
				for (final BlockConsumer consumer : consumers)
					consumer.acceptFloats(floatValues, n);
		}
		else {
			for (int n = reader.read(values, keys); n > 0; n = reader.read(values, keys))
				for (final BlockConsumer consumer : consumers)
					consumer.accept(values, keys, n);
		}
		for (final BlockConsumer consumer : consumers)
			consumer.endSpan(index);
	}
}
