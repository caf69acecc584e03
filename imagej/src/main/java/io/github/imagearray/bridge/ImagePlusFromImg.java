package io.github.imagearray.bridge;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * The other direction of the bridge: an ImgLib2 image of 2 or 3 dimensions as an ImageJ stack.
 * Unsigned 8- and 16-bit and float images keep their type; every other type becomes 32-bit float
 * (ImageJ has no other), which holds integers up to 2^24 exactly.
 * <p>
 * {@code ImagePlus imp = ImagePlusFromImg.create("ct", img, new double[] {0.5, 0.5, 2}, "mm");}
 */
public final class ImagePlusFromImg {

	private ImagePlusFromImg() {
	}

	/**
	 * @return why the image's values may not be held exactly by an ImageJ stack (its type becomes
	 *         32-bit float), or null where they are
	 */
	public static String conversionWarning(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final RealType<?> type = Util.getTypeFromInterval(img);
		if (type instanceof UnsignedByteType || type instanceof UnsignedShortType || type instanceof FloatType ||
			type instanceof ByteType || type instanceof ShortType) return null;
		final String name = type instanceof DoubleType ? "float64" : type instanceof IntType ? "int32"
			: type instanceof UnsignedIntType ? "uint32" : type instanceof LongType ? "int64"
				: type instanceof UnsignedLongType ? "uint64" : type.getClass().getSimpleName();
		return "ImageJ has no " + name + " images: the voxels become 32-bit float" + (type instanceof DoubleType
			? ", rounded to 7 digits" : ", exact only up to 16,777,216 (2^24)") +
			". The command line and the SciJava commands measure the file in its own type, exactly.";
	}

	/**
	 * @param title the image's title
	 * @param img an image of 2 or 3 dimensions
	 * @param voxelSize its voxel size along x, y (and z)
	 * @param unit the unit of the voxel size
	 * @param virtual whether the planes are read from {@code img} when ImageJ shows or measures them
	 *          (a virtual stack: for images larger than memory) rather than copied at once
	 * @return the image as an ImageJ stack, calibrated
	 */
	public static ImagePlus create(final String title, final RandomAccessibleInterval<? extends RealType<?>> img,
		final double[] voxelSize, final String unit, final boolean virtual)
	{
		if (img.numDimensions() < 2 || img.numDimensions() > 3) throw new IllegalArgumentException(
			"Image must be 2D or 3D.");
		final int w = Math.toIntExact(img.dimension(0)), h = Math.toIntExact(img.dimension(1));
		final int d = img.numDimensions() == 3 ? Math.toIntExact(img.dimension(2)) : 1;
		final ImageStack stack;
		if (virtual) stack = new VirtualStack(w, h, null, null) {

			@Override
			public ImageProcessor getProcessor(final int n) {
				return processor(w, h, pixels(img, n - 1));
			}

			@Override
			public int getSize() {
				return d;
			}

			@Override
			public String getSliceLabel(final int n) {
				return null;
			}
		};
		else {
			stack = new ImageStack(w, h);
			for (int z = 0; z < d; z++)
				stack.addSlice(null, pixels(img, z));
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = voxelSize[0];
		cal.pixelHeight = voxelSize[1];
		cal.pixelDepth = voxelSize.length > 2 ? voxelSize[2] : 1;
		cal.setUnit(unit);
		return imp;
	}

	/** As {@link #create(String, RandomAccessibleInterval, double[], String, boolean)}, copied at once. */
	public static ImagePlus create(final String title, final RandomAccessibleInterval<? extends RealType<?>> img,
		final double[] voxelSize, final String unit)
	{
		return create(title, img, voxelSize, unit, false);
	}

	/** @return the bytes an ImageJ stack of the image takes: 1, 2 or 4 per voxel */
	public static long stackBytes(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final RealType<?> type = Util.getTypeFromInterval(img);
		return Intervals.numElements(img) * (type instanceof UnsignedByteType ? 1
			: type instanceof UnsignedShortType ? 2 : 4);
	}

	/** @return plane {@code z} as ImageJ pixels: bytes, shorts or (any other type) floats */
	private static Object pixels(final RandomAccessibleInterval<? extends RealType<?>> img, final int z) {
		final int n = Math.toIntExact(img.dimension(0) * img.dimension(1));
		final RandomAccessibleInterval<? extends RealType<?>> plane = img.numDimensions() == 3 ? Views.hyperSlice(img, 2,
			img.min(2) + z) : img;
		final RealType<?> type = Util.getTypeFromInterval(img);
		final Cursor<? extends RealType<?>> c = Views.flatIterable(plane).cursor();
		if (type instanceof UnsignedByteType) {
			final byte[] p = new byte[n];
			for (int i = 0; c.hasNext(); i++)
				p[i] = (byte) ((UnsignedByteType) c.next()).get();
			return p;
		}
		if (type instanceof UnsignedShortType) {
			final short[] p = new short[n];
			for (int i = 0; c.hasNext(); i++)
				p[i] = (short) ((UnsignedShortType) c.next()).get();
			return p;
		}
		final float[] p = new float[n];
		for (int i = 0; c.hasNext(); i++)
			p[i] = type instanceof FloatType ? ((FloatType) c.next()).get() : (float) c.next().getRealDouble();
		return p;
	}

	private static ImageProcessor processor(final int w, final int h, final Object pixels) {
		if (pixels instanceof byte[]) return new ByteProcessor(w, h, (byte[]) pixels);
		if (pixels instanceof short[]) return new ShortProcessor(w, h, (short[]) pixels, null);
		return new FloatProcessor(w, h, (float[]) pixels);
	}
}
