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
import io.github.imagearray.bridge.VoxelSize;
import io.github.imagearray.display.FigureFiles;
import io.github.imagearray.display.SliceFigure;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * vIQA's orthogonal slices as a SciJava command: renders the figure (headless too) at a scale
 * (default 4, 300 dpi) or width, optionally with a scale bar, and exports it as PNG or TIFF. No
 * menu entry (the ImageJ 1.x command is the menu one).
 * <p>
 * {@code commandService.run(OrthogonalSlicesCommand.class, true, "image", img, "x", 64L, "y", 64L, "z", -1L, "scale", 4.0, "export", file)}
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

	@Parameter(required = false, description = "a directory, a .png or a .tif file")
	private File export;

	// not remembered between runs: a script that leaves them out gets the defaults, not the last values
	@Parameter(required = false, persist = false,
		description = "export pixels per screen pixel; 4 writes 300 dpi, vIQA's resolution")
	private double scale = SliceFigure.DEFAULT_EXPORT_SCALE;

	@Parameter(required = false, persist = false,
		description = "the export's width in pixels instead of a scale (0: by the scale)")
	private int width;

	@Parameter(required = false, persist = false, label = "Scale bar", description = "a scale bar in calibrated units")
	private boolean scaleBar;

	@Parameter(required = false, persist = false, choices = { "png", "tiff" },
		description = "the format of a file written into a directory")
	private String format = "png";

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus figure;

	@Parameter(type = ItemIO.OUTPUT)
	private File file;

	@Override
	public void run() {
		CommandFailures.run(this, () -> {
			final ImagePlus given = ImageInput.imagePlus(image, imp);
			final RandomAccessibleInterval<? extends RealType<?>> volume = given == null ? ImageInput.real(image)
				: ImagePlusImgs.wrap(given);
			SliceFigure style = new SliceFigure().scaleBar(scaleBar);
			if (given != null) {
				final VoxelSize voxel = ImagePlusImgs.voxelSize(given);
				style = style.voxelSize(voxel.size()).unit(voxel.unit());
			}
			if (volume.numDimensions() != 3) throw new IllegalArgumentException(
				"Orthogonal slices need a 3D image, not " + volume.numDimensions() + "D.");
			if (width < 0) throw new IllegalArgumentException("The width must be 0 (by the scale) or more pixels, not " +
				width + ".");
			figure = style.renderAtScale(volume, given == null ? "image" : given.getTitle(), width > 0 ? style.scaleForWidth(
				volume, width) : scale, x, y, z);
			if (export != null) file = FigureFiles.export(figure, export.toPath(), format).toFile();
		});
	}
}
