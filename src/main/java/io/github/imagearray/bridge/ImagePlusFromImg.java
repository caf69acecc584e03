package io.github.imagearray.bridge;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
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

	public static ImagePlus create(final String title, final RandomAccessibleInterval<? extends RealType<?>> img,
		final double[] voxelSize, final String unit)
	{
		if (img.numDimensions() < 2 || img.numDimensions() > 3) throw new IllegalArgumentException(
			"Image must be 2D or 3D.");
		final int w = Math.toIntExact(img.dimension(0)), h = Math.toIntExact(img.dimension(1));
		final int d = img.numDimensions() == 3 ? Math.toIntExact(img.dimension(2)) : 1;
		final RealType<?> type = Util.getTypeFromInterval(img);
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < d; z++) {
			final RandomAccessibleInterval<? extends RealType<?>> plane = img.numDimensions() == 3 ? Views.hyperSlice(img,
				2, img.min(2) + z) : img;
			final Cursor<? extends RealType<?>> c = Views.flatIterable(plane).cursor();
			if (type instanceof UnsignedByteType) {
				final byte[] p = new byte[w * h];
				for (int i = 0; c.hasNext(); i++)
					p[i] = (byte) ((UnsignedByteType) c.next()).get();
				stack.addSlice(null, p);
			}
			else if (type instanceof UnsignedShortType) {
				final short[] p = new short[w * h];
				for (int i = 0; c.hasNext(); i++)
					p[i] = (short) ((UnsignedShortType) c.next()).get();
				stack.addSlice(null, p);
			}
			else {
				final float[] p = new float[w * h];
				for (int i = 0; c.hasNext(); i++)
					p[i] = type instanceof FloatType ? ((FloatType) c.next()).get() : (float) c.next().getRealDouble();
				stack.addSlice(null, p);
			}
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = voxelSize[0];
		cal.pixelHeight = voxelSize[1];
		cal.pixelDepth = voxelSize.length > 2 ? voxelSize[2] : 1;
		cal.setUnit(unit);
		return imp;
	}
}
