package io.github.imagearray.slices;


/**
 * One display range for several panels: their minimum and maximum, or ImageJ-style automatic
 * contrast that lets 0.35% of the values saturate (half at each end), as
 * {@code Process > Enhance Contrast (saturated=0.35)} does. NaN values are ignored.
 */
public final class DisplayRange {

	/** The fraction of values that automatic contrast lets saturate. */
	public static final double SATURATED = 0.0035;

	private final double min;
	private final double max;

	public DisplayRange(final double min, final double max) {
		this.min = min;
		this.max = max;
	}

	/**
	 * @param values the panels' values, in any order
	 * @param automatic true for saturated contrast, false for minimum and maximum
	 * @return the range; [0, 1] when there is no finite value
	 */
	public static DisplayRange of(final double[] values, final boolean automatic) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		int n = 0;
		for (final double v : values)
			if (Double.isFinite(v)) {
				n++;
				if (v < min) min = v;
				if (v > max) max = v;
			}
		if (n == 0) return new DisplayRange(0, 1);
		if (!automatic) return new DisplayRange(min, max);
		final int cut = (int) (n * SATURATED / 2);
		final double lo = rank(values, cut, 1), hi = -rank(values, cut, -1);
		return lo == hi ? new DisplayRange(min, max) : new DisplayRange(lo, hi);
	}

	/**
	 * @param sign 1 for the k-th smallest finite value, -1 for the k-th largest (negated)
	 * @return the finite value of rank k (0-based) of {@code sign * values}, kept in a max-heap of the
	 *         k + 1 smallest: one comparison for most values, as k is a small share of them (the live
	 *         view redraws at every move; a sort took most of its time)
	 */
	private static double rank(final double[] values, final int k, final double sign) {
		final double[] heap = new double[k + 1];
		int size = 0;
		for (final double value : values) {
			if (!Double.isFinite(value)) continue;
			final double v = sign * value;
			if (size <= k) {
				// sift up
				int i = size++;
				while (i > 0 && heap[(i - 1) / 2] < v) {
					heap[i] = heap[(i - 1) / 2];
					i = (i - 1) / 2;
				}
				heap[i] = v;
			}
			else if (v < heap[0]) {
				// replace the largest of the k + 1 and sift down
				int i = 0;
				while (true) {
					int child = 2 * i + 1;
					if (child > k) break;
					if (child < k && heap[child + 1] > heap[child]) child++;
					if (heap[child] <= v) break;
					heap[i] = heap[child];
					i = child;
				}
				heap[i] = v;
			}
		}
		return heap[0];
	}

	public double min() {
		return min;
	}

	public double max() {
		return max;
	}

	/** @return v mapped to 0..255 (clamped; NaN gives 0) */
	public int toByte(final double v) {
		if (!(v == v)) return 0;
		if (max <= min) return v >= max ? 255 : 0;
		final double t = (v - min) / (max - min);
		return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
	}
}
