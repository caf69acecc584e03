package io.github.imagearray.bridge;

import java.awt.Rectangle;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The voxels of an {@link ImagePlus} that a measurement covers: with an area selection, those
 * inside it on every slice (as Analyze &gt; Measure does), cropped to the selection's bounds; the
 * whole stack otherwise. Its statistics are of the values Measure measures: calibrated, where
 * the image has a calibration function, unless the stored values are asked for.
 * <p>
 * {@code Statistics s = Selection.of(imp).statistics(new StatisticsCalculator());}
 */
public final class Selection {

	private final ImagePlus imp;
	private final RandomAccessibleInterval<? extends RealType<?>> image;
	private final RandomAccessibleInterval<BitType> mask;

	private Selection(final ImagePlus imp, final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<BitType> mask)
	{
		this.imp = imp;
		this.image = image;
		this.mask = mask;
	}

	/**
	 * @param imp an 8-, 16- or 32-bit image, with or without an area selection
	 * @return its selected voxels
	 * @throws IllegalArgumentException as {@link ImagePlusImgs#wrap(ImagePlus)}
	 */
	public static Selection of(final ImagePlus imp) {
		return of(imp, false);
	}

	/**
	 * @param everyPlane true for every channel and frame of a hyperstack
	 *          ({@link ImagePlusImgs#wrapAll}), false for the z stack of the current channel and
	 *          frame
	 */
	public static Selection of(final ImagePlus imp, final boolean everyPlane) {
		return of(imp, everyPlane ? ImagePlusImgs.wrapAll(imp) : ImagePlusImgs.wrap(imp));
	}

	/**
	 * @param channel 1-based
	 * @param frame 1-based
	 * @return the selected voxels of the z stack at that channel and frame
	 */
	public static Selection of(final ImagePlus imp, final int channel, final int frame) {
		return of(imp, ImagePlusImgs.wrap(imp, channel, frame));
	}

	/** @return the voxels of {@code all}, planes of {@code imp}, that its area selection covers */
	private static Selection of(final ImagePlus imp, final RandomAccessibleInterval<? extends RealType<?>> all) {
		final Roi roi = imp.getRoi();
		if (roi == null || !roi.isArea()) return new Selection(imp, all, null);
		final Rectangle r = roi.getBounds().intersection(new Rectangle(imp.getWidth(), imp
			.getHeight()));
		if (r.isEmpty()) throw new IllegalArgumentException("The selection lies outside the image.");
		final long[] min = new long[all.numDimensions()];
		final long[] max = new long[all.numDimensions()];
		all.max(max);
		min[0] = r.x;
		min[1] = r.y;
		max[0] = r.x + r.width - 1L;
		max[1] = r.y + r.height - 1L;
		final RandomAccessibleInterval<? extends RealType<?>> cropped = Views.zeroMin(Views.interval(all,
			new FinalInterval(min, max)));
		final ImageProcessor roiMask = roi.getMask();
		if (roi.getType() == Roi.RECTANGLE && roiMask == null) return new Selection(imp, cropped, null);
		return new Selection(imp, cropped, extend(planeMask(roi, r), all));
	}

	/** The selection's mask over its bounds r (clipped to the image): true inside. */
	private static ArrayImg<BitType, LongArray> planeMask(final Roi roi, final Rectangle r) {
		final ImageProcessor m = roi.getMask();
		final Rectangle b = roi.getBounds();
		final ArrayImg<BitType, LongArray> plane = ArrayImgs.bits(r.width, r.height);
		final RandomAccess<BitType> ra = plane.randomAccess();
		for (int y = 0; y < r.height; y++)
			for (int x = 0; x < r.width; x++) {
				final int mx = r.x + x - b.x, my = r.y + y - b.y;
				ra.setPosition(x, 0);
				ra.setPosition(y, 1);
				ra.get().set(m == null || m.get(mx, my) != 0);
			}
		return plane;
	}

	/** @return the plane's mask repeated along every axis of {@code image} after x and y */
	private static RandomAccessibleInterval<BitType> extend(final RandomAccessibleInterval<BitType> plane,
		final RandomAccessibleInterval<?> image)
	{
		RandomAccessibleInterval<BitType> mask = plane;
		for (int d = 2; d < image.numDimensions(); d++)
			mask = Views.addDimension(mask, 0, image.dimension(d) - 1);
		return mask;
	}

	/** @return the statistics of the selected voxels in the values Measure measures (calibrated) */
	public Statistics statistics(final StatisticsCalculator calculator) {
		return statistics(calculator, false);
	}

	/**
	 * @param raw true for the stored values, false for the calibrated ones ({@link ImagePlusImgs#measuring})
	 * @return the statistics of the selected voxels
	 */
	public Statistics statistics(final StatisticsCalculator calculator, final boolean raw) {
		final StatisticsCalculator measuring = ImagePlusImgs.measuring(calculator, imp, raw);
		return mask == null ? measuring.compute(image) : measuring.compute(image, mask);
	}

	/** @return the selected part of the image (the whole image without an area selection), stored values */
	public RandomAccessibleInterval<? extends RealType<?>> image() {
		return image;
	}

	/** @return true inside a non-rectangular selection, of the size of {@link #image()}; or null */
	public RandomAccessibleInterval<BitType> mask() {
		return mask;
	}
}
