package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** {@link MultiplyAdd} rounds once where it says it is fused, else as {@code a * b + c}. */
class MultiplyAddTest {

	@Test
	void roundsOnceWhenFusedElseTwice() {
		final double a = 1 + Math.scalb(1.0, -30), b = 1 - Math.scalb(1.0, -30);
		// exactly 1 - 2^-60 - 1 = -2^-60; a * b alone rounds to 1, so two roundings give 0
		final double fused = new BigDecimal(a).multiply(new BigDecimal(b)).add(BigDecimal.ONE.negate()).doubleValue();
		assertEquals(-Math.scalb(1.0, -60), fused, 0);
		assertEquals(0, a * b - 1, 0);
		assertEquals(MultiplyAdd.isFused() ? fused : 0, MultiplyAdd.of(a, b, -1), 0);
		assertEquals(7, MultiplyAdd.of(2, 3, 1), 0);
	}
}
