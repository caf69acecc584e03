package io.github.imagearray.stats;

import java.util.List;

/**
 * First-pass facts about the voxels: counts of finite, NaN and infinite values, the finite
 * minimum and maximum, the sum of the finite values and the counts of the top 16 bits of the
 * non-NaN values' {@link OrderKeys order keys} (the first digit for {@link RankSelector}). As a
 * {@link BlockConsumer} it gathers them for one worker in a single loop; the sum is kept per span
 * so that spans merge in order.
 */
final class Summary implements BlockConsumer {

	long finite;
	long nan;
	long posInf;
	long negInf;
	double finiteMin = Double.POSITIVE_INFINITY;
	double finiteMax = Double.NEGATIVE_INFINITY;
	/** Counts of the top 16 key bits; null where no keys are counted. */
	final long[] topDigits;
	private final int topShift;
	private final CompensatedSum[] spanSums;
	private CompensatedSum spanSum = new CompensatedSum();

	/**
	 * @param keyBits the width of the order keys, or 0 to count no key digits
	 * @param spanSums shared by all workers of a pass, one slot per span
	 */
	Summary(final int keyBits, final CompensatedSum[] spanSums) {
		this.topDigits = keyBits == 0 ? null : new long[1 << RankSelector.DIGIT_BITS];
		this.topShift = keyBits - RankSelector.DIGIT_BITS;
		this.spanSums = spanSums;
	}

	@Override
	public void accept(final double[] values, final long[] keys, final int length) {
		double sum0 = 0, sum1 = 0;
		double min = finiteMin;
		double max = finiteMax;
		int finiteInBlock = 0;
		final long[] top = topDigits;
		final int shift = topShift;
		for (int i = 0; i < length; i++) {
			final double v = values[i];
			if (v - v == 0) {
				if ((i & 1) == 0) sum0 += v;
				else sum1 += v;
				min = v < min ? v : min;
				max = v > max ? v : max;
				finiteInBlock++;
				top[(int) (keys[i] >>> shift)]++;
			}
			else if (v != v) nan++;
			else {
				if (v > 0) posInf++;
				else negInf++;
				top[(int) (keys[i] >>> shift)]++;
			}
		}
		finiteMin = min;
		finiteMax = max;
		finite += finiteInBlock;
		spanSum.add(sum0 + sum1);
	}

	@Override
	public void acceptFloats(final float[] values, final int length) {
		double sum0 = 0, sum1 = 0;
		float min = (float) finiteMin;
		float max = (float) finiteMax;
		int finiteInBlock = 0;
		final long[] top = topDigits;
		for (int i = 0; i < length; i++) {
			final float v = values[i];
			if (v - v == 0) {
				if ((i & 1) == 0) sum0 += v;
				else sum1 += v;
				min = v < min ? v : min;
				max = v > max ? v : max;
				finiteInBlock++;
				top[OrderKeys.floatTop(v)]++;
			}
			else if (v != v) nan++;
			else {
				if (v > 0) posInf++;
				else negInf++;
				top[OrderKeys.floatTop(v)]++;
			}
		}
		finiteMin = min;
		finiteMax = max;
		finite += finiteInBlock;
		spanSum.add(sum0 + sum1);
	}

	@Override
	public void endSpan(final int span) {
		spanSums[span] = spanSum;
		spanSum = new CompensatedSum();
	}

	/** @return the workers' summaries combined; the sum added in span order */
	static Summary merge(final List<Summary> parts, final int keyBits, final CompensatedSum[] spanSums) {
		final Summary total = new Summary(keyBits, spanSums);
		for (final Summary s : parts) {
			if (total.topDigits != null) for (int d = 0; d < total.topDigits.length; d++)
				total.topDigits[d] += s.topDigits[d];
			total.finite += s.finite;
			total.nan += s.nan;
			total.posInf += s.posInf;
			total.negInf += s.negInf;
			total.finiteMin = Math.min(total.finiteMin, s.finiteMin);
			total.finiteMax = Math.max(total.finiteMax, s.finiteMax);
		}
		for (final CompensatedSum s : spanSums)
			total.spanSum.add(s);
		return total;
	}

	/**
	 * @param counts {@code counts[v]} voxels have the value {@code v + lowest}
	 * @return the summary of those voxels
	 */
	static Summary ofValueCounts(final long[] counts, final long lowest) {
		final Summary s = new Summary(0, new CompensatedSum[0]);
		long sum = 0;
		for (int v = 0; v < counts.length; v++) {
			if (counts[v] == 0) continue;
			final long value = v + lowest;
			s.finite += counts[v];
			s.finiteMin = Math.min(s.finiteMin, value);
			s.finiteMax = Math.max(s.finiteMax, value);
			sum += counts[v] * value;
		}
		s.spanSum.add(sum);
		return s;
	}

	/** @return the number of values that are not NaN */
	long count() {
		return finite + posInf + negInf;
	}

	/** @return the mean of the finite values, within [finiteMin, finiteMax]; NaN when none */
	double finiteMean() {
		if (finite == 0) return Double.NaN;
		return clampToRange(spanSum.value() / finite);
	}

	double clampToRange(final double v) {
		return Math.max(finiteMin, Math.min(finiteMax, v));
	}

	double minimum() {
		if (negInf > 0) return Double.NEGATIVE_INFINITY;
		if (finite > 0) return finiteMin;
		return posInf > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
	}

	double maximum() {
		if (posInf > 0) return Double.POSITIVE_INFINITY;
		if (finite > 0) return finiteMax;
		return negInf > 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
	}

	/** @return the mean as IEEE arithmetic has it once infinities take part */
	double mean(final double finiteMean) {
		if (posInf > 0 && negInf > 0) return Double.NaN;
		if (posInf > 0) return Double.POSITIVE_INFINITY;
		if (negInf > 0) return Double.NEGATIVE_INFINITY;
		return finiteMean;
	}
}
