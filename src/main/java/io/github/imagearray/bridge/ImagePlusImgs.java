package io.github.imagearray.bridge;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * The one bridge from ImageJ 1.x to ImgLib2: wraps the planes of an {@link ImagePlus} stack as a
 * {@link PlanarImg} over the stack's own pixel arrays, without copying. 8-bit becomes
 * {@link UnsignedByteType}, 16-bit {@link UnsignedShortType} (signed 16-bit images, which ImageJ
 * stores with an offset of 32768, a read-only {@link ShortType} view), 32-bit {@link FloatType}.
 * Axes are x, y and, when there is more than one slice, z; RGB is refused. The image is only
 * read.
 * <p>
 * {@code RandomAccessibleInterval<? extends RealType<?>> img = ImagePlusImgs.wrap(imp);}
 */
public final class ImagePlusImgs {

	/** The message for RGB images. */
	public static final String RGB_REFUSED = "RGB images have no single value per pixel: convert them " +
		"(Image > Type > 8-bit or 32-bit) or split the channels (Image > Color > Split Channels) first.";

	private ImagePlusImgs() {
	}

	/**
	 * @param imp an 8-, 16- or 32-bit image
	 * @return its z stack at the current channel and frame, as an image of 2 or 3 dimensions
	 * @throws IllegalArgumentException for RGB and for an image without pixels
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> wrap(final ImagePlus imp) {
		if (imp == null) throw new IllegalArgumentException("No image.");
		return wrap(imp, imp.getChannel(), imp.getFrame());
	}

	/**
	 * @param imp an 8-, 16- or 32-bit image
	 * @return every plane of the hyperstack with axes x, y, c, z, t (ImageJ's own order), axes of
	 *         size 1 left out
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> wrapAll(final ImagePlus imp) {
		check(imp);
		final ImageStack stack = imp.getStack();
		final List<Object> planes = new ArrayList<>(stack.getSize());
		for (int i = 1; i <= stack.getSize(); i++)
			planes.add(stack.getPixels(i));
		final List<Long> dims = new ArrayList<>();
		dims.add((long) imp.getWidth());
		dims.add((long) imp.getHeight());
		for (final int n : new int[] { imp.getNChannels(), imp.getNSlices(), imp.getNFrames() })
			if (n > 1) dims.add((long) n);
		return wrap(imp, planes, dims.stream().mapToLong(Long::longValue).toArray());
	}

	/**
	 * @return the voxel size of x, y and z (pixel width, height and depth) with the unit, as the
	 *         image's calibration gives them
	 */
	public static VoxelSize voxelSize(final ImagePlus imp) {
		final ij.measure.Calibration c = imp.getCalibration();
		return new VoxelSize(new double[] { c.pixelWidth, c.pixelHeight, c.pixelDepth }, c.getUnit());
	}

	private static void check(final ImagePlus imp) {
		if (imp == null) throw new IllegalArgumentException("No image.");
		if (imp.getType() == ImagePlus.COLOR_RGB) throw new IllegalArgumentException(RGB_REFUSED);
		if (imp.getStack() == null || imp.getStack().getSize() == 0 || imp.getWidth() == 0)
			throw new IllegalArgumentException("The image has no pixels.");
	}

	/**
	 * @param channel 1-based channel
	 * @param frame 1-based frame
	 * @return the z stack at that channel and frame
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> wrap(final ImagePlus imp, final int channel,
		final int frame)
	{
		check(imp);
		final ImageStack stack = imp.getStack();
		final int depth = imp.getNSlices();
		final List<Object> planes = new ArrayList<>(depth);
		for (int z = 1; z <= depth; z++)
			planes.add(stack.getPixels(imp.getStackIndex(channel, z, frame)));
		final long[] dims = depth > 1 ? new long[] { imp.getWidth(), imp.getHeight(), depth } : new long[] { imp
			.getWidth(), imp.getHeight() };
		return wrap(imp, planes, dims);
	}

	private static RandomAccessibleInterval<? extends RealType<?>> wrap(final ImagePlus imp,
		final List<Object> planes, final long[] dims)
	{
		final Object first = planes.get(0);
		if (first instanceof byte[]) return bytes(planes, dims);
		if (first instanceof short[]) {
			final PlanarImg<UnsignedShortType, ShortArray> raw = shorts(planes, dims);
			if (!imp.getCalibration().isSigned16Bit()) return raw;
			return Converters.convert((RandomAccessibleInterval<UnsignedShortType>) raw, (in, out) -> out.set(
				(short) (in.get() - 32768)), new ShortType());
		}
		if (first instanceof float[]) return floats(planes, dims);
		throw new IllegalArgumentException("Unsupported pixel array: " + first.getClass().getSimpleName());
	}

	private static PlanarImg<UnsignedByteType, ByteArray> bytes(final List<Object> planes, final long[] dims) {
		final List<ByteArray> access = new ArrayList<>();
		for (final Object p : planes)
			access.add(new ByteArray((byte[]) p));
		final PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(access, dims, new Fraction());
		img.setLinkedType(new UnsignedByteType(img));
		return img;
	}

	private static PlanarImg<UnsignedShortType, ShortArray> shorts(final List<Object> planes, final long[] dims) {
		final List<ShortArray> access = new ArrayList<>();
		for (final Object p : planes)
			access.add(new ShortArray((short[]) p));
		final PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(access, dims, new Fraction());
		img.setLinkedType(new UnsignedShortType(img));
		return img;
	}

	private static PlanarImg<FloatType, FloatArray> floats(final List<Object> planes, final long[] dims) {
		final List<FloatArray> access = new ArrayList<>();
		for (final Object p : planes)
			access.add(new FloatArray((float[]) p));
		final PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(access, dims, new Fraction());
		img.setLinkedType(new FloatType(img));
		return img;
	}
}
