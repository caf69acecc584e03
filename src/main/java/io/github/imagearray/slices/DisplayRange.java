package io.github.imagearray.slices;

import java.util.Arrays;

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
		final double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
		if (finite.length == 0) return new DisplayRange(0, 1);
		double lo = finite[0], hi = finite[finite.length - 1];
		if (automatic) {
			final int cut = (int) (finite.length * SATURATED / 2);
			lo = finite[cut];
			hi = finite[finite.length - 1 - cut];
			if (lo == hi) {
				lo = finite[0];
				hi = finite[finite.length - 1];
			}
		}
		return new DisplayRange(lo, hi);
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
