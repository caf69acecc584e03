package io.github.imagearray.slices;

import java.io.IOException;
import java.nio.file.Path;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Draws vIQA's figure of an image: for 3D, the three orthogonal slices; for 2D, the image. The
 * core has no window toolkit, so the renderer is found with {@link java.util.ServiceLoader}; the
 * ImageJ one ships in the same jar.
 */
public interface SliceRenderer {

	/**
	 * @param image a 2D or 3D image
	 * @param title names the figure and the exported file
	 * @param slices x, y and z (negative: from the end); ignored, with a warning, for 2D
	 * @param exportPath a directory or a .png file to write the figure to, or null
	 * @return the file written, or null
	 * @throws IllegalArgumentException for images that are not 2D or 3D and slices out of range
	 */
	Path visualize(RandomAccessibleInterval<? extends RealType<?>> image, String title, long[] slices,
		Path exportPath) throws IOException;
}
