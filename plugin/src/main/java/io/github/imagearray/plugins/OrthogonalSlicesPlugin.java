package io.github.imagearray.plugins;

import java.awt.AWTEvent;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Scrollbar;
import java.awt.TextField;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Vector;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.DialogListener;
import ij.gui.GUI;
import ij.gui.GenericDialog;
import ij.gui.NonBlockingGenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.bridge.VoxelSize;
import io.github.imagearray.display.FigureFiles;
import io.github.imagearray.display.OrthogonalView;
import io.github.imagearray.display.SliceFigure;
import io.github.imagearray.slices.Axis;
import io.github.imagearray.slices.Contrast;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * {@code Analyze > ImageArray > ImageArray Orthogonal Slices...}: vIQA's three orthogonal slices
 * of the active stack in a live window ({@link OrthogonalView}: click, wheel, arrow keys), with a
 * dialog beside it whose x, y and z sliders follow the window and move it; contrast (automatic or
 * min-max), LUT, and an export at print quality: PNG or TIFF at a scale (default 4, 300 dpi) or a
 * width in pixels, optionally with a scale bar. Macro:
 * {@code run("ImageArray Orthogonal Slices...", "x=64 y=64 z=-1 contrast=Automatic lut=Grays scale=4 width=0 scale_bar format=PNG export=/tmp");}
 */
public class OrthogonalSlicesPlugin implements PlugIn, DialogListener {

	static final String COMMAND = "ImageArray Orthogonal Slices";
	private static final String[] FORMATS = { "PNG", "TIFF" };
	/** Space between the window and the dialog beside it. */
	private static final int BESIDE = 8;

	private ImagePlus source;
	private OrthogonalView view;

	@Override
	public void run(final String arg) {
		Messages.run(COMMAND, () -> {
			source = ActiveImage.get();
			final RandomAccessibleInterval<? extends RealType<?>> volume = ImagePlusImgs.wrap(source);
			// refuses 2D images and bad voxel sizes before the dialog
			OrthogonalView.requireStack(volume);
			style(source, Contrast.AUTOMATIC, null, false);
			final boolean live = !IJ.isMacro() && !GraphicsEnvironment.isHeadless();
			final GenericDialog gd = live ? new NonBlockingGenericDialog(COMMAND) : new GenericDialog(COMMAND);
			for (int d = 0; d < 3; d++)
				gd.addSlider(Axis.of(d).label(), 0, volume.dimension(d) - 1, volume.dimension(d) / 2);
			gd.addChoice("Contrast", Contrast.labels(), Contrast.AUTOMATIC.label());
			gd.addChoice("LUT", IJ.getLuts(), "Grays");
			gd.addNumericField("Scale", SliceFigure.DEFAULT_EXPORT_SCALE, 1, 6, "(export pixels per screen pixel)");
			gd.addNumericField("Width", 0, 0, 6, "pixels (0: by the scale)");
			// "Scale_bar" shows as "Scale bar" with the macro key scale_bar (a space would make it "scale")
			gd.addCheckbox("Scale_bar", false);
			gd.addChoice("Format", FORMATS, FORMATS[0]);
			gd.addStringField("Export", "", 30);
			gd.addMessage("Export: a directory (in the format chosen) or a .png or .tif file; empty for none.\n" +
				"Scale 4 writes 300 dpi, vIQA's resolution.");
			ComponentAdapter besideTheWindow = null;
			if (live) {
				view = OrthogonalView.show(source, style(source, Contrast.AUTOMATIC, null, false), volume.dimension(
					0) / 2, volume.dimension(1) / 2, volume.dimension(2) / 2);
				view.onMove(position -> followInDialog(gd, position));
				gd.addDialogListener(this);
				gd.pack();
				placeBeside(gd, view.window().getBounds());
				// ImageJ may still move a new window, and the user may move it: the dialog keeps beside it
				besideTheWindow = new ComponentAdapter() {

					@Override
					public void componentMoved(final ComponentEvent e) {
						placeBeside(gd, e.getComponent().getBounds());
					}

					@Override
					public void componentResized(final ComponentEvent e) {
						placeBeside(gd, e.getComponent().getBounds());
					}
				};
				view.window().addComponentListener(besideTheWindow);
			}
			gd.showDialog();
			if (view != null && view.isOpen()) {
				// the window stays live; the closed dialog follows it no more
				view.window().removeComponentListener(besideTheWindow);
				view.onMove(position -> {});
			}
			if (gd.wasCanceled()) {
				if (view != null) view.close();
				return;
			}
			final long[] slices = { (long) gd.getNextNumber(), (long) gd.getNextNumber(), (long) gd.getNextNumber() };
			final double scale = gd.getNextNumber();
			final double width = gd.getNextNumber();
			final String contrast = gd.getNextChoice(), lut = gd.getNextChoice();
			final boolean scaleBar = gd.getNextBoolean();
			final String format = gd.getNextChoice();
			final String export = gd.getNextString().trim();
			final SliceFigure style = style(source, Contrast.named(contrast), lut, scaleBar);
			final double exportScale = width > 0 ? style.scaleForWidth(volume, checkedWidth(width)) : scale;
			process(source, slices, style, exportScale, export.isEmpty() ? null : Paths.get(export), format);
			if (view != null && view.isOpen()) {
				view.update(style, slices);
			}
			else if (!Interpreter.isBatchMode() && !GraphicsEnvironment.isHeadless()) OrthogonalView.show(source, style,
				slices);
		});
	}

