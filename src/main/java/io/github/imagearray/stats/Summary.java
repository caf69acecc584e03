package io.github.imagearray.stats;

import java.util.Arrays;
import java.util.List;

/**
 * First-pass facts about the voxels: counts of finite, NaN and infinite values, the finite
 * minimum and maximum, the sum of the finite values and the counts of the first digit (the top
 * bits) of the non-NaN values' {@link OrderKeys order keys}, for {@link RankSelector}. As a
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
	/**
	 * Counts of the first digit in key order: all workers' in a {@link #merge merged} summary, those
	 * a worker has {@link #spill spilled} in its own; null where there are none.
	 */
	long[] topDigits;
	/**
	 * A worker's counts of the first digit since it last {@link #spill spilled} them, in ints to
	 * keep them in the caches. For 32-bit floats, which take fewer operations that way, counts of
	 * the top raw bits: both are the same buckets of floats ({@link OrderKeys#floatTopOfRawTop}).
	 */
	private final int[] topCounts;
	/**
	 * For 32-bit floats, a second table of the same counts, for every other voxel of the fast path:
	 * where most voxels share a digit (CT air), increments of one count would wait on each other.
	 */
	private final int[] oddTopCounts;
	private long countedSinceSpill;
	private final int topBits;
	private final boolean rawFloatOrder;
	private final int topShift;
	private final CompensatedSum[] spanSums;
	private CompensatedSum spanSum = new CompensatedSum();
	private final boolean[] nonFiniteSpans;
	private boolean nonFiniteInSpan;

	/**
	 * @param kind the voxels' kind, whose order keys are counted
	 * @param topBits the width of the first digit, up to the kind's key bits
	 * @param spanSums shared by all workers of a pass, one slot per span
	 * @param nonFiniteSpans shared by all workers of a pass, one slot per span: set where the span
	 *          holds NaN or infinite values
	 */
	Summary(final PixelKind kind, final int topBits, final CompensatedSum[] spanSums, final boolean[] nonFiniteSpans) {
		this(kind.keyBits(), topBits, kind == PixelKind.FLOAT32, spanSums, nonFiniteSpans);
	}

	private Summary(final int keyBits, final int topBits, final boolean rawFloatOrder, final CompensatedSum[] spanSums,
		final boolean[] nonFiniteSpans)
	{
		this.topCounts = keyBits == 0 ? null : new int[1 << topBits];
		this.oddTopCounts = keyBits != 0 && rawFloatOrder ? new int[1 << topBits] : null;
		this.topBits = topBits;
		this.rawFloatOrder = rawFloatOrder;
		this.topShift = keyBits - topBits;
		this.spanSums = spanSums;
		this.nonFiniteSpans = nonFiniteSpans;
	}

	@Override
	public void accept(final double[] values, final long[] keys, final int length) {
		double sum0 = 0, sum1 = 0;
		double min = finiteMin;
		double max = finiteMax;
		int finiteInBlock = 0;
		final int[] top = topCounts;
		final int shift = topShift;
		final boolean raw = rawFloatOrder;
		final long nonFiniteBefore = nan + posInf + negInf;
		for (int i = 0; i < length; i++) {
			final double v = values[i];
			if (v - v == 0) {
				if ((i & 1) == 0) sum0 += v;
				else sum1 += v;
				min = v < min ? v : min;
				max = v > max ? v : max;
				finiteInBlock++;
				top[raw ? Float.floatToRawIntBits((float) v) >>> shift : (int) (keys[i] >>> shift)]++;
			}
			else if (v != v) nan++;
			else {
				if (v > 0) posInf++;
				else negInf++;
				top[raw ? Float.floatToRawIntBits((float) v) >>> shift : (int) (keys[i] >>> shift)]++;
			}
		}
		finiteMin = min;
		finiteMax = max;
		finite += finiteInBlock;
		spanSum.add(sum0 + sum1);
		if (nan + posInf + negInf > nonFiniteBefore) nonFiniteInSpan = true;
	}

	/**
	 * The fast path for blocks of 32-bit floats that are all finite (the sum of a block of floats
	 * is finite exactly then); other blocks are declined and come through {@link #accept}.
	 */
	@Override
	public boolean acceptFloats(final float[] values, final int from, final int to) {
		final int[] top = topCounts, odd = oddTopCounts;
		final int shift = topShift;
		// four sums, so that no addition waits on the one before. The extremes are tested, not
		// updated, per voxel: (v - min) * (max - v) has its sign bit set exactly where v lies outside
		// [min, max] (the sign of each difference is exact, and a product keeps the sign even when it
		// underflows to -0 or overflows), so all four voxels take one rarely taken branch where four
		// running minima and maxima took eight comparisons (about a third of the pass)
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		float min = finiteMin <= finiteMax ? (float) finiteMin : values[from];
		float max = finiteMin <= finiteMax ? (float) finiteMax : values[from];
		int i = from;
		for (; i + 3 < to; i += 4) {
			final float v0 = values[i], v1 = values[i + 1], v2 = values[i + 2], v3 = values[i + 3];
			s0 += v0;
			s1 += v1;
			s2 += v2;
			s3 += v3;
			final int b0 = Float.floatToRawIntBits(v0), b1 = Float.floatToRawIntBits(v1);
			final int b2 = Float.floatToRawIntBits(v2), b3 = Float.floatToRawIntBits(v3);
			top[b0 >>> shift]++;
			odd[b1 >>> shift]++;
			top[b2 >>> shift]++;
			odd[b3 >>> shift]++;
			if ((Float.floatToRawIntBits((v0 - min) * (max - v0)) | Float.floatToRawIntBits((v1 - min) * (max - v1)) |
				Float.floatToRawIntBits((v2 - min) * (max - v2)) | Float.floatToRawIntBits((v3 - min) * (max - v3))) < 0)
			{
				min = lesser(min, lesser(lesser(v0, v1), lesser(v2, v3)));
				max = greater(max, greater(greater(v0, v1), greater(v2, v3)));
			}
		}
		for (; i < to; i++) {
			final float v = values[i];
			s0 += v;
			min = lesser(min, v);
			max = greater(max, v);
			top[Float.floatToRawIntBits(v) >>> shift]++;
		}
		final double sum = (s0 + s1) + (s2 + s3);
		if (sum - sum != 0) {
			// undone where each was counted: every other voxel of the groups of four in the odd table
			final int grouped = from + ((to - from) & ~3);
			for (int j = from; j < to; j++)
				(j < grouped && (j - from) % 2 == 1 ? odd : top)[Float.floatToRawIntBits(values[j]) >>> shift]--;
			return false;
		}
		finiteMin = min;
		finiteMax = max;
		finite += to - from;
		spanSum.add(sum);
		return true;
	}

	private static float lesser(final float a, final float b) {
		return b < a ? b : a;
	}

	private static float greater(final float a, final float b) {
		return b > a ? b : a;
	}

	@Override
	public void endSpan(final int span) {
		spanSums[span] = spanSum;
		spanSum = new CompensatedSum();
		nonFiniteSpans[span] = nonFiniteInSpan;
		nonFiniteInSpan = false;
		if (topCounts != null && count() - countedSinceSpill >= VoxelSource.SPILL_INT_COUNTS_AT) spill();
	}

	/** Adds the digit counts since the last spill to {@link #topDigits}. */
	private void spill() {
		if (topDigits == null) topDigits = new long[topCounts.length];
		addTopCounts(topDigits);
		Arrays.fill(topCounts, 0);
		if (oddTopCounts != null) Arrays.fill(oddTopCounts, 0);
		countedSinceSpill = count();
	}

	/** Adds the digit counts since the last spill to {@code total}, in key order. */
	private void addTopCounts(final long[] total) {
		final int half = topCounts.length / 2;
		if (!rawFloatOrder) for (int d = 0; d < topCounts.length; d++)
			total[d] += topCounts[d];
		// raw float order: the positive floats, in order, are the upper half of the keys; the negative
		// ones, in reverse, the lower half (OrderKeys.floatTopOfRawTop, a loop without a test per digit)
		else for (int d = 0; d < half; d++) {
			total[half + d] += topCounts[d] + oddTopCounts[d];
			total[half - 1 - d] += topCounts[half + d] + oddTopCounts[half + d];
		}
	}

	/**
	 * @param keyBits the width of the order keys whose first digit counts are merged, or 0 to leave
	 *          them out
	 * @return the workers' summaries combined; the sum added in span order
	 */
	static Summary merge(final List<Summary> parts, final int keyBits, final CompensatedSum[] spanSums) {
		final Summary total = new Summary(0, 0, false, spanSums, null);
		if (keyBits > 0) total.topDigits = new long[1 << RankSelector.firstDigitBits(keyBits)];
		for (final Summary s : parts) {
			if (total.topDigits != null) {
				if (s.topDigits != null) for (int d = 0; d < total.topDigits.length; d++)
					total.topDigits[d] += s.topDigits[d];
				s.addTopCounts(total.topDigits);
			}
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
		final Summary s = new Summary(0, 0, false, new CompensatedSum[0], null);
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

	/**
	 * @param kind the kind whose order keys the {@link #topDigits} count
	 * @return {lo, hi}: the bulk of the finite values, from the first digit that the lowest 1/16384 of
	 *         the values reach to the last one that the highest do, within [finiteMin, finiteMax]; the
	 *         finite range where there are no digit counts or the bulk would be empty
	 */
	double[] bulk(final PixelKind kind) {
		final double min = finiteMin, max = finiteMax;
		if (topDigits == null || !(min < max)) return new double[] { min, max };
		final long tail = count() >> 14;
		final int shift = kind.keyBits() - Integer.numberOfTrailingZeros(topDigits.length);
		// from the digits of the extremes inwards
		int first = (int) (OrderKeys.key(kind, min) >>> shift);
		int last = (int) (OrderKeys.key(kind, max) >>> shift);
		for (long below = topDigits[first]; below <= tail && first < last; below += topDigits[++first]) {
		}
		for (long above = topDigits[last]; above <= tail && last > first; above += topDigits[--last]) {
		}
		final double firstValue = OrderKeys.value(kind, (long) first << shift);
		final double lastValue = OrderKeys.value(kind, ((long) last + 1 << shift) - 1);
		// NaN where a digit holds infinities: comparisons keep the finite range then
		final double lo = firstValue > min ? firstValue : min, hi = lastValue < max ? lastValue : max;
		return lo < hi ? new double[] { lo, hi } : new double[] { min, max };
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
