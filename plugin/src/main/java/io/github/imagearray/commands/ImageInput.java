package io.github.imagearray.commands;

import ij.ImagePlus;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.bridge.Selection;
import io.github.imagearray.stats.ProgressListener;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The image a SciJava command works on: an ImgLib2 interval or an {@link ImagePlus} (whose area
 * selection, if any, restricts the statistics, and whose calibration function, if any, gives the
 * values measured unless the stored ones are asked for), exactly one of them.
 */
final class ImageInput {

	static final String NONE = "No image: give 'image' (an ImgLib2 image) or 'imp' (an ImagePlus).";
	static final String NO_IMAGE = "No image: give 'image' (an ImgLib2 image).";
	static final String BOTH = "Two images: give either 'image' or 'imp', not both.";

	private ImageInput() {
	}

	/**
	 * @param bins 0 for automatic
	 * @param raw the stored values of an ImagePlus, not its calibrated ones
	 * @throws IllegalArgumentException naming the problem
	 */
	static Statistics statistics(final RandomAccessibleInterval<?> image, final ImagePlus given, final int bins,
		final boolean raw, final ProgressListener progress)
	{
		final ImagePlus imp = imagePlus(image, given);
		final StatisticsCalculator calculator = new StatisticsCalculator().progress(progress).binsOrAutomatic(bins);
		if (imp != null) return Selection.of(imp).statistics(calculator, raw);
		return calculator.compute(real(image));
	}

	/**
	 * @return the unit of the values measured of an ImagePlus ({@link ImagePlusImgs#valueUnit}); null
	 *         for an ImgLib2 image, which carries none
	 */
	static String unit(final RandomAccessibleInterval<?> image, final ImagePlus given, final boolean raw) {
		final ImagePlus imp = imagePlus(image, given);
		return imp == null ? null : ImagePlusImgs.valueUnit(imp, raw);
	}

	/**
	 * @return the ImagePlus to use, or null when the ImgLib2 image is to be used
	 * @throws IllegalArgumentException unless exactly one of them is given
	 */
	static ImagePlus imagePlus(final RandomAccessibleInterval<?> image, final ImagePlus given) {
		// SciJava fills an ImagePlus input nobody gave with an empty one: that is no image
		final ImagePlus imp = given == null || given.getWidth() == 0 ? null : given;
		if (image == null && imp == null) throw new IllegalArgumentException(NONE);
		if (image != null && imp != null) throw new IllegalArgumentException(BOTH);
		return imp;
	}

	/** @return the image as one of real values, or an error naming its pixel type */
	@SuppressWarnings("unchecked")
	static RandomAccessibleInterval<? extends RealType<?>> real(final RandomAccessibleInterval<?> image) {
		if (image == null) throw new IllegalArgumentException(NO_IMAGE);
		if (!(image.getType() instanceof RealType)) throw new IllegalArgumentException("The image's pixels are " +
			image.getType().getClass().getSimpleName() + ", not real numbers.");
		return (RandomAccessibleInterval<? extends RealType<?>>) image;
	}
}
