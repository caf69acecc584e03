package io.github.imagearray.display;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

import ij.macro.Interpreter;
import io.github.imagearray.slices.SliceRenderer;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The {@link SliceRenderer} of ImageArray: a {@link SliceFigure}, shown as an ImageJ window when
 * there is a display and no batch mode, exported when asked as PNG (or TIFF, by the file's ending) at
 * the default export scale.
 */
public class ImageJSliceRenderer implements SliceRenderer {

	/** The warning for 2D images, whose slices mean nothing. */
	public static final String SLICES_IGNORED = "The image is 2D: the slices are ignored.";

	private static final Logger LOG = Logger.getLogger(ImageJSliceRenderer.class.getName());

	@Override
	public Path visualize(final RandomAccessibleInterval<? extends RealType<?>> image, final String title,
		final long[] slices, final Path exportPath) throws IOException
	{
		if (image.numDimensions() == 2) LOG.warning(SLICES_IGNORED);
		final SliceFigure style = new SliceFigure();
		if (!GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode()) style.render(image, title, slices).show();
		return exportPath == null ? null : FigureFiles.export(style.renderAtScale(image, title,
			SliceFigure.DEFAULT_EXPORT_SCALE, slices), exportPath);
	}
}
