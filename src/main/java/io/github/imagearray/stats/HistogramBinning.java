package io.github.imagearray.stats;

/**
 * The bins of {@code numpy.histogram(a, bins, range=(lo, hi))}: edges
 * {@code lo + i * ((hi - lo) / bins)} with the last edge exactly {@code hi} (as
 * {@code numpy.linspace}); bin i holds {@code edges[i] <= x < edges[i+1]}, the last bin also
 * {@code x == hi}. As numpy, a value's bin is estimated from {@code (x - lo) * bins / (hi - lo)}
 * and then corrected against the edges, so the edges alone decide. A range of zero width becomes
 * {@code [lo - 0.5, hi + 0.5]}.
 */
final class HistogramBinning {

	private final int bins;
	private final double lo;
	private final double norm;
	private final double[] edges;

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
	}

	/** @return the bin of a finite value within the range */
	int bin(final double v) {
		int i = (int) ((v - lo) * norm);
		if (i >= bins) i = bins - 1;
		else if (i < 0) i = 0;
		while (i > 0 && v < edges[i])
			i--;
		while (i < bins - 1 && v >= edges[i + 1])
			i++;
		return i;
	}

	int bins() {
		return bins;
	}

	double[] edges() {
		return edges.clone();
	}
}
