package io.github.imagearray.bridge;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
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
