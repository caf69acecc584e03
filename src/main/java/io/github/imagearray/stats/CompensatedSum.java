package io.github.imagearray.stats;

/**
 * A sum with Neumaier's improved Kahan compensation (A. Neumaier, "Rundungsfehleranalyse einiger
 * Verfahren zur Summation endlicher Summen", ZAMM 54, 1974): the rounding error of every addition
 * is carried along, so the result is as if summed in about twice the precision.
 */
final class CompensatedSum {

	private double sum;
	private double compensation;

	void add(final double value) {
		final double t = sum + value;
		if (!Double.isFinite(t)) {
			// overflow or infinite input: the sum is t, there is no rounding error to carry
			sum = t;
			return;
		}
		if (Math.abs(sum) >= Math.abs(value)) compensation += (sum - t) + value;
		else compensation += (value - t) + sum;
		sum = t;
	}

	void add(final CompensatedSum other) {
		add(other.sum);
		add(other.compensation);
	}

	double value() {
		return Double.isFinite(sum) ? sum + compensation : sum;
	}
}
