package io.github.imagearray.plugins;

import java.awt.AWTEvent;
import java.awt.Choice;
import java.awt.TextField;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Vector;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.DialogListener;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.slices.Axis;
import io.github.imagearray.slices.Contrast;
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
	private ImagePlus preview;

	@Override
	public void run(final String arg) {
		source = ActiveImage.get(COMMAND);
		if (source == null) return;
		try {
			volume = ImagePlusImgs.wrap(source);
			// refuses 2D images and bad voxel sizes before the dialog
			figure(source, volume, Contrast.AUTOMATIC, null);
		}
		catch (final IllegalArgumentException e) {
			Messages.error(COMMAND, e.getMessage());
			return;
		}
		final GenericDialog gd = new GenericDialog(COMMAND);
		for (int d = 0; d < 3; d++)
			gd.addSlider(Axis.of(d).label(), 0, volume.dimension(d) - 1, volume.dimension(d) / 2);
		gd.addChoice("Contrast", Contrast.labels(), Contrast.AUTOMATIC.label());
		gd.addChoice("LUT", IJ.getLuts(), "Grays");
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
			final ImagePlus figure = process(source, slices, Contrast.named(gd.getNextChoice()), gd.getNextChoice(),
				export.isEmpty() ? null : Paths.get(export));
			if (!Interpreter.isBatchMode()) show(figure);
		});
	}

	@Override
	public boolean dialogItemChanged(final GenericDialog gd, final AWTEvent e) {
		if (IJ.isMacro()) return true;
		final Vector<?> fields = gd.getNumericFields();
		final long[] slices = new long[3];
		for (int d = 0; d < 3; d++) {
			try {
				slices[d] = (long) Double.parseDouble(((TextField) fields.get(d)).getText().trim());
			}
			catch (final NumberFormatException ex) {
				return false;
			}
		}
		final Vector<?> choices = gd.getChoices();
		try {
			show(figure(source, volume, Contrast.named(((Choice) choices.get(0)).getSelectedItem()), ((Choice) choices
				.get(1)).getSelectedItem()).render(volume, source.getTitle(), slices));
			return true;
		}
		catch (final IllegalArgumentException ex) {
			IJ.showStatus(ex.getMessage());
			return false;
		}
	}

	/** @return the figure's style for {@code imp}: its voxel size, the contrast and LUT chosen */
	private static SliceFigure figure(final ImagePlus imp, final RandomAccessibleInterval<?> volume,
		final Contrast contrast, final String lut)
	{
		if (volume.numDimensions() != 3) throw new IllegalArgumentException(
			"The image is 2D; orthogonal slices need a stack.");
		return new SliceFigure().voxelSize(ImagePlusImgs.voxelSize(imp).size()).contrast(contrast).lut(lut);
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

	/** The figure behind the command with automatic contrast and grey, as {@link #process(ImagePlus, long[], Contrast, String, Path)}. */
	public static ImagePlus process(final ImagePlus imp, final long[] slices, final Path export)
		throws IOException
	{
		return process(imp, slices, Contrast.AUTOMATIC, null, export);
	}

	/**
	 * The figure behind the command, without any window: rendered with the image's voxel size, the
	 * contrast and LUT, and exported when {@code export} is given.
	 * <p>
	 * {@code ImagePlus f = OrthogonalSlicesPlugin.process(imp, new long[] { 64, 64, -1 }, Contrast.MIN_MAX, "Fire", null);}
	 *
	 * @param lut an ImageJ LUT's name, or null for grey
	 * @throws IllegalArgumentException for slices out of range, an unknown LUT, RGB and 2D images
	 */
	public static ImagePlus process(final ImagePlus imp, final long[] slices, final Contrast contrast,
		final String lut, final Path export) throws IOException
	{
		final RandomAccessibleInterval<? extends RealType<?>> volume = ImagePlusImgs.wrap(imp);
		final ImagePlus figure = figure(imp, volume, contrast, lut).render(volume, imp.getTitle(), slices);
		if (export != null) SliceFigure.export(figure, export);
		return figure;
	}
}
