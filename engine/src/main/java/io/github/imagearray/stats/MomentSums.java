package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Power sums of deviations from a fixed centre, {@code S_k = sum (x - centre)^k} for k = 1..4,
 * over finite values, from which mean, variance, skewness and kurtosis follow. With the centre at
 * (or near) the mean this is the corrected two-pass algorithm (T. F. Chan, G. H. Golub,
 * R. J. LeVeque, "Algorithms for computing the sample variance", Am. Stat. 37, 1983); blocks are
 * summed plainly and the block sums {@link ExactSum exactly}, so the rounding error is that of one
 * block, and sums taken about the same centre merge exactly, in any order. A part of the second
 * pass's {@link SecondPassSums}.
 */
final class MomentSums {

	private final double centre;
	private long count;
	private final ExactSum s1;
	private final ExactSum s2;
	private final ExactSum s3;
	private final ExactSum s4;

	MomentSums(final double centre) {
		this(centre, 0, new ExactSum(), new ExactSum(), new ExactSum(), new ExactSum());
	}

	private MomentSums(final double centre, final long count, final ExactSum s1, final ExactSum s2,
		final ExactSum s3, final ExactSum s4)
	{
		this.centre = centre;
		this.count = count;
		this.s1 = s1;
		this.s2 = s2;
		this.s3 = s3;
		this.s4 = s4;
	}

	/**
	 * Adds the finite values among {@code values[0..length)}; NaN and infinities are skipped.
	 *
	 * @param far values farther than this from the centre are outliers, each added
	 *          {@link #addExactly exactly}, so that they do not round away the others
	 */
	void addBlock(final double[] values, final int length, final double far) {
		final double c = centre;
		// two interleaved sets of sums halve the chains of dependent additions
		double a1 = 0, a2 = 0, a3 = 0, a4 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0;
		int n = 0;
		int i = 0;
		for (; i + 1 < length; i += 2) {
			double d = values[i] - c;
			double e = values[i + 1] - c;
			// false for NaN, infinities and outliers alike
			final boolean dFinite = Math.abs(d) <= far, eFinite = Math.abs(e) <= far;
			n += (dFinite ? 1 : 0) + (eFinite ? 1 : 0);
			d = dFinite ? d : 0;
			e = eFinite ? e : 0;
			final double d2 = d * d, e2 = e * e;
			a1 += d;
			b1 += e;
			a2 += d2;
			b2 += e2;
			a3 += d2 * d;
			b3 += e2 * e;
			a4 += d2 * d2;
			b4 += e2 * e2;
		}
		for (; i < length; i++) {
			final double d = values[i] - c;
			if (Math.abs(d) <= far) {
				final double d2 = d * d;
				a1 += d;
				a2 += d2;
				a3 += d2 * d;
				a4 += d2 * d2;
				n++;
			}
		}
		addSums(n, a1 + b1, a2 + b2, a3 + b3, a4 + b4);
		if (n < length) for (int j = 0; j < length; j++) {
			final double d = values[j] - c;
			if (d - d == 0 && !(Math.abs(d) <= far)) addExactly(values[j]);
		}
	}

	/** Adds {@code weight} copies of the finite {@code value}. */
	void add(final double value, final long weight) {
		final double d = value - centre;
		final double d2 = d * d;
		addSums(weight, weight * d, weight * d2, weight * d2 * d, weight * d2 * d2);
	}

	/**
	 * Adds one finite value with its deviation from the centre split exactly into two doubles: a far
	 * outlier that must not round away the others (and whose opposite may cancel it).
	 */
	void addExactly(final double value) {
		final double d = value - centre;
		// Knuth's two-sum: value - centre == d + error exactly
		final double back = d - value;
		final double error = (value - (d - back)) + (-centre - back);
		final double d2 = d * d;
		count++;
		s1.add(d);
		s1.add(error);
		s2.add(d2);
		s3.add(d2 * d);
		s4.add(d2 * d2);
	}

	/** Adds sums taken about the same centre. */
	void merge(final MomentSums other) {
		if (Double.doubleToLongBits(other.centre) != Double.doubleToLongBits(centre))
			throw new IllegalArgumentException("Power sums about " + other.centre + " cannot be added to sums about " +
				centre + ".");
		count += other.count;
		s1.merge(other.s1);
		s2.merge(other.s2);
		s3.merge(other.s3);
		s4.merge(other.s4);
	}

	void write(final DataOutput out) throws IOException {
		out.writeDouble(centre);
		out.writeLong(count);
		for (final ExactSum s : new ExactSum[] { s1, s2, s3, s4 })
			s.write(out);
	}

	static MomentSums read(final DataInput in) throws IOException {
		final double centre = in.readDouble();
		final long count = BinaryForm.count(in.readLong(), "power sums");
		return new MomentSums(centre, count, ExactSum.read(in), ExactSum.read(in), ExactSum.read(in), ExactSum.read(in));
	}

	/** Adds sums of n finite values about this centre, gathered elsewhere. */
	void addSums(final long n, final double a1, final double a2, final double a3, final double a4) {
		count += n;
		s1.add(a1);
		s2.add(a2);
		s3.add(a3);
		s4.add(a4);
	}

	/** @return the mean, {@code centre + S1/n}; NaN when empty */
	double mean() {
		return count == 0 ? Double.NaN : centre + s1.value() / count;
	}

	/**
	 * @return the central moments {m2, m3, m4} (divided by n) about the mean, shifted exactly from
	 *         the centre: M2 = S2 - n d^2, M3 = S3 - 3 d S2 + 2 n d^3, M4 = S4 - 4 d S3 + 6 d^2 S2 -
	 *         3 n d^4 with d = S1/n
	 */
	double[] centralMoments() {
		final double n = count;
		final double d = s1.value() / n;
		final double m2 = s2.value() / n - d * d;
		final double m3 = s3.value() / n - 3 * d * s2.value() / n + 2 * d * d * d;
		final double m4 = s4.value() / n - 4 * d * s3.value() / n + 6 * d * d * s2.value() / n - 3 * d * d * d * d;
		return new double[] { Math.max(0, m2), m3, m4 };
	}
}
