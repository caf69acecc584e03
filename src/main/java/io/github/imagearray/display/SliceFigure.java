package io.github.imagearray.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.LutLoader;
import ij.process.ColorProcessor;
import io.github.imagearray.AtomicFiles;
import io.github.imagearray.slices.Axis;
import io.github.imagearray.slices.Contrast;
import io.github.imagearray.slices.DisplayRange;
import io.github.imagearray.slices.OrthogonalSlices;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * vIQA's orthogonal-slice figure in ImageJ: three panels side by side (x-slice: y across, z up;
 * y-slice: x across, z up; z-slice: x across, y up) on one shared display range, sized by the voxel
 * size so that anisotropic volumes keep their proportions, with dashed lines at the other two
 * slice positions and titles such as "x-axis, slice: 64" in vIQA's axis colours. Lines and text are
 * an {@link Overlay}; {@link #export} burns them into a PNG. For a 2D image, one panel.
 * <p>
 * {@code ImagePlus figure = new SliceFigure().voxelSize(1, 1, 2.5).render(volume, "ct", 64, 64, -1);}
 */
public final class SliceFigure {

	/** vIQA's colours of the x, y and z axes. */
	public static final Color[] AXIS_COLORS = { new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3) };

	static final int MARGIN = 36;
	static final int TITLE = 28;
	static final int GAP = 36;
	private static final int MIN_PANEL = 256;

	private final double[] voxelSize;
	private final boolean automatic;
	private final String lut;

	/** Unit voxels, automatic contrast, grey LUT. */
	public SliceFigure() {
		this(new double[] { 1, 1, 1 }, true, null);
	}

	private SliceFigure(final double[] voxelSize, final boolean automatic, final String lut) {
		this.voxelSize = voxelSize;
		this.automatic = automatic;
		this.lut = lut;
	}

	/** @return a figure with this voxel size along x, y and z (positive) */
	public SliceFigure voxelSize(final double... size) {
		if (size.length < 2) throw new IllegalArgumentException("Give the voxel size along x, y and z.");
		final double[] s = { size[0], size[1], size.length > 2 ? size[2] : 1 };
		for (final double v : s)
			if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("Voxel sizes must be positive, not " +
				v + ".");
		return new SliceFigure(s, automatic, lut);
	}

	/** @return a figure with ImageJ-style automatic contrast or minimum to maximum */
	public SliceFigure contrast(final Contrast contrast) {
		return new SliceFigure(voxelSize, contrast.saturates(), lut);
	}

	/** @return a figure with an ImageJ LUT such as "Fire" or "Grays" (null: grey) */
	public SliceFigure lut(final String name) {
		if (name != null && !name.isEmpty() && !name.equalsIgnoreCase("Grays") && LutLoader.getLut(name) == null)
			throw new IllegalArgumentException("Unknown LUT '" + name + "'.");
		return new SliceFigure(voxelSize, automatic, name);
	}

	/**
	 * @param unit the smallest voxel size, one screen pixel before zooming
	 * @return the whole-number zoom that makes the largest panel at least {@code MIN_PANEL} wide or
	 *         high, at least 1
	 */
	private double zoom(final RandomAccessibleInterval<?> image, final double unit) {
		double largest = 0;
		for (int p = 0; p < 3; p++) {
			final int[] axes = OrthogonalSlices.panelAxes(p);
			largest = Math.max(largest, Math.max(image.dimension(axes[0]) * voxelSize[axes[0]], image.dimension(axes[1]) *
				voxelSize[axes[1]]) / unit);
		}
		return Math.max(1, Math.floor(MIN_PANEL / largest));
	}

	/**
	 * @param image a 2D or 3D image; only read
	 * @param title the image's name, shown in the window title
	 * @param slices x, y and z for a 3D image (negative: from the end); ignored for 2D
	 * @return the figure, with its overlay
	 */
	public ImagePlus render(final RandomAccessibleInterval<? extends RealType<?>> image, final String title,
		final long... slices)
	{
		if (image.numDimensions() == 2) return renderPlane(image, title);
		if (image.numDimensions() != 3) throw new IllegalArgumentException("Image must be 2D or 3D.");
		final OrthogonalSlices<? extends RealType<?>> s = OrthogonalSlices.of(image, slices);
		final double[][] values = new double[3][];
		final Panel[] panels = new Panel[3];
		final double unit = Math.min(voxelSize[0], Math.min(voxelSize[1], voxelSize[2]));
		final double zoom = zoom(image, unit);
		int x0 = MARGIN;
		int height = 0;
		for (int p = 0; p < 3; p++) {
			final int[] axes = OrthogonalSlices.panelAxes(p);
			values[p] = values(s.panel(p));
			panels[p] = new Panel(x0, TITLE, image.dimension(axes[0]), image.dimension(axes[1]), (int) Math.round(image
				.dimension(axes[0]) * voxelSize[axes[0]] / unit * zoom), (int) Math.round(image.dimension(axes[1]) *
					voxelSize[axes[1]] / unit * zoom));
			x0 += panels[p].width + GAP;
			height = Math.max(height, panels[p].height);
		}
		final DisplayRange range = DisplayRange.of(concat(values), automatic);
		final ColorProcessor canvas = canvas(x0 - GAP + MARGIN / 2, TITLE + height + MARGIN);
		final Overlay overlay = new Overlay();
		for (int p = 0; p < 3; p++) {
			final int[] axes = OrthogonalSlices.panelAxes(p);
			paint(canvas, panels[p], values[p], range);
			// the other two slice positions: a vertical line for the axis across, a horizontal one for the axis up
			final double across = panels[p].centreAcross(s.position(axes[0]));
			final double up = panels[p].centreUp(s.position(axes[1]));
			overlay.add(dashed(new Line(across, panels[p].top, across, panels[p].top + panels[p].height), AXIS_COLORS[axes[0]]));
			overlay.add(dashed(new Line(panels[p].left, up, panels[p].left + panels[p].width, up), AXIS_COLORS[axes[1]]));
			overlay.add(text(Axis.of(p).label() + "-axis, slice: " + s.position(p), panels[p].left, 4,
				AXIS_COLORS[p]));
			labels(overlay, panels[p], Axis.of(axes[0]).label(), Axis.of(axes[1]).label());
		}
		final ImagePlus figure = new ImagePlus(title + " slices x" + s.position(0) + " y" + s.position(1) + " z" + s
			.position(2), canvas);
		figure.setOverlay(overlay);
		return figure;
	}

	private ImagePlus renderPlane(final RandomAccessibleInterval<? extends RealType<?>> image, final String title) {
		final double[] v = values(Views.zeroMin(image));
		final double zoom = Math.max(1, Math.floor(MIN_PANEL / (double) Math.max(image.dimension(0), image.dimension(
			1))));
		final Panel panel = new Panel(MARGIN, TITLE, image.dimension(0), image.dimension(1), (int) Math.round(image
			.dimension(0) * voxelSize[0] / Math.min(voxelSize[0], voxelSize[1]) * zoom), (int) Math.round(image
				.dimension(1) * voxelSize[1] / Math.min(voxelSize[0], voxelSize[1]) * zoom));
		final ColorProcessor canvas = canvas(panel.left + panel.width + MARGIN / 2, TITLE + panel.height + MARGIN);
		paint(canvas, panel, v, DisplayRange.of(v, automatic));
		final Overlay overlay = new Overlay();
		overlay.add(text(title, panel.left, 4, Color.BLACK));
		labels(overlay, panel, Axis.X.label(), Axis.Y.label());
		final ImagePlus figure = new ImagePlus(title + " figure", canvas);
		figure.setOverlay(overlay);
		return figure;
	}

	/** Where a panel sits on the canvas and how voxels map to its pixels (the up axis points up). */
	static final class Panel {

		final int left, top, across, upCount, width, height;

		Panel(final int left, final int top, final long across, final long up, final int width, final int height) {
			this.left = left;
			this.top = top;
			this.across = (int) across;
			this.upCount = (int) up;
			this.width = width;
			this.height = height;
		}

		/** @return the canvas x of the centre of voxel column i */
		double centreAcross(final long i) {
			return left + (i + 0.5) * width / across;
		}

		/** @return the canvas y of the centre of voxel row j, counted upwards */
		double centreUp(final long j) {
			return top + height - (j + 0.5) * height / upCount;
		}

		/** @return the voxel column shown at panel pixel px */
		int voxelAcross(final int px) {
			return (int) ((long) px * across / width);
		}

		/** @return the voxel row (counted upwards) shown at panel pixel row py (counted downwards) */
		int voxelUp(final int py) {
			return (int) ((long) (height - 1 - py) * upCount / height);
		}
	}

	private static double[] values(final RandomAccessibleInterval<? extends RealType<?>> plane) {
		final double[] v = new double[(int) (plane.dimension(0) * plane.dimension(1))];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(plane).cursor();
		for (int i = 0; c.hasNext(); i++)
			v[i] = c.next().getRealDouble();
		return v;
	}

	private static double[] concat(final double[][] parts) {
		int n = 0;
		for (final double[] p : parts)
			n += p.length;
		final double[] all = new double[n];
		int at = 0;
		for (final double[] p : parts) {
			System.arraycopy(p, 0, all, at, p.length);
			at += p.length;
		}
		return all;
	}

	private static ColorProcessor canvas(final int width, final int height) {
		final ColorProcessor canvas = new ColorProcessor(width, height);
		canvas.setColor(Color.WHITE);
		canvas.fill();
		return canvas;
	}

	private void paint(final ColorProcessor canvas, final Panel panel, final double[] values, final DisplayRange range) {
		final int[] rgb = palette();
		for (int py = 0; py < panel.height; py++) {
			final int row = panel.voxelUp(py);
			for (int px = 0; px < panel.width; px++)
				canvas.set(panel.left + px, panel.top + py, rgb[range.toByte(values[row * panel.across + panel.voxelAcross(
					px)])]);
		}
	}

	/** @return the 256 RGB colours of the LUT */
	private int[] palette() {
		final int[] rgb = new int[256];
		final IndexColorModel cm = lut == null || lut.isEmpty() || lut.equalsIgnoreCase("Grays") ? null : LutLoader
			.getLut(lut);
		for (int i = 0; i < 256; i++)
			rgb[i] = cm == null ? (i << 16 | i << 8 | i) : (cm.getRed(i) << 16 | cm.getGreen(i) << 8 | cm.getBlue(i));
		return rgb;
	}

	private static Roi dashed(final Line line, final Color color) {
		line.setStrokeColor(color);
		line.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 },
			0));
		return line;
	}

	private static TextRoi text(final String text, final double x, final double y, final Color color) {
		final TextRoi roi = new TextRoi(x, y, text, new Font("SansSerif", Font.PLAIN, 14));
		roi.setStrokeColor(color);
		roi.setAntiAlias(true);
		return roi;
	}

	private static void labels(final Overlay overlay, final Panel panel, final String across, final String up) {
		overlay.add(text(across, panel.left + panel.width / 2.0 - 4, panel.top + panel.height + 6, Color.BLACK));
		overlay.add(text(up, panel.left - 16, panel.top + panel.height / 2.0 - 8, Color.BLACK));
	}

	/**
	 * Writes the figure with its overlay burned in as a PNG, atomically.
	 *
	 * @param exportPath a directory (the file is named after the figure) or a file ending in .png
	 * @return the file written
	 */
	public static Path export(final ImagePlus figure, final Path exportPath) throws IOException {
		final Path file = Files.isDirectory(exportPath) ? exportPath.resolve(figure.getTitle().replaceAll(
			"[^\\w.-]+", "_") + ".png") : exportPath;
		if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
			throw new IOException("Export to a directory or a .png file, not " + exportPath + ".");
		final BufferedImage image = figure.flatten().getBufferedImage();
		AtomicFiles.write(file, out -> {
			if (!ImageIO.write(image, "png", out)) throw new IOException("No PNG writer.");
		});
		return file;
	}
}
