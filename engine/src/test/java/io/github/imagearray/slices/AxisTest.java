package io.github.imagearray.slices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The axis names that dialogs, macros and the command line share. */
class AxisTest {

	@Test
	void namesAndDimensionsAgree() {
		assertArrayEquals(new String[] { "x", "y", "z" }, Axis.labels());
		for (int d = 0; d < 3; d++) {
			assertEquals(d, Axis.of(d).dimension());
			assertEquals(Axis.of(d), Axis.named(Axis.of(d).label()));
		}
		assertEquals(2, Axis.named("z").dimension());
	}

	@Test
	void anotherNameIsRefusedByName() {
		assertEquals("The axis must be x, y or z, not 'Z'.", assertThrows(IllegalArgumentException.class,
			() -> Axis.named("Z")).getMessage());
		assertThrows(IllegalArgumentException.class, () -> Axis.named(null));
	}
}
