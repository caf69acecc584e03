package io.github.imagearray.stats;

/**
 * The bins of {@code numpy.histogram(a, bins, range=(lo, hi))}: edges
 * {@code lo + i * ((hi - lo) / bins)} with the last edge exactly {@code hi} (as
 * {@code numpy.linspace}); bin i holds {@code edges[i] <= x < edges[i+1]}, the last bin also
 * {@code x == hi}. As numpy, a value's bin is estimated from {@code (x - lo) * bins / (hi - lo)}
 * and then corrected against the edges, so the edges alone decide. A range of zero width becomes
 * {@code [lo - 0.5, hi + 0.5]}. Set up from the merged first pass; the second pass bins by it.
 */
final class HistogramBinning {

	private final int bins;
	private final double lo;
	private final double norm;
	private final double[] edges;
	/** A bound on the rounding error of the estimate {@code (x - lo) * norm}, in bins. */
	private final double margin;

	HistogramBinning(final int bins, final double min, final double max) {
		this.bins = bins;
		final double lo = min == max ? min - 0.5 : min;
		final double hi = min == max ? max + 0.5 : max;
		this.lo = lo;
		edges = new double[bins + 1];
		final double delta = hi - lo;
		final double step = Double.isInfinite(delta) ? hi / bins - lo / bins : delta / bins;
		for (int i = 0; i < bins; i++)
			edges[i] = step == 0 ? i / (double) bins * delta + lo : i * step + lo;
		edges[bins] = hi;
		final double n = bins / delta;
		norm = Double.isFinite(n) ? n : bins / (hi / 2 - lo / 2) / 2;
		// x - lo, the product and each edge i * step + lo round by at most an ulp of the largest
		// magnitude involved; measured in bins that is ulp * norm, plus the relative error of norm
		final double ulp = Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
		final double m = 8 * (ulp * norm + Math.ulp((double) bins));
		margin = Double.isFinite(n) && m < 0.25 ? m : 1;
	}

	/**
	 * @return the bin of a finite value within the range: where {@code (x - lo) * norm} is farther
	 *         than its rounding error from a whole number its integer part, else found against
	 *         the edges
	 */
	int bin(final double v) {
		final double t = (v - lo) * norm;
		final int b = (int) t;
		final double f = t - b;
		return f > margin && f < 1 - margin && b < bins - 1 ? b : binByEdges(v);
	}

	/** @return the bin of a finite value within the range, as numpy decides it from the edges */
	int binByEdges(final double v) {
		int i = (int) ((v - lo) * norm);
		if (i >= bins) i = bins - 1;
		else if (i < 0) i = 0;
		while (i > 0 && v < edges[i])
			i--;
		while (i < bins - 1 && v >= edges[i + 1])
			i++;
		return i;
	}

	/** The bins of a block of values, as {@link #bin(double)}; -1 for values that are not finite. */
	void bins(final double[] values, final int[] binOf, final int length) {
		for (int i = 0; i < length; i++) {
			final double v = values[i];
			binOf[i] = v - v == 0 ? bin(v) : -1;
		}
	}

	int bins() {
		return bins;
	}

	/** @return edge {@code i} of {@link #bins()} + 1 */
	double edge(final int i) {
		return edges[i];
	}

	double[] edges() {
		return edges.clone();
	}
}
