package io.github.imagearray.stats;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;

/**
 * Masks from images: an image used as a mask counts where it is not zero (NaN counts too), as
 * ImageJ's and numpy's boolean conversions do.
 * <p>
 * {@code Statistics s = new StatisticsCalculator().compute(image, Masks.nonZero(maskImage));}
 */
public final class Masks {

	private Masks() {
	}

	/** @return a read-only view that is true where {@code image} is not zero */
	public static RandomAccessibleInterval<BitType> nonZero(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return Converters.convert(image, (in, out) -> out.set(in.getRealDouble() != 0), new BitType());
	}
}
