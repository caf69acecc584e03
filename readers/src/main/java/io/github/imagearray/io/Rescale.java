package io.github.imagearray.io;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * The straight line from stored values to the values a file format defines: NIfTI's
 * {@code scl_slope} and {@code scl_inter}, the calibration ImageJ writes into a TIFF's description.
 * The values are {@code slope * stored + intercept} in double precision, as numpy computes them.
 */
final class Rescale {

	private Rescale() {
	}

	/**
	 * @return a read-only float64 view of {@code slope * value + intercept}; the stored values
	 *         themselves for slope 1 and intercept 0
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RandomAccessibleInterval<? extends RealType<?>> view(final RandomAccessibleInterval<? extends RealType<?>> stored,
		final double slope, final double intercept)
	{
		if (slope == 1 && intercept == 0) return stored;
		return Converters.convert((RandomAccessibleInterval<RealType>) (RandomAccessibleInterval) stored, (in, out) -> out
			.setReal(slope * in.getRealDouble() + intercept), new DoubleType());
	}
}
