package io.github.imagearray.stats;

/** Gathers {@link MomentSums} of blocks, one per span, for merging in span order; one per worker. */
final class MomentCounter implements BlockConsumer {

	private final double centre;
	private final MomentSums[] spanSums;
	private MomentSums current;

	/** @param spanSums shared by all workers of a pass, one slot per span */
	MomentCounter(final double centre, final MomentSums[] spanSums) {
		this.centre = centre;
		this.spanSums = spanSums;
		this.current = new MomentSums(centre);
	}

	@Override
	public void accept(final double[] values, final long[] keys, final int length) {
		current.addBlock(values, length);
	}

	@Override
	public void endSpan(final int span) {
		spanSums[span] = current;
		current = new MomentSums(centre);
	}

	/** @return the sums of all spans, added in span order */
	static MomentSums merge(final double centre, final MomentSums[] spanSums) {
		final MomentSums total = new MomentSums(centre);
		for (final MomentSums s : spanSums)
			total.add(s);
		return total;
	}
}
