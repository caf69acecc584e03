package io.github.imagearray.stats;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.read.ConvertedRandomAccessibleInterval;
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

	/**
	 * @return a read-only view that is true where {@code image} is not zero; the statistics engine
	 *         reads such a mask from the image's own arrays where it can
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static RandomAccessibleInterval<BitType> nonZero(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return new NonZero(image);
	}

	/** The view of {@link #nonZero}, which knows its image. */
	static final class NonZero<T extends RealType<T>> extends ConvertedRandomAccessibleInterval<T, BitType> {

		final RandomAccessibleInterval<T> image;

		NonZero(final RandomAccessibleInterval<T> image) {
			super(image, (in, out) -> out.set(in.getRealDouble() != 0), BitType::new);
			this.image = image;
		}
	}
}
