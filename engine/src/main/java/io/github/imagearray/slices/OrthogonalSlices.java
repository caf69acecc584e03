package io.github.imagearray.slices;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * The three orthogonal slices of a volume through one point, as vIQA's {@code visualize} shows
 * them: the x-slice (y across, z up), the y-slice (x across, z up) and the z-slice (x across, y up).
 * Slices are views of the volume; nothing is copied. Slice indices count from the end when
 * negative, as in Python ({@code -n <= i < n}).
 * <p>
 * {@code OrthogonalSlices s = OrthogonalSlices.of(volume, 64, -1, 10); RandomAccessibleInterval<T> xSlice = s.panel(0);}
 *
 * @param <T> pixel type
 */
public final class OrthogonalSlices<T> {

	/** For panel i the axes across and up. */
	private static final int[][] PANEL_AXES = { { 1, 2 }, { 0, 2 }, { 0, 1 } };

	private final RandomAccessibleInterval<T> volume;
	private final long[] position;

	private OrthogonalSlices(final RandomAccessibleInterval<T> volume, final long[] position) {
		this.volume = volume;
		this.position = position;
	}

	/**
	 * @param volume a 3D image
	 * @param slices the x, y and z indices, each in {@code [-n, n)} for an axis of n voxels
	 * @return the slices through that point
	 * @throws IllegalArgumentException for an image that is not 3D, a count other than three or an
	 *           index out of range (naming the axis, the value and the allowed range)
	 */
	public static <T> OrthogonalSlices<T> of(final RandomAccessibleInterval<T> volume, final long... slices) {
		if (volume.numDimensions() != 3) throw new IllegalArgumentException("Orthogonal slices need a 3D image, not " +
			volume.numDimensions() + "D.");
		if (slices == null || slices.length != 3) throw new IllegalArgumentException(
			"Give three slice indices (x, y, z), not " + (slices == null ? 0 : slices.length) + ".");
		final long[] position = new long[3];
		for (int d = 0; d < 3; d++)
			position[d] = resolve(Axis.of(d).label(), slices[d], volume.dimension(d));
		return new OrthogonalSlices<>(volume, position);
	}

	/**
	 * @return index {@code i} of an axis of {@code n} voxels as 0-based, counting from the end when
	 *         negative
	 * @throws IllegalArgumentException unless {@code -n <= i < n}
	 */
	public static long resolve(final String axis, final long i, final long n) {
		if (i < -n || i >= n) throw new IllegalArgumentException(axis + " slice " + i + " is out of range: allowed " +
			-n + " to " + (n - 1) + " for " + n + " voxels along " + axis + ".");
		return i < 0 ? n + i : i;
	}

	/** @return the 0-based x, y and z of the point the slices go through */
	public long[] position() {
		return position.clone();
	}

	/**
	 * @param panel 0 for the x-slice, 1 for the y-slice, 2 for the z-slice
	 * @return the slice as a 2D view, its dimension 0 across and dimension 1 up, with a zero origin
	 */
	public RandomAccessibleInterval<T> panel(final int panel) {
		return Views.zeroMin(Views.hyperSlice(volume, panel, volume.min(panel) + position[panel]));
	}

	/** @return the volume axes (0 = x, 1 = y, 2 = z) that panel {@code panel} shows across and up */
	public static int[] panelAxes(final int panel) {
		return PANEL_AXES[panel].clone();
	}

	/** @return the 0-based position along the volume axis {@code axis} */
	public long position(final int axis) {
		return position[axis];
	}
}
