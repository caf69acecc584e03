package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Finds exact order statistics (the values of given ranks in sorted order) without sorting or
 * copying the image: a most-significant-digit radix selection on {@link OrderKeys order keys}.
 * The first pass counts the first digit ({@link #firstDigitBits} bits) of all keys; each later pass counts
 * the next digit (at most 16 bits) of the keys that share the already known prefix of a wanted
 * rank, which narrows that rank to one digit; a prefix whose keys are all equal (tracked by their
 * minimum and maximum) is resolved at once. 32-bit keys take two passes (18 bits, then 14),
 * 64-bit keys at most four (16 bits each). Memory, independent of the image size: the counts of
 * the first digit, then a table of at most 65,536 counts per distinct prefix and worker. NaN
 * values have no rank.
 */
final class RankSelector {

	/** The widest digit of a pass after the first. */
	static final int DIGIT_BITS = 16;
	private static final int DIGITS = 1 << DIGIT_BITS;
	/**
	 * The first digit of 32-bit keys: two bits more than the others narrow the ranks four times
	 * more before the second pass, which then has fewer voxels to look at closely.
	 */
	private static final int FIRST_DIGIT_BITS_32 = 18;

	private final int keyBits;
	private long[] ranks = new long[0];
	private long[] prefixes = new long[0];
	private long[] residuals = new long[0];
	private boolean[] resolved = new boolean[0];
	private int knownBits;

	/**
	 * @param keyBits 32 or 64; the first pass counts the first digit ({@link #firstDigitBits} bits)
	 *          of all keys, so it can run before the wanted ranks are known
	 */
	RankSelector(final int keyBits) {
		this.keyBits = keyBits;
	}

	/** @return the width of the first digit, counted over all keys of {@code keyBits} bits */
	static int firstDigitBits(final int keyBits) {
		return keyBits == 32 ? FIRST_DIGIT_BITS_32 : DIGIT_BITS;
	}

	/** @return the most passes over the values that keys of {@code keyBits} bits take */
	static int maxPasses(final int keyBits) {
		return 1 + (keyBits - firstDigitBits(keyBits) + DIGIT_BITS - 1) / DIGIT_BITS;
	}

	/** @return the width of the next digit to count */
	private int nextDigitBits() {
		return knownBits == 0 ? firstDigitBits(keyBits) : Math.min(DIGIT_BITS, keyBits - knownBits);
	}

	/** @param wanted the 0-based ranks to find among the non-NaN values; set before {@link #advance} */
	void select(final long[] wanted) {
		ranks = wanted.clone();
		// ascending, so that each pass finds the digits of all ranks in one walk per prefix
		Arrays.sort(ranks);
		prefixes = new long[wanted.length];
		residuals = ranks.clone();
		resolved = new boolean[wanted.length];
	}

	boolean isDone() {
		for (final boolean r : resolved)
			if (!r) return false;
		return true;
	}

	/** @return the order key of the value of rank {@code rank}, one of the wanted ranks */
	long key(final long rank) {
		for (int i = 0; i < ranks.length; i++)
			if (ranks[i] == rank) {
				if (!resolved[i]) throw new IllegalStateException("Rank " + rank + " is not resolved yet.");
				return prefixes[i];
			}
		throw new IllegalArgumentException("Rank " + rank + " was not asked for.");
	}

	/** @return the accumulator of the next digit, for one worker of a pass after the first */
	DigitCounts newCounts(final PixelKind kind) {
		if (knownBits == 0) throw new IllegalStateException("The first digit comes from advanceFirstDigit.");
		return new DigitCounts(kind, knownBits, nextDigitBits(), openPrefixes());
	}

	/**
	 * Narrows every rank by the counts of the first digit ({@link #firstDigitBits} key bits) of all
	 * non-NaN values (the first pass).
	 */
	void advanceFirstDigit(final long[] firstDigits) {
		narrow(new long[] { 0 }, new long[][] { firstDigits }, null, null);
	}

	/**
	 * Narrows every unresolved rank by the digit counts of a later pass, over all voxels.
	 *
	 * @throws IllegalArgumentException when they are not the counts of this selector's next digit
	 */
	void advance(final DigitCounts digits) {
		if (digits.knownBits != knownBits || !Arrays.equals(digits.openPrefixes, openPrefixes()))
			throw new IllegalArgumentException("These digit counts follow " + digits.knownBits +
				" known bits of other ranks, not the " + knownBits + " bits known here.");
		digits.flush();
		narrow(digits.openPrefixes, digits.counts, digits.mins, digits.maxs);
	}

	void write(final DataOutput out) throws IOException {
		out.writeByte(keyBits);
		out.writeByte(knownBits);
		out.writeInt(ranks.length);
		for (int i = 0; i < ranks.length; i++) {
			out.writeLong(ranks[i]);
			out.writeLong(prefixes[i]);
			out.writeLong(residuals[i]);
			out.writeBoolean(resolved[i]);
		}
	}

	static RankSelector read(final DataInput in) throws IOException {
		final int keyBits = in.readUnsignedByte(), knownBits = in.readUnsignedByte();
		if (keyBits != 16 && keyBits != 32 && keyBits != 64 || knownBits > keyBits) throw new IOException("A rank selection of " +
			knownBits + " known bits of " + keyBits + "-bit keys.");
		final RankSelector selector = new RankSelector(keyBits);
		selector.knownBits = knownBits;
		final int n = BinaryForm.length(in, Quantiles.MAX_RANKS, "wanted ranks");
		selector.ranks = new long[n];
		selector.prefixes = new long[n];
		selector.residuals = new long[n];
		selector.resolved = new boolean[n];
		for (int i = 0; i < n; i++) {
			selector.ranks[i] = BinaryForm.count(in.readLong(), "ranks");
			selector.prefixes[i] = in.readLong();
			selector.residuals[i] = BinaryForm.count(in.readLong(), "ranks");
			selector.resolved[i] = in.readBoolean();
		}
		return selector;
	}

	/**
	 * @param mins smallest key (sign-flipped) per open prefix, or null when not tracked
	 * @param maxs largest key (sign-flipped) per open prefix, or null when not tracked
	 */
	private void narrow(final long[] openPrefixes, final long[][] counts, final long[] mins, final long[] maxs) {
		final int digitBits = nextDigitBits();
		knownBits += digitBits;
		// the ranks of an open prefix come in ascending order: each continues the walk of the one before
		final int[] digits = new int[openPrefixes.length];
		final long[] below = new long[openPrefixes.length];
		for (int i = 0; i < ranks.length; i++) {
			if (resolved[i]) continue;
			final int t = Arrays.binarySearch(openPrefixes, prefixes[i]);
			if (mins != null && mins[t] == maxs[t]) {
				prefixes[i] = mins[t] ^ Long.MIN_VALUE;
				resolved[i] = true;
				continue;
			}
			int digit = digits[t];
			long counted = below[t];
			while (residuals[i] - counted >= counts[t][digit])
				counted += counts[t][digit++];
			digits[t] = digit;
			below[t] = counted;
			residuals[i] -= counted;
			prefixes[i] = prefixes[i] << digitBits | digit;
			resolved[i] = knownBits == keyBits;
		}
	}

	/**
	 * @return the ranges of order keys that hold the unresolved ranks, as pairs of first and last
	 *         key, sorted; empty once all are resolved
	 */
	long[] openKeyRanges() {
		final long[] openPrefixes = openPrefixes();
		final int shift = keyBits - knownBits;
		final long[] ranges = new long[2 * openPrefixes.length];
		for (int t = 0; t < openPrefixes.length; t++) {
			ranges[2 * t] = openPrefixes[t] << shift;
			ranges[2 * t + 1] = ranges[2 * t] | ((1L << shift) - 1);
		}
		return ranges;
	}

	/** @return the distinct prefixes of the unresolved ranks, sorted (as unsigned = signed here) */
	private long[] openPrefixes() {
		return IntStream.range(0, ranks.length).filter(i -> !resolved[i]).mapToLong(i -> prefixes[i]).distinct()
			.sorted().toArray();
	}

	/**
	 * The accumulator of a pass after the first: for keys with one of the open prefixes (those of
	 * the unresolved ranks), the counts of the digit after the prefix, and the smallest and largest
	 * such key.
	 */
	static final class DigitCounts extends BlockAccumulator<DigitCounts> {

		private final int knownBits;
		private final long[] openPrefixes;
		private final long[][] counts;
		/** Digits still to be counted, with their open prefix in the bits above. */
		private final int[] pending = new int[4096];
		private int pendingCount;
		private final long[] mins;
		private final long[] maxs;
		/** One bit per value of the filter bits, the top 16 key bits: set where some open prefix starts so. */
		private final long[] mayMatch = new long[DIGITS / 64];
		/** Index of the first open prefix by the filter bits of a key, or -1. */
		private final int[] firstOpenPrefixByFilter;
		private final int digitBits;
		private final int prefixShift;
		private final int digitShift;
		private final int filterShift;

		/**
		 * @param knownBits the width of the openPrefixes, the key bits known
		 * @param digitBits the width of the digit counted
		 * @param openPrefixes the prefixes whose next digit is counted, ascending
		 */
		private DigitCounts(final PixelKind kind, final int knownBits, final int digitBits, final long[] openPrefixes) {
			super(kind);
			this.knownBits = knownBits;
			this.digitBits = digitBits;
			this.openPrefixes = openPrefixes;
			final int keyBits = kind.keyBits();
			prefixShift = keyBits - knownBits;
			digitShift = keyBits - knownBits - digitBits;
			filterShift = keyBits - DIGIT_BITS;
			counts = new long[openPrefixes.length][1 << digitBits];
			mins = new long[openPrefixes.length];
			maxs = new long[openPrefixes.length];
			Arrays.fill(mins, Long.MAX_VALUE);
			Arrays.fill(maxs, Long.MIN_VALUE);
			firstOpenPrefixByFilter = new int[DIGITS];
			Arrays.fill(firstOpenPrefixByFilter, -1);
			for (int t = openPrefixes.length - 1; t >= 0; t--) {
				final int filter = (int) (openPrefixes[t] >>> (knownBits - DIGIT_BITS));
				firstOpenPrefixByFilter[filter] = t;
				mayMatch[filter >>> 6] |= 1L << filter;
			}
		}

		@Override
		void accept(final double[] values, final long[] keys, final int length) {
			for (int i = 0; i < length; i++) {
				final int filter = (int) (keys[i] >>> filterShift);
				if ((mayMatch[filter >>> 6] & 1L << filter) != 0) count(values[i], keys[i], filter);
			}
		}

		/** Counts one finite 32-bit float value, if it has one of the open prefixes. */
		void countFloat(final float value) {
			final long key = OrderKeys.floatKey(value);
			final int filter = (int) (key >>> filterShift);
			if (firstOpenPrefixByFilter[filter] >= 0) count(value, key, filter);
		}

		/**
		 * Adds counts of 32-bit float keys with an open prefix that were counted elsewhere.
		 *
		 * @param prefix the open prefix, a first digit of {@link #firstDigitBits}(32) bits
		 * @param rawLowCounts the counts of the raw float bits below that digit
		 */
		void addRawLowCounts(final long prefix, final long[] rawLowCounts) {
			final int t = Arrays.binarySearch(openPrefixes, prefix);
			if (t < 0 || knownBits != FIRST_DIGIT_BITS_32 || kind().keyBits() != 32) throw new IllegalArgumentException("No open prefix "
				+ prefix + " after the first digit of 32-bit keys.");
			// the key of a negative float has its bits flipped: its low bits count down
			final int flip = prefix >>> FIRST_DIGIT_BITS_32 - 1 == 0 ? rawLowCounts.length - 1 : 0;
			for (int raw = 0; raw < rawLowCounts.length; raw++)
				counts[t][raw ^ flip] += rawLowCounts[raw];
		}

		/**
		 * Adds the pending digits to the counts. Held back in a batch, the increments (mostly cache
		 * misses in tables far larger than the caches) overlap instead of waiting on each other.
		 */
		void flush() {
			for (int i = 0; i < pendingCount; i++)
				counts[pending[i] >>> DIGIT_BITS][pending[i] & (DIGITS - 1)]++;
			pendingCount = 0;
		}

		/** Counts a value whose filter bits some open prefix has. */
		private void count(final double value, final long key, final int filter) {
			if (value != value) return;
			final long prefix = key >>> prefixShift;
			int t = firstOpenPrefixByFilter[filter];
			while (t < openPrefixes.length && openPrefixes[t] != prefix)
				t++;
			if (t == openPrefixes.length) return;
			pending[pendingCount++] = t << DIGIT_BITS | (int) (key >>> digitShift) & ((1 << digitBits) - 1);
			if (pendingCount == pending.length) flush();
			final long signed = key ^ Long.MIN_VALUE;
			if (signed < mins[t]) mins[t] = signed;
			if (signed > maxs[t]) maxs[t] = signed;
		}

		@Override
		public void merge(final DigitCounts other) {
			if (other.knownBits != knownBits || !Arrays.equals(other.openPrefixes, openPrefixes)) throw new IllegalArgumentException(
				"Digit counts after " + other.knownBits + " known bits of other ranks cannot be added to those after " +
					knownBits + " bits.");
			flush();
			other.flush();
			for (int t = 0; t < openPrefixes.length; t++) {
				for (int d = 0; d < counts[t].length; d++)
					counts[t][d] += other.counts[t][d];
				mins[t] = Math.min(mins[t], other.mins[t]);
				maxs[t] = Math.max(maxs[t], other.maxs[t]);
			}
		}

		@Override
		public void write(final DataOutput out) throws IOException {
			flush();
			out.writeByte(kind().ordinal());
			out.writeByte(knownBits);
			out.writeByte(digitBits);
			out.writeInt(openPrefixes.length);
			for (final long openPrefix : openPrefixes)
				out.writeLong(openPrefix);
			for (int t = 0; t < openPrefixes.length; t++) {
				out.writeLong(mins[t]);
				out.writeLong(maxs[t]);
				BinaryForm.writeCounts(out, counts[t]);
			}
		}

		static DigitCounts read(final DataInput in) throws IOException {
			final PixelKind kind = BinaryForm.readKind(in);
			final int knownBits = in.readUnsignedByte(), digitBits = in.readUnsignedByte();
			if (kind.keyBits() < 32 || knownBits < DIGIT_BITS || digitBits < 1 || digitBits > DIGIT_BITS ||
				knownBits + digitBits > kind.keyBits()) throw new IOException("Digit counts of " + digitBits +
					" bits after " + knownBits + " known bits of " + kind + " keys.");
			final int n = BinaryForm.length(in, Quantiles.MAX_RANKS, "digit count openPrefixes");
			final long[] openPrefixes = new long[n];
			for (int t = 0; t < n; t++) {
				openPrefixes[t] = in.readLong();
				if (openPrefixes[t] >>> knownBits != 0 || t > 0 && openPrefixes[t] <= openPrefixes[t - 1]) throw new IOException(
					"Digit count open prefix " + openPrefixes[t] + " is not a rising prefix of " + knownBits + " bits.");
			}
			final DigitCounts digits = new DigitCounts(kind, knownBits, digitBits, openPrefixes);
			for (int t = 0; t < n; t++) {
				digits.mins[t] = in.readLong();
				digits.maxs[t] = in.readLong();
				final long[] c = BinaryForm.readCounts(in, 1 << digitBits, "digit counts");
				if (c == null || c.length != 1 << digitBits) throw new IOException("Digit counts need " + (1 << digitBits) +
					" counts per open prefix.");
				digits.counts[t] = c;
			}
			return digits;
		}
	}
}
