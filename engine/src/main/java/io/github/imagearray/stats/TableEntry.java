package io.github.imagearray.stats;

/**
 * The bits of the entries of the float fast path's tables, which the second pass looks up per
 * voxel: a cell's entry in {@link FloatCells} (its count index, and a sign bit marking the cell
 * special) and a first digit's slot in {@link OpenDigits} (closed, one by one, or hot). Both are
 * negative exactly where their voxels are special, so that one OR of several entries tests them
 * all; a slot and a float's low bits together index the counts of the hot digits.
 */
final class TableEntry {

	/** The key bits after a 32-bit first digit: the low bits of a float that the hot counts count. */
	static final int LOW_BITS = 32 - RankSelector.firstDigitBits(32);
	/** The values of the low bits: the counts of each hot digit. */
	static final int LOW_VALUES = 1 << LOW_BITS;
	/** The most hot digits; the others are counted one by one. */
	static final int HOT = 2;
	/** The slot of a first digit that holds no open rank. */
	static final byte CLOSED = 0;
	/** The slot of an open first digit whose voxels are special, counted one by one. */
	static final byte ONE_BY_ONE = -1;
	/** The length of a table of hot counts: one run of low bits per slot, 0 to 3, of which 1 to {@link #HOT} are read. */
	static final int HOT_COUNTS = 4 << LOW_BITS;
	/** The low bits of a float's raw bits. */
	private static final int LOW = (1 << LOW_BITS) - 1;
	/** The bit of a cell entry that marks a special cell. */
	private static final int SPECIAL = Integer.MIN_VALUE;
	/** The bits of a cell entry that hold its count index. */
	private static final int INDEX = Integer.MAX_VALUE;

	private TableEntry() {
	}

	/** @return the entry of a special cell whose voxels are counted at {@code countIndex} first */
	static int specialCell(final int countIndex) {
		return SPECIAL | countIndex;
	}

	/** @return the cell entry {@code entry}, marked special */
	static int marked(final int entry) {
		return entry | SPECIAL;
	}

	/** @return the count index of a cell entry: its bin, or the spare bin of a special cell */
	static int countIndex(final int entry) {
		return entry & INDEX;
	}

	/** @return whether cell entries and slots, or the OR of several, mark no voxel special */
	static boolean noneSpecial(final int entries) {
		return entries >= 0;
	}

	/** @return 1 where a voxel of this cell entry and slot is special, else 0 */
	static int special(final int entry, final int slot) {
		return (entry | slot) >>> 31;
	}

	/** @return whether a slot is hot: its voxels' low bits are counted in line */
	static boolean isHot(final int slot) {
		return slot > 0;
	}

	/** @return the first digit of a float's raw bits, the index of its slot */
	static int rawFirstDigit(final int rawBits) {
		return rawBits >>> LOW_BITS;
	}

	/**
	 * @param slot a slot, or 1 to {@link #HOT}
	 * @param rawBits the raw bits of a float, or low bits alone
	 * @return the index of the count of the low bits in a table of {@link #HOT_COUNTS} hot counts:
	 *         the counts of a hot slot's voxels lie at that slot, those of other voxels at 0
	 *         (closed) or 3 (one by one), unread
	 */
	static int hotIndex(final int slot, final int rawBits) {
		return (slot & 3) << LOW_BITS | rawBits & LOW;
	}
}
