package io.github.imagearray.commands;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.display.SliceFigure;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * vIQA's orthogonal slices as a SciJava command: renders the figure (headless too) and exports it
 * as PNG. No menu entry (the ImageJ 1.x command is the menu one).
 * <p>
 * {@code commandService.run(OrthogonalSlicesCommand.class, true, "image", img, "x", 64L, "y", 64L, "z", -1L, "export", file)}
 */
@Plugin(type = Command.class, headless = true, label = "ImageArray Orthogonal Slices")
public class OrthogonalSlicesCommand extends ContextCommand {

	@Parameter(required = false, description = "a 3D ImgLib2 image of real values")
	private RandomAccessibleInterval<?> image;

	@Parameter(required = false, description = "an ImageJ stack; its calibration gives the voxel size")
	private ImagePlus imp;

	@Parameter
	private long x;

	@Parameter
	private long y;

	@Parameter
	private long z;

	@Parameter(required = false, description = "a directory or a .png file")
	private File export;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus figure;

	@Parameter(type = ItemIO.OUTPUT)
	private File file;

	@Override
	public void run() {
		try {
			final ImagePlus given = ImageInput.imagePlus(image, imp);
			final RandomAccessibleInterval<? extends RealType<?>> volume = given == null ? ImageInput.real(image)
				: ImagePlusImgs.wrap(given);
			final SliceFigure style = given == null ? new SliceFigure() : new SliceFigure().voxelSize(ImagePlusImgs
				.voxelSize(given).size());
			if (volume.numDimensions() != 3) throw new IllegalArgumentException(
				"Orthogonal slices need a 3D image, not " + volume.numDimensions() + "D.");
			figure = style.render(volume, given == null ? "image" : given.getTitle(), x, y, z);
			if (export != null) file = SliceFigure.export(figure, export.toPath()).toFile();
		}
		catch (final IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
		}
	}
}
