package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;

/**
 * A sum of doubles kept exactly, as a fixed-point number with a digit for every bit a double can
 * have (2^-1074 to 2^1023, in 32-bit chunks): additions and {@link #merge merges} round nothing, so
 * sums gathered in any order and split in any way give the same value, rounded once by
 * {@link #value()}. An addition costs a few integer operations; the sums of the engine add one per
 * block of voxels. Infinities and NaN are summed apart, as IEEE arithmetic would.
 * <p>
 * {@code ExactSum s = new ExactSum(); s.add(1e100); s.add(1); s.add(-1e100); s.value() == 1}
 */
final class ExactSum {

	/** 32-bit chunks of bit 0 (2^-1074) to above the largest double, with room for carries. */
	private static final int CHUNKS = 68;
	private static final long LOW_32 = 0xFFFF_FFFFL;
	/** Each chunk takes at most this many additions between carries without overflowing. */
	private static final int ADDS_BETWEEN_CARRIES = 1 << 30;

	/** {@code chunks[k]} counts units of 2^(32k - 1074); signed between carries, then in [0, 2^32) but the top. */
	private final long[] chunks = new long[CHUNKS];
	private int addsSinceCarry;
	/** The sum of the infinite and NaN values added: 0 when there are none. */
	private double nonFinite;

	void add(final double value) {
		final long bits = Double.doubleToRawLongBits(value);
		final int exponent = (int) (bits >>> 52) & 0x7FF;
		if (exponent == 0x7FF) {
			nonFinite += value;
			return;
		}
		// value = significand * 2^(position - 1074); subnormals have no hidden bit
		final long significand = exponent == 0 ? bits & 0xF_FFFF_FFFF_FFFFL : bits & 0xF_FFFF_FFFF_FFFFL | 1L << 52;
		if (significand == 0) return;
		final int position = exponent == 0 ? 0 : exponent - 1;
		final int chunk = position >>> 5, shift = position & 31;
		// the bits above the first chunk: significand >>> (32 - shift), also for a shift of 0
		final long above = significand >>> 1 >>> 31 - shift;
		// negated without a branch where the value is negative (sign all ones): the signs of sums of odd
		// powers come at random, and a mispredicted branch would cost more than the rest
		final long sign = bits >> 63;
		chunks[chunk] += (significand << shift & LOW_32 ^ sign) - sign;
		chunks[chunk + 1] += (above & LOW_32 ^ sign) - sign;
		chunks[chunk + 2] += (above >>> 32 ^ sign) - sign;
		if (++addsSinceCarry == ADDS_BETWEEN_CARRIES) carry();
	}

	/**
	 * Adds {@code times} copies of {@code value} exactly: a copy scaled by 2^k for each bit k set in
	 * {@code times}, as scaling by a power of two rounds nothing.
	 */
	void addMultiple(final double value, final long times) {
		for (long rest = times; rest != 0; rest &= rest - 1)
			add(Math.scalb(value, Long.numberOfTrailingZeros(rest)));
	}

	/** Adds another exact sum to this one. */
	void merge(final ExactSum other) {
		carry();
		other.carry();
		for (int k = 0; k < CHUNKS; k++)
			chunks[k] += other.chunks[k];
		nonFinite += other.nonFinite;
		carry();
	}

	/** Brings every chunk but the top into [0, 2^32), the carries into the chunk above. */
	private void carry() {
		for (int k = 0; k < CHUNKS - 1; k++) {
			final long up = chunks[k] >> 32;
			chunks[k] -= up << 32;
			chunks[k + 1] += up;
		}
		addsSinceCarry = 0;
	}

	/** @return the sum rounded to the nearest double (ties to even); infinite or NaN with such values */
	double value() {
		if (nonFinite != 0 || nonFinite != nonFinite) return nonFinite;
		carry();
		BigInteger units = BigInteger.ZERO;
		for (int k = CHUNKS - 1; k >= 0; k--)
			units = units.shiftLeft(32).add(BigInteger.valueOf(chunks[k]));
		final BigInteger magnitude = units.abs();
		final int length = magnitude.bitLength();
		final double rounded;
		// below 2^53 units the sum is a whole number of units: exact as a double, and so scaled
		if (length <= 53) rounded = Math.scalb(magnitude.doubleValue(), -1074);
		else {
			final int drop = length - 53;
			long kept = magnitude.shiftRight(drop).longValueExact();
			final BigInteger rest = magnitude.subtract(BigInteger.valueOf(kept).shiftLeft(drop));
			final int half = rest.compareTo(BigInteger.ONE.shiftLeft(drop - 1));
			if (half > 0 || half == 0 && (kept & 1) == 1) kept++;
			rounded = Math.scalb((double) kept, drop - 1074);
		}
		return units.signum() < 0 ? -rounded : rounded;
	}

	void write(final DataOutput out) throws IOException {
		carry();
		out.writeDouble(nonFinite);
		int first = 0, last = CHUNKS - 1;
		while (first < CHUNKS && chunks[first] == 0)
			first++;
		while (last >= first && chunks[last] == 0)
			last--;
		out.writeByte(first);
		out.writeByte(last - first + 1);
		for (int k = first; k <= last; k++)
			out.writeLong(chunks[k]);
	}

	static ExactSum read(final DataInput in) throws IOException {
		final ExactSum sum = new ExactSum();
		sum.nonFinite = in.readDouble();
		final int first = in.readUnsignedByte(), count = in.readUnsignedByte();
		if (first + count > CHUNKS) throw new IOException("An exact sum of " + count + " chunks from chunk " + first +
			" does not fit in " + CHUNKS + ".");
		for (int k = first; k < first + count; k++) {
			sum.chunks[k] = in.readLong();
			if (k < CHUNKS - 1 && (sum.chunks[k] & ~LOW_32) != 0) throw new IOException("Chunk " + k +
				" of an exact sum is " + sum.chunks[k] + ", outside [0, 2^32).");
		}
		return sum;
	}
}
