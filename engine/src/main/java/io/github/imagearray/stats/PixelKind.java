package io.github.imagearray.stats;

import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The primitive voxel kinds the engine distinguishes. Each kind fixes how values become
 * order-preserving unsigned keys for exact rank selection (see {@link OrderKeys}), and which
 * {@link StatisticsPlan plan} of passes the image takes.
 * <p>
 * Types ImgLib2 offers beyond the ten primitive ones (e.g. {@code Unsigned12BitType},
 * {@code BitType}) are read through {@link RealType#getRealDouble()} as {@link #OTHER_INTEGER}
 * or {@link #OTHER_REAL}.
 */
public enum PixelKind {
	UINT8(true, 8, 0), INT8(true, 8, Byte.MIN_VALUE), UINT16(true, 16, 0), INT16(true, 16, Short.MIN_VALUE),
	UINT32(true, 32, 0), INT32(true, 32, Integer.MIN_VALUE),
	UINT64(true, 64, 0), INT64(true, 64, 0),
	FLOAT32(false, 32, 0), FLOAT64(false, 64, 0),
	OTHER_INTEGER(true, 64, 0), OTHER_REAL(false, 64, 0);

	private final boolean integer;
	private final int keyBits;
	private final long lowest;

	PixelKind(final boolean integer, final int keyBits, final long lowest) {
		this.integer = integer;
		this.keyBits = keyBits;
		this.lowest = lowest;
	}

	/** @return true for integer-valued types (they get one histogram bin per value by default) */
	public boolean isInteger() {
		return integer;
	}

	/** @return true for 8- and 16-bit integers, whose statistics come from their value counts */
	public boolean isSmallInteger() {
		return integer && keyBits <= 16;
	}

	/** @return the number of bits in this kind's order key: 8, 16, 32 or 64 */
	public int keyBits() {
		return keyBits;
	}

	/** @return for integers up to 32 bits the smallest value of the type (key = value - lowest) */
	long lowest() {
		return lowest;
	}

	/**
	 * @param type a sample of the pixel type
	 * @return its kind
	 */
	public static PixelKind of(final RealType<?> type) {
		if (type instanceof UnsignedByteType) return UINT8;
		if (type instanceof ByteType) return INT8;
		if (type instanceof UnsignedShortType) return UINT16;
		if (type instanceof ShortType) return INT16;
		if (type instanceof UnsignedIntType) return UINT32;
		if (type instanceof IntType) return INT32;
		if (type instanceof UnsignedLongType) return UINT64;
		if (type instanceof LongType) return INT64;
		if (type instanceof FloatType) return FLOAT32;
		if (type instanceof DoubleType) return FLOAT64;
		return type instanceof IntegerType ? OTHER_INTEGER : OTHER_REAL;
	}
}
