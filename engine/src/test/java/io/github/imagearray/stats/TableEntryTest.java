package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The entries of the float fast path's tables keep their count index when marked special, one OR
 * tests several of them at once, and every slot's low bits have counts of their own.
 */
class TableEntryTest {

	private static final int[] COUNT_INDICES = { 0, 1, 254, 255, 65536, StatisticsCalculator.MAX_BINS };
	private static final int[] SLOTS = { TableEntry.CLOSED, TableEntry.ONE_BY_ONE, 1, TableEntry.HOT };

	@Test
	void cellEntriesKeepTheirCountIndexAndSaySpecial() {
		for (final int index : COUNT_INDICES) {
			assertEquals(index, TableEntry.countIndex(index), "a bin's entry is its bin");
			assertEquals(index, TableEntry.countIndex(TableEntry.specialCell(index)));
			assertEquals(index, TableEntry.countIndex(TableEntry.marked(index)));
			assertEquals(TableEntry.specialCell(index), TableEntry.marked(TableEntry.specialCell(index)));
			assertTrue(TableEntry.noneSpecial(index));
			assertFalse(TableEntry.noneSpecial(TableEntry.marked(index)));
			assertFalse(TableEntry.noneSpecial(1 | TableEntry.specialCell(index) | 7), "one special in an OR of three");
			for (final int slot : SLOTS) {
				final boolean special = slot == TableEntry.ONE_BY_ONE;
				assertEquals(special ? 1 : 0, TableEntry.special(index, slot), "bin " + index + ", slot " + slot);
				assertEquals(1, TableEntry.special(TableEntry.specialCell(index), slot));
				assertEquals(!special, TableEntry.noneSpecial(index | slot));
			}
		}
	}

	@Test
	void onlyHotSlotsAreHot() {
		assertFalse(TableEntry.isHot(TableEntry.CLOSED));
		assertFalse(TableEntry.isHot(TableEntry.ONE_BY_ONE));
		for (int slot = 1; slot <= TableEntry.HOT; slot++)
			assertTrue(TableEntry.isHot(slot));
	}

	@Test
	void everySlotCountsTheLowBitsApart() {
		final int[] lows = { 0, 1, 5000, TableEntry.LOW_VALUES - 1 };
		final Set<Integer> indices = new HashSet<>();
		for (final int slot : SLOTS)
			for (final int low : lows)
				for (final int digit : new int[] { 0, 1, 77_777, (1 << 32 - TableEntry.LOW_BITS) - 1 }) {
					final int bits = digit << TableEntry.LOW_BITS | low;
					final int index = TableEntry.hotIndex(slot, bits);
					assertTrue(index >= 0 && index < TableEntry.HOT_COUNTS, "index " + index);
					assertEquals(low, index % TableEntry.LOW_VALUES, "the low bits of " + bits);
					assertEquals(slot & 3, index / TableEntry.LOW_VALUES, "the slot of " + bits);
					assertEquals(index, TableEntry.hotIndex(slot, low), "low bits alone");
					assertEquals(digit, TableEntry.rawFirstDigit(bits));
					indices.add(index);
				}
		assertEquals(SLOTS.length * lows.length, indices.size(), "one count per slot and low bits");
	}

	@Test
	void theRawFirstDigitIsTheTopOfTheRawBits() {
		assertEquals(1 << 32 - TableEntry.LOW_BITS, (int) ((1L << 32) / TableEntry.LOW_VALUES));
		assertEquals(0, TableEntry.rawFirstDigit(Float.floatToRawIntBits(0)));
		assertEquals((1 << 32 - TableEntry.LOW_BITS) - 1, TableEntry.rawFirstDigit(-1));
		assertEquals(Float.floatToRawIntBits(-1) >>> TableEntry.LOW_BITS, TableEntry.rawFirstDigit(Float
			.floatToRawIntBits(-1)));
	}
}
