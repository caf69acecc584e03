package io.github.imagearray.stats;

/**
 * Order-preserving keys: maps voxel values to unsigned integers of {@link PixelKind#keyBits()} bits
 * whose unsigned order is the numeric order of the values, so that order statistics can be found
 * by radix selection on the key bits. Integers up to 32 bits use {@code value - lowest}; floats
 * and doubles use their IEEE 754 bits with the sign bit flipped for positive values and all bits
 * flipped for negative ones (the classic radix-sort trick). Wider integers are ranked through
 * their double values: the conversion is monotone, so the k-th smallest double is the double of
 * the k-th smallest integer. NaN has no key; callers leave it out. The first pass counts their
 * first digit, the later passes the next ones.
 */
final class OrderKeys {

	private OrderKeys() {
	}

	/** Computes the keys of {@code values[0..length)} into {@code keys}. */
	static void fill(final PixelKind kind, final double[] values, final long[] keys, final int length) {
		switch (kind.keyBits()) {
			case 8:
			case 16:
			case 32:
				if (kind == PixelKind.FLOAT32) {
					for (int i = 0; i < length; i++)
						keys[i] = floatKey((float) values[i]);
				}
				else {
					final long lowest = kind.lowest();
					for (int i = 0; i < length; i++)
						keys[i] = (long) values[i] - lowest;
				}
				break;
			default:
				for (int i = 0; i < length; i++)
					keys[i] = doubleKey(values[i]);
		}
	}

	/** @return the key of a value of the kind, as {@link #fill} computes it */
	static long key(final PixelKind kind, final double value) {
		if (kind.keyBits() == 64) return doubleKey(value);
		return kind == PixelKind.FLOAT32 ? floatKey((float) value) : (long) value - kind.lowest();
	}

	/** @return the value whose key is {@code key} */
	static double value(final PixelKind kind, final long key) {
		if (kind.keyBits() == 64) {
			final long bits = key < 0 ? key ^ Long.MIN_VALUE : ~key;
			return Double.longBitsToDouble(bits);
		}
		if (kind == PixelKind.FLOAT32) {
			final int k = (int) key;
			final int bits = k < 0 ? k ^ Integer.MIN_VALUE : ~k;
			return Float.intBitsToFloat(bits);
		}
		return key + kind.lowest();
	}

	/**
	 * @param rawTop the top {@code bits} bits of a float's raw bits,
	 *          {@code floatToRawIntBits(v) >>> (32 - bits)}
	 * @param bits 1 to 32
	 * @return the top {@code bits} bits of its key, {@code floatKey(v) >>> (32 - bits)}: both are
	 *         buckets of the same floats
	 */
	static int keyTopOfRawTop(final int rawTop, final int bits) {
		final int sign = 1 << bits - 1;
		return rawTop ^ ((rawTop & sign) == 0 ? sign : sign | sign - 1);
	}

	/** @return the top {@code bits} bits of a float's raw bits, given those of its key: the inverse of {@link #keyTopOfRawTop} */
	static int rawTopOfKeyTop(final int keyTop, final int bits) {
		final int sign = 1 << bits - 1;
		return keyTop ^ ((keyTop & sign) != 0 ? sign : sign | sign - 1);
	}

	static long floatKey(final float v) {
		final int bits = Float.floatToRawIntBits(v);
		return (bits ^ ((bits >> 31) | Integer.MIN_VALUE)) & 0xffffffffL;
	}

	static long doubleKey(final double v) {
		final long bits = Double.doubleToRawLongBits(v);
		return bits ^ ((bits >> 63) | Long.MIN_VALUE);
	}
}