	private static int checkedWidth(final double width) {
		if (width != Math.rint(width) || width > Integer.MAX_VALUE) throw new IllegalArgumentException(
			"The width must be a whole number of pixels, not " + width + ".");
		return (int) width;
	}

	/** Puts the dialog to the right of the window, or to its left, or below it: never over it. */
	private static void placeBeside(final GenericDialog gd, final Rectangle window) {
		final Dimension size = gd.getSize();
		final Rectangle screen = GUI.getScreenBounds(window.getLocation(), true);
		int x = window.x + window.width + BESIDE, y = window.y;
		if (x + size.width > screen.x + screen.width) {
			x = window.x - BESIDE - size.width;
			if (x < screen.x) {
				x = window.x;
				y = window.y + window.height + BESIDE;
			}
		}
		gd.centerDialog(false);
		gd.setLocation(Math.max(screen.x, x), Math.max(screen.y, Math.min(y, screen.y + screen.height - size.height)));
	}

	/** Sets the sliders to the window's position without redrawing it again. */
	private static void followInDialog(final GenericDialog gd, final long[] position) {
		final Vector<?> fields = gd.getNumericFields();
		final Vector<?> sliders = gd.getSliders();
		for (int d = 0; d < 3; d++) {
			((Scrollbar) sliders.get(d)).setValue((int) position[d]);
			final TextField field = (TextField) fields.get(d);
			if (!field.getText().trim().equals(Long.toString(position[d]))) field.setText(Long.toString(position[d]));
		}
	}

	@Override
	public boolean dialogItemChanged(final GenericDialog gd, final AWTEvent e) {
		if (view == null || !view.isOpen()) return true;
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
			view.update(style(source, Contrast.named(((Choice) choices.get(0)).getSelectedItem()), ((Choice) choices.get(
				1)).getSelectedItem(), ((Checkbox) gd.getCheckboxes().get(0)).getState()), slices);
			return true;
		}
		catch (final IllegalArgumentException ex) {
			IJ.showStatus(ex.getMessage());
			return false;
		}
	}

	/** @return the figure's style for {@code imp}: its voxel size and unit, the contrast, LUT and scale bar */
	private static SliceFigure style(final ImagePlus imp, final Contrast contrast, final String lut,
		final boolean scaleBar)
	{
		final VoxelSize voxel = ImagePlusImgs.voxelSize(imp);
		return new SliceFigure().voxelSize(voxel.size()).unit(voxel.unit()).contrast(contrast).lut(lut).scaleBar(
			scaleBar);
	}

	/**
	 * The figure behind the command with automatic contrast and grey, at the default export scale,
	 * as {@link #process(ImagePlus, long[], Contrast, String, Path)}.
	 */
	public static ImagePlus process(final ImagePlus imp, final long[] slices, final Path export)
		throws IOException
	{
		return process(imp, slices, Contrast.AUTOMATIC, null, export);
	}

	/**
	 * The figure behind the command at the default export scale, without scale bar, exported as
	 * PNG when {@code export} is given.
	 *
	 * @param lut an ImageJ LUT's name, or null for grey
	 */
	public static ImagePlus process(final ImagePlus imp, final long[] slices, final Contrast contrast,
		final String lut, final Path export) throws IOException
	{
		OrthogonalView.requireStack(ImagePlusImgs.wrap(imp));
		return process(imp, slices, style(imp, contrast, lut, false), SliceFigure.DEFAULT_EXPORT_SCALE, export, "png");
	}

	/**
	 * The figure behind the command, without any window: rendered with the style at the scale, and
	 * exported when {@code export} is given.
	 * <p>
	 * {@code ImagePlus f = OrthogonalSlicesPlugin.process(imp, new long[] { 64, 64, -1 }, new SliceFigure().scaleBar(true), 4, dir, "tiff");}
	 *
	 * @param export a directory, a .png or a .tif file, or null
	 * @param format "png" or "tiff" for a directory
	 * @throws IllegalArgumentException for slices or a scale out of range, RGB and 2D images
	 */
	public static ImagePlus process(final ImagePlus imp, final long[] slices, final SliceFigure style,
		final double scale, final Path export, final String format) throws IOException
	{
		final RandomAccessibleInterval<? extends RealType<?>> volume = ImagePlusImgs.wrap(imp);
		OrthogonalView.requireStack(volume);
		final ImagePlus figure = style.renderAtScale(volume, imp.getTitle(), scale, slices);
		if (export != null) FigureFiles.export(figure, export, format);
		return figure;
	}
}
