package io.github.imagearray.stats;

/**
 * The first key digits of 32-bit floats that still hold wanted ranks after the first pass, as a
 * table by the top bits of a float's raw bits, for the second pass to look up per voxel. A digit
 * that holds many voxels (an atom such as CT air or the padding outside the field of view, or data
 * that all lie within a few floats) is <em>hot</em>: the second pass counts the remaining low bits
 * of its voxels in line, in count tables of its own, which resolves its ranks without a voxel being
 * special. The voxels of the other open digits are special, counted one by one in a
 * {@link RankSelector.DigitCounts}. Immutable; shared by the workers of a pass.
 */
final class OpenDigits {

	/** The first digit of a 32-bit key, and of a float's raw bits. */
	private static final int FIRST_DIGIT_BITS = 32 - TableEntry.LOW_BITS;
	/** A digit that holds at least this fraction of the voxels is hot. */
	private static final int HOT_SHARE = 64;

	/**
	 * Per first digit of the raw bits: {@link TableEntry#CLOSED}, {@link TableEntry#ONE_BY_ONE} or a
	 * hot slot 1 to {@link TableEntry#HOT}.
	 */
	private final byte[] slots = new byte[1 << FIRST_DIGIT_BITS];
	/** The key prefix of each hot slot, 1 to {@link TableEntry#HOT} at index 0 to HOT - 1; -1 where unused. */
	private final long[] hotPrefixes = { -1, -1 };

	/**
	 * @param openKeyRanges the pairs of first and last keys of the open first digits, sorted
	 * @param firstDigits the counts of the first digit in key order
	 * @param total the number of values they count
	 */
	OpenDigits(final long[] openKeyRanges, final long[] firstDigits, final long total) {
		for (int r = 0; r < openKeyRanges.length; r += 2) {
			final int prefix = (int) (openKeyRanges[r] >>> TableEntry.LOW_BITS);
			slots[OrderKeys.rawTopOfKeyTop(prefix, FIRST_DIGIT_BITS)] = TableEntry.ONE_BY_ONE;
		}
		// the fullest open digits are hot, the fullest first
		for (int slot = 1; slot <= TableEntry.HOT; slot++) {
			int fullest = -1;
			for (int r = 0; r < openKeyRanges.length; r += 2) {
				final int prefix = (int) (openKeyRanges[r] >>> TableEntry.LOW_BITS);
				if (slots[OrderKeys.rawTopOfKeyTop(prefix, FIRST_DIGIT_BITS)] == TableEntry.ONE_BY_ONE &&
					firstDigits[prefix] >= total / HOT_SHARE && (fullest < 0 || firstDigits[prefix] > firstDigits[fullest]))
					fullest = prefix;
			}
			if (fullest < 0) break;
			slots[OrderKeys.rawTopOfKeyTop(fullest, FIRST_DIGIT_BITS)] = (byte) slot;
			hotPrefixes[slot - 1] = fullest;
		}
	}

	/** @return whether some digit is hot */
	boolean anyHot() {
		return hotPrefixes[0] >= 0;
	}

	/**
	 * @return per first digit of the raw bits ({@link TableEntry#rawFirstDigit}), its slot: the
	 *         table itself, for loops to look up in, never to change
	 */
	byte[] slots() {
		return slots;
	}

	/** @return the key prefix of hot slot {@code slot}, 1 to {@link TableEntry#HOT}; -1 where unused */
	long hotPrefix(final int slot) {
		return hotPrefixes[slot - 1];
	}

	/** @return the slot of a float's first digit */
	int slot(final float v) {
		return slots[TableEntry.rawFirstDigit(Float.floatToRawIntBits(v))];
	}
}
