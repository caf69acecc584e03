package io.github.imagearray.stats;

import java.io.IOException;

/**
 * What one pass of a {@link StatisticsPlan} gathered over part of an image: counts, extremes and
 * exact sums, never voxels. Parts of the same pass {@link #merge merge} in any order and any
 * grouping with the same result, bit for bit, and travel as bytes ({@link #toBytes},
 * {@link #fromBytes}): a versioned form of at most about
 * <ul>
 * <li>0.6 MiB for the one pass of 8- and 16-bit integers (65,536 value counts),</li>
 * <li>3 MiB for a first pass (2^18 first-digit counts; images of at most 65,536 voxels instead
 * carry their 8-byte keys),</li>
 * <li>10 bytes per histogram bin plus 0.6 MiB per open rank digit (at most 14) for a second or
 * later pass,</li>
 * </ul>
 * and usually far less: zero counts are not written.
 * <p>
 * {@code PartialStatistics all = plan.accumulate(top).merge(plan.accumulate(bottom));}
 */
public final class PartialStatistics {

	private static final int CONTENT = 2;
	private static final Class<?>[] ACCUMULATORS = { ValueCounts.class, FirstPassSums.class, SecondPassSums.class,
		RankSelector.DigitCounts.class };

	private final int pass;
	private final Accumulator<?> accumulator;

	PartialStatistics(final int pass, final Accumulator<?> accumulator) {
		this.pass = pass;
		this.accumulator = accumulator;
	}

	/** @return the pass of the plan that gathered this, counted from 0 */
	public int pass() {
		return pass;
	}

	Accumulator<?> accumulator() {
		return accumulator;
	}

	/**
	 * Adds the voxels of another part, gathered in the same pass of the same plan, to this one.
	 *
	 * @return this, with {@code other}'s voxels added; {@code other} is left as it was
	 * @throws IllegalArgumentException when {@code other} comes from another pass or plan
	 */
	public PartialStatistics merge(final PartialStatistics other) {
		if (other.pass != pass || other.accumulator.getClass() != accumulator.getClass())
			throw new IllegalArgumentException("Partial statistics of pass " + other.pass +
				" cannot be merged with those of pass " + pass + ".");
		// merging may spill the other's int tables into its wider ones: its voxels stay the same
		merge(accumulator, other.accumulator);
		return this;
	}

	@SuppressWarnings("unchecked")
	private static <A extends Accumulator<A>> void merge(final Accumulator<?> into, final Accumulator<?> other) {
		((A) into).merge((A) other);
	}

	/** @return the serialized form, for {@link #fromBytes} */
	public byte[] toBytes() {
		return BinaryForm.bytes(CONTENT, out -> {
			out.writeInt(pass);
			int content = 0;
			while (ACCUMULATORS[content] != accumulator.getClass())
				content++;
			out.writeByte(content);
			accumulator.write(out);
		});
	}

	/**
	 * @param bytes the form {@link #toBytes} wrote, by this version or one it reads
	 * @return the partial statistics it holds
	 * @throws IllegalArgumentException when the bytes are not such a form, naming what is wrong
	 */
	public static PartialStatistics fromBytes(final byte[] bytes) {
		return BinaryForm.read(bytes, CONTENT, "partial statistics", in -> {
			final int pass = in.readInt();
			final int content = in.readUnsignedByte();
			if (pass < 0 || pass >= RankSelector.maxPasses(64) || content >= ACCUMULATORS.length) throw new IOException("Pass " + pass + " with content " +
				content + ".");
			return new PartialStatistics(pass, content == 0 ? ValueCounts.read(in) : content == 1 ? FirstPassSums.read(in)
				: content == 2 ? SecondPassSums.read(in) : RankSelector.DigitCounts.read(in));
		});
	}
}
