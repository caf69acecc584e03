package io.github.imagearray.plugins;

import java.awt.AWTEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.DialogListener;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.slices.Axis;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * {@code Analyze > ImageArray > ImageArray Orthogonal Slices...}: vIQA's three orthogonal slices
 * of the active stack in one window, redrawn live while the x, y and z sliders move, optionally
 * exported as PNG; contrast (automatic or min-max) and LUT can be chosen. Macro:
 * {@code run("ImageArray Orthogonal Slices...", "x=64 y=64 z=-1 contrast=Automatic lut=Grays export=/tmp");}
 */
public class OrthogonalSlicesPlugin implements PlugIn, DialogListener {

	static final String COMMAND = "ImageArray Orthogonal Slices";

	private ImagePlus source;
	private RandomAccessibleInterval<? extends RealType<?>> volume;
	private SliceFigure figureStyle;
	private ImagePlus preview;

	@Override
	public void run(final String arg) {
		source = ActiveImage.get(COMMAND);
		if (source == null) return;
		try {
			volume = ImagePlusImgs.wrap(source);
			figureStyle = new SliceFigure().voxelSize(ImagePlusImgs.voxelSize(source).size());
		}
		catch (final IllegalArgumentException e) {
			Messages.error(COMMAND, e.getMessage());
			return;
		}
		if (volume.numDimensions() != 3) {
			Messages.error(COMMAND, "The image is 2D; orthogonal slices need a stack.");
			return;
		}
		final GenericDialog gd = new GenericDialog(COMMAND);
		for (int d = 0; d < 3; d++)
			gd.addSlider(Axis.of(d).label(), 0, volume.dimension(d) - 1, volume.dimension(d) / 2);
		gd.addChoice("Contrast", CONTRAST, CONTRAST[0]);
		gd.addChoice("LUT", ij.IJ.getLuts(), "Grays");
		gd.addStringField("Export", "", 30);
		gd.addMessage("Export: a directory or a .png file; empty for none.");
		gd.addDialogListener(this);
		if (!IJ.isMacro()) dialogItemChanged(gd, null);
		gd.showDialog();
		if (gd.wasCanceled()) {
			if (preview != null) preview.close();
			return;
		}
		final long[] slices = { (long) gd.getNextNumber(), (long) gd.getNextNumber(), (long) gd.getNextNumber() };
		final String export = gd.getNextString().trim();
		Messages.run(COMMAND, () -> {
			figureStyle = style(gd.getNextChoice(), gd.getNextChoice());
			final ImagePlus figure = figureStyle.render(volume, source.getTitle(), slices);
			if (!export.isEmpty()) SliceFigure.export(figure, Paths.get(export));
			if (!Interpreter.isBatchMode()) show(figure);
		});
	}

	@Override
	public boolean dialogItemChanged(final GenericDialog gd, final AWTEvent e) {
		if (IJ.isMacro()) return true;
		final java.util.Vector<?> fields = gd.getNumericFields();
		final long[] slices = new long[3];
		for (int d = 0; d < 3; d++) {
			try {
				slices[d] = (long) Double.parseDouble(((java.awt.TextField) fields.get(d)).getText().trim());
			}
			catch (final NumberFormatException ex) {
				return false;
			}
		}
		final java.util.Vector<?> choices = gd.getChoices();
		try {
			figureStyle = style(((java.awt.Choice) choices.get(0)).getSelectedItem(), ((java.awt.Choice) choices.get(1))
				.getSelectedItem());
			show(figureStyle.render(volume, source.getTitle(), slices));
			return true;
		}
		catch (final IllegalArgumentException ex) {
			IJ.showStatus(ex.getMessage());
			return false;
		}
	}

	/** The choices of display range: ImageJ-style automatic contrast or minimum to maximum. */
	static final String[] CONTRAST = { "Automatic", "Min-max" };

	private SliceFigure style(final String contrast, final String lut) {
		return new SliceFigure().voxelSize(ImagePlusImgs.voxelSize(source).size()).automaticContrast(!CONTRAST[1]
			.equals(contrast)).lut(lut);
	}

	/** Shows the figure in the preview window, creating it the first time. */
	private void show(final ImagePlus figure) {
		if (preview == null || preview.getWindow() == null) {
			preview = figure;
			preview.show();
		}
		else {
			preview.setProcessor(figure.getProcessor());
			preview.setOverlay(figure.getOverlay());
			preview.setTitle(figure.getTitle());
		}
	}

	/**
	 * The figure behind the command, without any window: rendered with the image's voxel size and
	 * exported when {@code export} is given.
	 *
	 * @throws IllegalArgumentException for slices out of range, RGB and 2D images
	 */
	public static ImagePlus process(final ImagePlus imp, final long[] slices, final Path export)
		throws IOException
	{
		final RandomAccessibleInterval<? extends RealType<?>> volume = ImagePlusImgs.wrap(imp);
		if (volume.numDimensions() != 3) throw new IllegalArgumentException(
			"The image is 2D; orthogonal slices need a stack.");
		final ImagePlus figure = new SliceFigure().voxelSize(ImagePlusImgs.voxelSize(imp).size()).render(volume, imp
			.getTitle(), slices);
		if (export != null) SliceFigure.export(figure, export);
		return figure;
	}
}
