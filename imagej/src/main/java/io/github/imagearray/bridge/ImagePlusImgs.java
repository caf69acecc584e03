package io.github.imagearray.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import io.github.imagearray.stats.PixelKind;
import io.github.imagearray.stats.PlanesOnDemand;
import io.github.imagearray.stats.StatisticsCalculator;
import io.github.imagearray.stats.ValueTable;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The one bridge from ImageJ 1.x to ImgLib2: wraps the planes of an {@link ImagePlus} stack as a
 * {@link PlanarImg} over the stack's own pixel arrays, without copying; the planes of a virtual
 * (disk-backed) stack are read one at a time when needed, never all at once. 8-bit becomes
 * {@link UnsignedByteType}, 16-bit {@link UnsignedShortType}, 32-bit {@link FloatType}: the values
 * ImageJ stores. Axes are x, y and, when there is more than one slice, z; RGB is refused. The
 * image is only read.
 * <p>
 * ImageJ measures an 8- or 16-bit image with a calibration function (DICOM's rescale, the signed
 * 16-bit offset of 32768, any function of Analyze &gt; Calibrate...) in its calibrated values;
 * {@link #measuring} makes a calculator do the same, exactly, through the function's
 * {@link ValueTable table}.
 * <p>
 * {@code Statistics s = ImagePlusImgs.measuring(new StatisticsCalculator(), imp, false).compute(ImagePlusImgs.wrap(imp));}
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
		return wrap(imp, i -> i + 1, dimensions(imp, imp.getNChannels(), imp.getNSlices(), imp.getNFrames()));
	}

	/**
	 * @param channel 1-based
	 * @return every z slice of every frame of that channel, with axes x, y, z, t (axes of size 1 left out)
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> wrapChannel(final ImagePlus imp, final int channel) {
		check(imp);
		final int depth = imp.getNSlices();
		return wrap(imp, i -> imp.getStackIndex(channel, i % depth + 1, i / depth + 1), dimensions(imp, depth, imp
			.getNFrames()));
	}

	/**
	 * @param channel 1-based
	 * @param frame 1-based
	 * @return the z stack at that channel and frame in the values ImageJ shows: where the image has a
	 *         calibration function, a read-only view of its calibrated values (of {@link LongType}
	 *         where they are all whole numbers, as a mask's or labels' are), else the stored values
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static RandomAccessibleInterval<? extends RealType<?>> wrapCalibrated(final ImagePlus imp,
		final int channel, final int frame)
	{
		final RandomAccessibleInterval<? extends RealType<?>> stored = wrap(imp, channel, frame);
		final ValueTable table = calibration(imp);
		if (table == null) return stored;
		final RandomAccessibleInterval<IntegerType> keys = (RandomAccessibleInterval) stored;
		if (table.wholeNumbers()) return Converters.convert(keys, (in, out) -> out.set((long) table.value(in
			.getIntegerLong())), new LongType());
		return Converters.convert(keys, (in, out) -> out.set(table.value(in.getIntegerLong())), new DoubleType());
	}

	/**
	 * @param raw true to measure the stored values, false for the calibrated ones as ImageJ's Measure
	 * @return the calculator measuring the values of {@code imp} that ImageJ's Measure measures (its
	 *         calibrated values, where it has a calibration function), or its stored values when raw
	 */
	public static StatisticsCalculator measuring(final StatisticsCalculator calculator, final ImagePlus imp,
		final boolean raw)
	{
		return calculator.values(raw ? null : calibration(imp));
	}

	/**
	 * @return the values of an 8- or 16-bit image's calibration function, as ImageJ's Measure takes
	 *         them (its calibration table); null where the stored values are the calibrated ones
	 */
	public static ValueTable calibration(final ImagePlus imp) {
		final float[] calibrated = calibrationTable(imp);
		if (calibrated == null) return null;
		final double[] values = new double[calibrated.length];
		for (int v = 0; v < values.length; v++)
			values[v] = calibrated[v];
		return ValueTable.of(imp.getBitDepth() == 8 ? PixelKind.UINT8 : PixelKind.UINT16, values);
	}

	/** @return whether Measure takes other values of the image than the stored ones ({@link #calibration}) */
	public static boolean isCalibrated(final ImagePlus imp) {
		return calibrationTable(imp) != null;
	}

	/** @return ImageJ's calibration table of an 8- or 16-bit image (which ImageJ keeps), or null */
	private static float[] calibrationTable(final ImagePlus imp) {
		if (imp == null) throw new IllegalArgumentException("No image.");
		final Calibration c = imp.getCalibration();
		final int depth = imp.getBitDepth();
		// a function ImageJ cannot tabulate leaves Measure with the stored values
		return c.calibrated() && (depth == 8 || depth == 16) ? c.getCTable() : null;
	}

	/**
	 * @param raw as {@link #measuring}
	 * @return the unit of the values measured: the calibration's value unit (ImageJ's "Gray Value"
	 *         where it names none), or "raw" for the stored values of a calibrated image
	 */
	public static String valueUnit(final ImagePlus imp, final boolean raw) {
		return raw && isCalibrated(imp) ? "raw" : imp.getCalibration().getValueUnit();
	}

	/**
	 * @return the voxel size of x, y and z (pixel width, height and depth) with the unit, as the
	 *         image's calibration gives them
	 */
	public static VoxelSize voxelSize(final ImagePlus imp) {
		final Calibration c = imp.getCalibration();
		return new VoxelSize(new double[] { c.pixelWidth, c.pixelHeight, c.pixelDepth }, c.getUnit());
	}

	/** @return width, height and those of the counts (channels, slices, frames) above 1 */
	private static long[] dimensions(final ImagePlus imp, final int... counts) {
		final List<Long> dims = new ArrayList<>();
		dims.add((long) imp.getWidth());
		dims.add((long) imp.getHeight());
		for (final int n : counts)
			if (n > 1) dims.add((long) n);
		return dims.stream().mapToLong(Long::longValue).toArray();
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
		return wrap(imp, z -> imp.getStackIndex(channel, z + 1, frame), dimensions(imp, imp.getNSlices()));
	}

	/**
	 * @param stackIndex the 1-based stack index of plane i of the result
	 */
	private static RandomAccessibleInterval<? extends RealType<?>> wrap(final ImagePlus imp,
		final IntUnaryOperator stackIndex, final long[] dims)
	{
		// planes are fetched when read: a virtual stack loads them from disk one at a time
		final ImageStack stack = imp.getStack();
		final IntFunction<Object> plane = i -> stack.getPixels(stackIndex.applyAsInt(i));
		switch (imp.getBitDepth()) {
			case 8:
				return PlanesOnDemand.<UnsignedByteType, ByteArray> create(dims, i -> new ByteArray((byte[]) plane
					.apply(i)), UnsignedByteType::new);
			case 16:
				return PlanesOnDemand.<UnsignedShortType, ShortArray> create(dims, i -> new ShortArray((short[]) plane
					.apply(i)), UnsignedShortType::new);
			case 32:
				return PlanesOnDemand.<FloatType, FloatArray> create(dims, i -> new FloatArray((float[]) plane.apply(i)),
					FloatType::new);
			default:
				throw new IllegalArgumentException("Unsupported bit depth: " + imp.getBitDepth());
		}
	}
}
