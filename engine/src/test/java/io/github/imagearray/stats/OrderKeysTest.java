package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Order keys keep the numeric order, and the raw-bit buckets of floats map onto key buckets. */
class OrderKeysTest {

	@Test
	void floatKeysFollowTheNumericOrderAndRawTopsMapToKeyTops() {
		final SplittableRandom random = new SplittableRandom(9);
		final float[] special = { 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
			Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1, -1 };
		float previous = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < 200_000; i++) {
			final float v = i < special.length ? special[i] : Float.intBitsToFloat(random.nextInt());
			if (v != v) continue;
			final int bits = Float.floatToRawIntBits(v);
			for (final int top : new int[] { 1, 16, 18, 32 })
				assertEquals(OrderKeys.floatKey(v) >>> 32 - top, OrderKeys.keyTopOfRawTop(bits >>> 32 - top, top) &
					0xffffffffL, top + "-bit bucket of " + v);
			// Float.compare is the numeric order, with -0 before 0 as the keys have it
			assertEquals(Integer.signum(Float.compare(previous, v)), Long.signum(Long.compare(OrderKeys.floatKey(
				previous), OrderKeys.floatKey(v))), "order of " + previous + " and " + v);
			assertEquals(v, (float) OrderKeys.value(PixelKind.FLOAT32, OrderKeys.floatKey(v)), 0, "value of key of " +
				v);
			previous = v;
		}
	}
}
