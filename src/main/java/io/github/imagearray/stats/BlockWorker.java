package io.github.imagearray.stats;

/** A {@link SpanPass.Worker} that reads spans in blocks and hands them to its consumers. */
final class BlockWorker implements SpanPass.Worker {

	/** Values per block: small enough to stay in the L1 cache, large enough to amortize calls. */
	static final int BLOCK = 2048;

	private final PixelKind kind;
	private final BlockConsumer[] consumers;
	private final double[] values = new double[BLOCK];
	private final long[] keys = new long[BLOCK];

	BlockWorker(final PixelKind kind, final BlockConsumer... consumers) {
		this.kind = kind;
		this.consumers = consumers;
	}

	@Override
	public void span(final int index, final SpanReader reader) {
		for (int n = reader.read(values); n > 0; n = reader.read(values)) {
			OrderKeys.fill(kind, values, keys, n);
			for (final BlockConsumer consumer : consumers)
				consumer.accept(values, keys, n);
		}
		for (final BlockConsumer consumer : consumers)
			consumer.endSpan(index);
	}
}
