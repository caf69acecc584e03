package io.github.imagearray.io;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.util.Util;

/**
 * An image file as its reader opened it: the voxels (read when needed), the voxel size along x, y
 * and z that the file records (1 where it records none) and the format it was read as. Immutable.
 * <p>
 * {@code ImageFile ct = ImageFiles.read(Paths.get("ct.mhd"), OpenOptions.NONE); double dz = ct.voxelSize()[2];}
 */
public final class ImageFile {

	private final ImageFormat format;
	private final RandomAccessibleInterval<? extends RealType<?>> image;
	private final double[] voxelSize;

	/**
	 * @param format the format read
	 * @param voxelSize the voxel size of the first dimensions; those not given are 1
	 */
	ImageFile(final ImageFormat format, final RandomAccessibleInterval<? extends RealType<?>> image,
		final double[] voxelSize)
	{
		this.format = format;
		this.image = image;
		this.voxelSize = new double[] { 1, 1, 1 };
		System.arraycopy(voxelSize, 0, this.voxelSize, 0, Math.min(3, voxelSize.length));
	}

	/** @return the voxels, in the file's own pixel type (float64 where the format defines a rescale) */
	public RandomAccessibleInterval<? extends RealType<?>> image() {
		return image;
	}

	/** @return the voxel size along x, y and z */
	public double[] voxelSize() {
		return voxelSize.clone();
	}

	/** @return the format the file was read as */
	public ImageFormat format() {
		return format;
	}

	/** @return the format, the size and the pixel type: "NIfTI-1, 64 x 64 x 30, FloatType" */
	public String description() {
		final StringBuilder size = new StringBuilder();
		for (final long d : Intervals.dimensionsAsLongArray(image))
			size.append(size.length() == 0 ? "" : " x ").append(d);
		return format.name() + ", " + size + ", " + Util.getTypeFromInterval(image).getClass().getSimpleName() + ", voxel size " +
			Arrays.toString(voxelSize);
	}
}
