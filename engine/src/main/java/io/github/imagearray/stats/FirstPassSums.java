package io.github.imagearray.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The first pass's accumulator: counts of finite, NaN and infinite values, the finite minimum and
 * maximum, the {@link ExactSum exact} sum of the finite values, the counts of the first digit of
 * the non-NaN values' {@link OrderKeys order keys} for {@link RankSelector}, the spans
 * that hold NaN or infinities (so that the second pass checks only those) and, for small images,
 * every key ({@link KeyCollector}). One per worker; {@link #merge} adds another's, in any order.
 */
final class FirstPassSums extends BlockAccumulator<FirstPassSums> {

	private long finite;
	private long nan;
	private long posInf;
	private long negInf;
	private double finiteMin = Double.POSITIVE_INFINITY;
	private double finiteMax = Double.NEGATIVE_INFINITY;
	/** Counts of the first digit in key order, those {@link #spill spilled} so far; null before. */
	private long[] firstDigits;
	/**
	 * The counts of the first digit since the last {@link #spill}, in ints to keep them in the
	 * caches. For 32-bit floats, which take fewer operations that way, counts of the first digit of the raw bits:
	 * both are the same buckets of floats ({@link OrderKeys#keyTopOfRawTop}).
	 */
	private final int[] firstDigitCounts;
	/**
	 * For 32-bit floats, a second lane of the same counts, for every other voxel of the fast path:
	 * where most voxels share a digit (CT air), increments of one count would wait on each other.
	 */
	private final int[] oddLaneCounts;
	private long countedSinceSpill;
	private final int firstDigitBits;
	private final boolean rawFloatOrder;
	private final int firstDigitShift;
	private final ExactSum sum;
	/** The spans that hold NaN or infinite values. */
	private final BitSet nonFiniteSpans;
	private int span;
	private boolean nonFiniteInSpan;
	/** Every non-NaN key, for small images ranked by sorting; else null. */
	private final KeyCollector keys;

	/**
	 * @param kind the voxels' kind, whose order keys are counted
	 * @param firstDigitBits the width of the first digit, up to the kind's key bits
	 * @param keys collects the keys of a small image, or null
	 */
	FirstPassSums(final PixelKind kind, final int firstDigitBits, final KeyCollector keys) {
		this(kind, firstDigitBits, keys, new ExactSum(), new BitSet());
	}

	private FirstPassSums(final PixelKind kind, final int firstDigitBits, final KeyCollector keys, final ExactSum sum,
		final BitSet nonFiniteSpans)
	{
		super(kind);
		this.firstDigitCounts = kind.keyBits() == 0 ? null : new int[1 << firstDigitBits];
		this.rawFloatOrder = kind == PixelKind.FLOAT32;
		this.oddLaneCounts = firstDigitCounts != null && rawFloatOrder ? new int[1 << firstDigitBits] : null;
		this.firstDigitBits = firstDigitBits;
		this.firstDigitShift = kind.keyBits() - firstDigitBits;
		this.keys = keys;
		this.sum = sum;
		this.nonFiniteSpans = nonFiniteSpans;
	}

	@Override
	void beginSpan(final int index) {
		span = index;
	}

	@Override
	void accept(final double[] values, final long[] keys, final int length) {
		double sum0 = 0, sum1 = 0;
		double min = finiteMin;
		double max = finiteMax;
		int finiteInBlock = 0;
		final int[] lane = firstDigitCounts;
		final int shift = firstDigitShift;
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
				lane[raw ? Float.floatToRawIntBits((float) v) >>> shift : (int) (keys[i] >>> shift)]++;
			}
			else if (v != v) nan++;
			else {
				if (v > 0) posInf++;
				else negInf++;
				lane[raw ? Float.floatToRawIntBits((float) v) >>> shift : (int) (keys[i] >>> shift)]++;
			}
		}
		finiteMin = min;
		finiteMax = max;
		finite += finiteInBlock;
		sum.add(sum0 + sum1);
		if (nan + posInf + negInf > nonFiniteBefore) nonFiniteInSpan = true;
		if (this.keys != null) this.keys.accept(values, keys, length);
	}

	/**
	 * The fast path for blocks of 32-bit floats that are all finite (the sum of a block of floats
	 * is finite exactly then); other blocks are declined and come through {@link #accept}.
	 */
	@Override
	boolean acceptFloats(final float[] values, final int from, final int to) {
		final int[] lane = firstDigitCounts, odd = oddLaneCounts;
		final int shift = firstDigitShift;
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
			lane[b0 >>> shift]++;
			odd[b1 >>> shift]++;
			lane[b2 >>> shift]++;
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
			lane[Float.floatToRawIntBits(v) >>> shift]++;
		}
		final double sum = (s0 + s1) + (s2 + s3);
		if (sum - sum != 0) {
			// undone where each was counted: every other voxel of the groups of four in the odd lane
			final int grouped = from + ((to - from) & ~3);
			for (int j = from; j < to; j++)
				(j < grouped && (j - from) % 2 == 1 ? odd : lane)[Float.floatToRawIntBits(values[j]) >>> shift]--;
			return false;
		}
		finiteMin = min;
		finiteMax = max;
		finite += to - from;
		this.sum.add(sum);
		if (keys != null) keys.acceptFloats(values, from, to);
		return true;
	}

	private static float lesser(final float a, final float b) {
		return b < a ? b : a;
	}

	private static float greater(final float a, final float b) {
		return b > a ? b : a;
	}

	@Override
	void endSpan(final int index) {
		if (nonFiniteInSpan) nonFiniteSpans.set(index);
		nonFiniteInSpan = false;
		if (firstDigitCounts != null && nonNaN() - countedSinceSpill >= VoxelSource.SPILL_INT_COUNTS_AT) spill();
	}

	/** Adds the digit counts since the last spill to {@link #firstDigits}. */
	private void spill() {
		if (firstDigitCounts == null || firstDigits != null && nonNaN() == countedSinceSpill) return;
		if (firstDigits == null) firstDigits = new long[firstDigitCounts.length];
		addFirstDigitCounts(firstDigits);
		Arrays.fill(firstDigitCounts, 0);
		if (oddLaneCounts != null) Arrays.fill(oddLaneCounts, 0);
		countedSinceSpill = nonNaN();
	}

	/** Adds the digit counts since the last spill to {@code total}, in key order. */
	private void addFirstDigitCounts(final long[] total) {
		final int half = firstDigitCounts.length / 2;
		if (!rawFloatOrder) for (int d = 0; d < firstDigitCounts.length; d++)
			total[d] += firstDigitCounts[d];
		// raw float order: the positive floats, in order, are the upper half of the keys; the negative
		// ones, in reverse, the lower half (OrderKeys.keyTopOfRawTop, a loop without a test per digit)
		else for (int d = 0; d < half; d++) {
			total[half + d] += firstDigitCounts[d] + oddLaneCounts[d];
			total[half - 1 - d] += firstDigitCounts[half + d] + oddLaneCounts[half + d];
		}
	}

	@Override
	public void merge(final FirstPassSums other) {
		if (other.kind() != kind() || other.firstDigitBits != firstDigitBits || (other.keys == null) != (keys == null))
			throw new IllegalArgumentException("First-pass sums of " + other.kind() + " voxels in " + other.firstDigitBits +
				"-bit digits cannot be added to those of " + kind() + " in " + firstDigitBits + "-bit digits.");
		spill();
		// the other's counts added where they are, so that it stays as it was
		if (other.firstDigits != null) for (int d = 0; d < firstDigits.length; d++)
			firstDigits[d] += other.firstDigits[d];
		if (other.firstDigitCounts != null) other.addFirstDigitCounts(firstDigits);
		// this one's int tables still hold none of the voxels that come with the other's
		countedSinceSpill += other.nonNaN();
		finite += other.finite;
		nan += other.nan;
		posInf += other.posInf;
		negInf += other.negInf;
		finiteMin = Math.min(finiteMin, other.finiteMin);
		finiteMax = Math.max(finiteMax, other.finiteMax);
		sum.merge(other.sum);
		nonFiniteSpans.or(other.nonFiniteSpans);
		if (keys != null) keys.merge(other.keys);
	}

	@Override
	public void write(final DataOutput out) throws IOException {
		spill();
		out.writeByte(kind().ordinal());
		out.writeByte(firstDigitBits);
		for (final long n : new long[] { finite, nan, posInf, negInf })
			out.writeLong(n);
		out.writeDouble(finiteMin);
		out.writeDouble(finiteMax);
		sum.write(out);
		BinaryForm.writeCounts(out, firstDigits);
		final long[] spans = nonFiniteSpans.toLongArray();
		out.writeInt(spans.length);
		for (final long word : spans)
			out.writeLong(word);
		out.writeBoolean(keys != null);
		if (keys != null) keys.write(out);
	}

	static FirstPassSums read(final DataInput in) throws IOException {
		final PixelKind kind = BinaryForm.readKind(in);
		final int firstDigitBits = in.readUnsignedByte();
		// a small image's sums count one bit (they rank by sorting), a large one's the selector's first digit
		if (firstDigitBits != 1 && firstDigitBits != RankSelector.firstDigitBits(kind.keyBits())) throw new IOException(
			"First digits of " + firstDigitBits + " bits for " + kind + " voxels.");
		final long[] counts = new long[4];
		for (int i = 0; i < counts.length; i++)
			counts[i] = BinaryForm.count(in.readLong(), "voxels");
		final double min = in.readDouble(), max = in.readDouble();
		final ExactSum sum = ExactSum.read(in);
		final long[] firstDigits = BinaryForm.readCounts(in, 1 << firstDigitBits, "first digit counts");
		final long[] spans = new long[BinaryForm.length(in, Integer.MAX_VALUE / 64 + 1, "spans with NaN")];
		for (int i = 0; i < spans.length; i++)
			spans[i] = in.readLong();
		final KeyCollector keys = in.readBoolean() ? KeyCollector.read(in) : null;
		final FirstPassSums sums = new FirstPassSums(kind, firstDigitBits, keys, sum, BitSet.valueOf(spans));
		sums.finite = counts[0];
		sums.nan = counts[1];
		sums.posInf = counts[2];
		sums.negInf = counts[3];
		sums.finiteMin = min;
		sums.finiteMax = max;
		if (firstDigits != null && firstDigits.length != 1 << firstDigitBits) throw new IOException("First digit counts of " +
			firstDigits.length + " digits for " + firstDigitBits + "-bit digits.");
		sums.firstDigits = firstDigits;
		sums.countedSinceSpill = sums.nonNaN();
		return sums;
	}

	/** @return the counts of the first digit of all voxels added, in key order; null without a table */
	long[] firstDigits() {
		spill();
		return firstDigits;
	}

	/**
	 * @param values the values of a count pass, each once
	 * @param weights how many voxels have each value
	 * @return the sums of those voxels, without digit counts
	 */
	static FirstPassSums ofValues(final double[] values, final long[] weights, final PixelKind kind) {
		final FirstPassSums s = new FirstPassSums(kind, 0, null);
		for (int i = 0; i < values.length; i++) {
			final double v = values[i];
			final long n = weights[i];
			if (v - v == 0) {
				s.finite += n;
				s.finiteMin = Math.min(s.finiteMin, v);
				s.finiteMax = Math.max(s.finiteMax, v);
				s.sum.addMultiple(v, n);
			}
			else if (v != v) s.nan += n;
			else if (v > 0) s.posInf += n;
			else s.negInf += n;
		}
		return s;
	}

	/**
	 * @return {lo, hi}: the bulk of the finite values, from the first digit that the lowest 1/16384 of
	 *         the values reach to the last one that the highest do, within [finiteMin, finiteMax]; the
	 *         finite range where there are no digit counts or the bulk would be empty
	 */
	double[] bulk() {
		final PixelKind kind = kind();
		final long[] firstDigits = firstDigits();
		final double min = finiteMin, max = finiteMax;
		if (firstDigits == null || keys != null || !(min < max)) return new double[] { min, max };
		final long tail = nonNaN() >> 14;
		final int shift = kind.keyBits() - Integer.numberOfTrailingZeros(firstDigits.length);
		// from the digits of the extremes inwards
		int first = (int) (OrderKeys.key(kind, min) >>> shift);
		int last = (int) (OrderKeys.key(kind, max) >>> shift);
		for (long below = firstDigits[first]; below <= tail && first < last; below += firstDigits[++first]) {
		}
		for (long above = firstDigits[last]; above <= tail && last > first; above += firstDigits[--last]) {
		}
		final double firstValue = OrderKeys.value(kind, (long) first << shift);
		final double lastValue = OrderKeys.value(kind, ((long) last + 1 << shift) - 1);
		// NaN where a digit holds infinities: comparisons keep the finite range then
		final double lo = firstValue > min ? firstValue : min, hi = lastValue < max ? lastValue : max;
		return lo < hi ? new double[] { lo, hi } : new double[] { min, max };
	}

	/** @return the number of values that are not NaN */
	long nonNaN() {
		return finite + posInf + negInf;
	}

	/** @return the number of finite values */
	long finite() {
		return finite;
	}

	/** @return the number of NaN values */
	long nan() {
		return nan;
	}

	/** @return the number of values that are +&infin; */
	long posInf() {
		return posInf;
	}

	/** @return the number of values that are -&infin; */
	long negInf() {
		return negInf;
	}

	/** @return the smallest finite value; +&infin; when none */
	double finiteMin() {
		return finiteMin;
	}

	/** @return the largest finite value; -&infin; when none */
	double finiteMax() {
		return finiteMax;
	}

	/** @return the spans that hold NaN or infinite values */
	BitSet nonFiniteSpans() {
		return nonFiniteSpans;
	}

	/** @return every non-NaN key, sorted as unsigned numbers: for a small image, which collects them */
	long[] sortedKeys() {
		return keys.sorted(kind().keyBits());
	}

	/** @return the mean of the finite values, within [finiteMin, finiteMax]; NaN when none */
	double finiteMean() {
		if (finite == 0) return Double.NaN;
		return clampToRange(sum.value() / finite);
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
