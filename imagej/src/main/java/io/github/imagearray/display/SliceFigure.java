package io.github.imagearray.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.plugin.LutLoader;
import ij.process.ColorProcessor;
import io.github.imagearray.slices.Axis;
import io.github.imagearray.slices.Contrast;
import io.github.imagearray.slices.DisplayRange;
import io.github.imagearray.slices.OrthogonalSlices;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * vIQA's orthogonal-slice figure in ImageJ: three panels side by side (x-slice: y across, z up;
 * y-slice: x across, z up; z-slice: x across, y up) on one shared display range, sized by the voxel
 * size so that anisotropic volumes keep their proportions, with dashed lines at the other two
 * slice positions, titles such as "x-axis, slice: 64" in vIQA's axis colours and an optional scale
 * bar. The figure is drawn at any scale: voxels become blocks of pixels, while lines and text are
 * drawn at that resolution, so an export at scale 4 is as crisp as a vector drawing. For a 2D
 * image, one panel.
 * <p>
 * {@code ImagePlus figure = new SliceFigure().voxelSize(1, 1, 2.5).renderAtScale(volume, "ct", 4, 64, 64, -1);}
 */
public final class SliceFigure {

	/** vIQA's colours of the x, y and z axes. */
	public static final Color[] AXIS_COLORS = { new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3) };

	/**
	 * The scale of an export unless told otherwise: its titles are 56 pixels high, more than vIQA's
	 * 12-point titles at its 300 dpi (50 pixels), and the figure is written at 300 dpi.
	 */
	public static final double DEFAULT_EXPORT_SCALE = 4;
	/** The largest scale accepted. */
	public static final double MAX_SCALE = 64;
	/** The most pixels a figure may have at any scale (a gigabyte of RGB). */
	public static final long MAX_PIXELS = 1L << 28;
	/** The print resolution at scale 1: text of 14 pixels prints at 13 points whatever the scale. */
	private static final double DPI_AT_SCALE_1 = 75;

	static final int MARGIN = 36;
	static final int TITLE = 28;
	static final int GAP = 36;
	private static final int MIN_PANEL = 256;
	private static final float FONT_SIZE = 14;
	private static final float LINE_WIDTH = 1.5f;
	/** The longest scale bar, as a part of its panel's width. */
	private static final double SCALE_BAR_PART = 0.25;

	private final double[] voxelSize;
	private final String unit;
	private final boolean automatic;
	private final String lut;
	private final boolean scaleBar;

	/** Unit voxels, automatic contrast, grey LUT, no scale bar. */
	public SliceFigure() {
		this(new double[] { 1, 1, 1 }, "pixel", true, null, false);
	}

	private SliceFigure(final double[] voxelSize, final String unit, final boolean automatic, final String lut,
		final boolean scaleBar)
	{
		this.voxelSize = voxelSize;
		this.unit = unit;
		this.automatic = automatic;
		this.lut = lut;
		this.scaleBar = scaleBar;
	}

	/** @return a figure with this voxel size along x, y and z (positive) */
	public SliceFigure voxelSize(final double... size) {
		if (size.length < 2) throw new IllegalArgumentException("Give the voxel size along x, y and z.");
		final double[] s = { size[0], size[1], size.length > 2 ? size[2] : 1 };
		for (final double v : s)
			if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException("Voxel sizes must be positive, not " +
				v + ".");
		return new SliceFigure(s, unit, automatic, lut, scaleBar);
	}

	/** @return a figure whose voxel size is in this unit, such as "mm" (the scale bar's label) */
	public SliceFigure unit(final String name) {
		return new SliceFigure(voxelSize, name == null || name.trim().isEmpty() ? "pixel" : name.trim(), automatic, lut,
			scaleBar);
	}

	/** @return a figure with ImageJ-style automatic contrast or minimum to maximum */
	public SliceFigure contrast(final Contrast contrast) {
		return new SliceFigure(voxelSize, unit, contrast.saturates(), lut, scaleBar);
	}

	/** @return a figure with an ImageJ LUT such as "Fire" or "Grays" (null: grey) */
	public SliceFigure lut(final String name) {
		if (name != null && !name.isEmpty() && !name.equalsIgnoreCase("Grays") && LutLoader.getLut(name) == null)
			throw new IllegalArgumentException("Unknown LUT '" + name + "'.");
		return new SliceFigure(voxelSize, unit, automatic, name, scaleBar);
	}

	/** @return a figure with or without a scale bar in calibrated units under the last panel */
	public SliceFigure scaleBar(final boolean show) {
		return new SliceFigure(voxelSize, unit, automatic, lut, show);
	}

	/** Where the panels sit at scale 1, and the size of the whole figure. */
	static final class Layout {

		final Panel[] panels;
		final int width, height;

		private Layout(final Panel[] panels, final int width, final int height) {
			this.panels = panels;
			this.width = width;
			this.height = height;
		}

		/** @return the panel under figure pixel (x, y) at scale 1, or -1 */
		int panelAt(final double x, final double y) {
			for (int p = 0; p < panels.length; p++)
				if (panels[p].contains(x, y)) return p;
			return -1;
		}
	}

	/** @return the layout of the figure of {@code image} (2D: one panel; 3D: three) at scale 1 */
	Layout layout(final RandomAccessibleInterval<?> image) {
		if (image.numDimensions() != 2 && image.numDimensions() != 3) throw new IllegalArgumentException(
			"Image must be 2D or 3D.");
		final int count = image.numDimensions() == 2 ? 1 : 3;
		final Panel[] panels = new Panel[count];
		final double unitSize = count == 1 ? Math.min(voxelSize[0], voxelSize[1]) : Math.min(voxelSize[0], Math.min(
			voxelSize[1], voxelSize[2]));
		double largest = 0;
		for (int p = 0; p < count; p++) {
			final int[] axes = axes(count, p);
			largest = Math.max(largest, Math.max(image.dimension(axes[0]) * voxelSize[axes[0]], image.dimension(axes[1]) *
				voxelSize[axes[1]]) / unitSize);
		}
		// the whole-number zoom that makes the largest panel at least MIN_PANEL wide or high
		final double zoom = Math.max(1, Math.floor(MIN_PANEL / largest));
		int left = MARGIN, height = 0;
		for (int p = 0; p < count; p++) {
			final int[] axes = axes(count, p);
			panels[p] = new Panel(axes, left, TITLE, image.dimension(axes[0]), image.dimension(axes[1]), (int) Math.round(
				image.dimension(axes[0]) * voxelSize[axes[0]] / unitSize * zoom), (int) Math.round(image.dimension(axes[1]) *
					voxelSize[axes[1]] / unitSize * zoom));
			left += panels[p].width + GAP;
			height = Math.max(height, panels[p].height);
		}
		return new Layout(panels, left - GAP + MARGIN / 2, TITLE + height + MARGIN);
	}

	private static int[] axes(final int panels, final int panel) {
		return panels == 1 ? new int[] { 0, 1 } : OrthogonalSlices.panelAxes(panel);
	}

	/** As {@link #renderAtScale} at scale 1, as shown on screen. */
	public ImagePlus render(final RandomAccessibleInterval<? extends RealType<?>> image, final String title,
		final long... slices)
	{
		return renderAtScale(image, title, 1, slices);
	}

	/**
	 * @param image a 2D or 3D image; only read
	 * @param title the image's name, shown in the window title
	 * @param scale the figure's pixels per screen pixel, above 0 and at most {@link #MAX_SCALE}
	 * @param slices x, y and z for a 3D image (negative: from the end); ignored for 2D
	 * @return the figure as an RGB image, calibrated in inches at {@code 75 * scale} dpi
	 * @throws IllegalArgumentException for slices out of range, a scale out of range or a figure
	 *           of more than {@link #MAX_PIXELS} pixels, before anything is drawn
	 */
	public ImagePlus renderAtScale(final RandomAccessibleInterval<? extends RealType<?>> image, final String title,
		final double scale, final long... slices)
	{
		final Layout layout = layout(image);
		final int width = scaled(layout.width, scale), height = scaled(layout.height, scale);
		if ((long) width * height > MAX_PIXELS) throw new IllegalArgumentException("At scale " + scale +
			" the figure would be " + width + " x " + height + " pixels, more than " + MAX_PIXELS +
			": give a smaller scale or width.");
		final long[] position;
		final double[][] values = new double[layout.panels.length][];
		final String name;
		if (layout.panels.length == 1) {
			position = null;
			values[0] = values(Views.zeroMin(image));
			name = title + " figure";
		}
		else {
			final OrthogonalSlices<? extends RealType<?>> s = OrthogonalSlices.of(image, slices);
			position = s.position();
			for (int p = 0; p < 3; p++)
				values[p] = values(s.panel(p));
			name = title + " slices x" + position[0] + " y" + position[1] + " z" + position[2];
		}
		final BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = canvas.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			// everything below is laid out at scale 1; the transform draws it at the figure's resolution
			g.scale(width / (double) layout.width, height / (double) layout.height);
			draw(g, layout, values, position, title);
		}
		finally {
			g.dispose();
		}
		final ImagePlus figure = new ImagePlus(name, new ColorProcessor(width, height, ((DataBufferInt) canvas
			.getRaster().getDataBuffer()).getData()));
		final Calibration print = new Calibration();
		print.setUnit("inch");
		print.pixelWidth = print.pixelHeight = 1 / (DPI_AT_SCALE_1 * scale);
		figure.setCalibration(print);
		return figure;
	}

	/**
	 * @param width the wanted width of the figure in pixels
	 * @return the scale that gives the figure of {@code image} that width
	 * @throws IllegalArgumentException for a width that gives a scale out of range
	 */
	public double scaleForWidth(final RandomAccessibleInterval<?> image, final int width) {
		final int natural = layout(image).width;
		final double scale = width / (double) natural;
		if (!(scale > 0) || scale > MAX_SCALE) throw new IllegalArgumentException("The figure's width must be from 1 to " +
			(int) (natural * MAX_SCALE) + " pixels, not " + width + ".");
		return scale;
	}

	private static int scaled(final int size, final double scale) {
		if (!(scale > 0) || scale > MAX_SCALE) throw new IllegalArgumentException("The scale must be above 0 and at most " +
			(int) MAX_SCALE + ", not " + scale + ".");
		return Math.max(1, (int) Math.round(size * scale));
	}

	/** Draws the panels, the slice lines, titles, axis labels and scale bar at scale 1. */
	private void draw(final Graphics2D g, final Layout layout, final double[][] values, final long[] position,
		final String title)
	{
		final DisplayRange range = DisplayRange.of(concat(values), automatic);
		final int[] rgb = palette();
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(FONT_SIZE));
		for (int p = 0; p < layout.panels.length; p++) {
			final Panel panel = layout.panels[p];
			g.drawImage(panel.image(values[p], range, rgb), panel.left, panel.top, panel.width, panel.height, null);
			if (position == null) text(g, title, panel.left, Color.BLACK);
			else {
				// the other two slice positions: a vertical line for the axis across, a horizontal one for the axis up
				final double across = panel.centreAcross(position[panel.axes[0]]);
				final double up = panel.centreUp(position[panel.axes[1]]);
				dashed(g, new Line2D.Double(across, panel.top, across, panel.top + panel.height), AXIS_COLORS[panel.axes[0]]);
				dashed(g, new Line2D.Double(panel.left, up, panel.left + panel.width, up), AXIS_COLORS[panel.axes[1]]);
				text(g, Axis.of(p).label() + "-axis, slice: " + position[p], panel.left, AXIS_COLORS[p]);
			}
			g.setColor(Color.BLACK);
			final FontMetrics fm = g.getFontMetrics();
			g.drawString(Axis.of(panel.axes[0]).label(), (float) (panel.left + panel.width / 2.0 - 4), panel.top +
				panel.height + 6 + fm.getAscent());
			g.drawString(Axis.of(panel.axes[1]).label(), panel.left - 16, (float) (panel.top + panel.height / 2.0 - 8 + fm
				.getAscent()));
		}
		if (scaleBar) scaleBar(g, layout.panels[layout.panels.length - 1]);
	}

	private static void text(final Graphics2D g, final String text, final double left, final Color color) {
		g.setColor(color);
		g.drawString(text, (float) left, 4 + g.getFontMetrics().getAscent());
	}

	private static void dashed(final Graphics2D g, final Line2D line, final Color color) {
		g.setColor(color);
		g.setStroke(new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 },
			0));
		g.draw(line);
	}

	/**
	 * A bar of a round length (1, 2 or 5 times a power of ten) in calibrated units, at most a quarter
	 * of the panel's width, right-aligned under the panel with its length written beneath.
	 */
	private void scaleBar(final Graphics2D g, final Panel panel) {
		final double size = voxelSize[panel.axes[0]];
		final double longest = SCALE_BAR_PART * panel.across * size;
		final double power = Math.pow(10, Math.floor(Math.log10(longest)));
		final double length = longest >= 5 * power ? 5 * power : longest >= 2 * power ? 2 * power : power;
		final double pixels = length / size * panel.width / panel.across;
		final double right = panel.left + panel.width, top = panel.top + panel.height + 8;
		g.setColor(Color.BLACK);
		g.fill(new Rectangle2D.Double(right - pixels, top, pixels, 4));
		final String label = String.format(Locale.ROOT, "%s %s", new BigDecimal(length).round(
			MathContext.DECIMAL32).stripTrailingZeros().toPlainString(), unit.equals("pixel") && length != 1
				? "pixels" : unit);
		final FontMetrics fm = g.getFontMetrics();
		g.drawString(label, (float) (right - pixels / 2 - fm.stringWidth(label) / 2.0), (float) (top + 6 + fm
			.getAscent()));
	}

	/** Where a panel sits on the figure at scale 1 and how voxels map to its pixels (the up axis points up). */
	static final class Panel {

		/** The volume axes across and up. */
		final int[] axes;
		final int left, top, across, upCount, width, height;

		Panel(final int[] axes, final int left, final int top, final long across, final long up, final int width,
			final int height)
		{
			this.axes = axes;
			this.left = left;
			this.top = top;
			this.across = (int) across;
			this.upCount = (int) up;
			this.width = width;
			this.height = height;
		}

		boolean contains(final double x, final double y) {
			return x >= left && x < left + width && y >= top && y < top + height;
		}

		/** @return the figure x of the centre of voxel column i */
		double centreAcross(final long i) {
			return left + (i + 0.5) * width / across;
		}

		/** @return the figure y of the centre of voxel row j, counted upwards */
		double centreUp(final long j) {
			return top + height - (j + 0.5) * height / upCount;
		}

		/** @return the voxel column shown at figure x (inside the panel) */
		int voxelAcross(final double x) {
			return (int) Math.min(across - 1, Math.max(0, Math.floor((x - left) * across / width)));
		}

		/** @return the voxel row (counted upwards) shown at figure y (inside the panel) */
		int voxelUp(final double y) {
			return (int) Math.min(upCount - 1, Math.max(0, Math.floor((top + height - y) * upCount / height)));
		}

		/** @return the panel's voxels as one RGB pixel each, the top row first */
		BufferedImage image(final double[] values, final DisplayRange range, final int[] rgb) {
			final BufferedImage image = new BufferedImage(across, upCount, BufferedImage.TYPE_INT_RGB);
			final int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
			for (int row = 0; row < upCount; row++)
				for (int i = 0, from = row * across, to = (upCount - 1 - row) * across; i < across; i++)
					pixels[to + i] = rgb[range.toByte(values[from + i])];
			return image;
		}
	}

	/** @return the values of a 2D image with a zero origin, row by row (the second axis slowest) */
	private static double[] values(final RandomAccessibleInterval<? extends RealType<?>> plane) {
		final int across = (int) plane.dimension(0), up = (int) plane.dimension(1);
		final double[] v = new double[across * up];
		// a random access moved along the rows: a cursor over a slice view costs three times as much
		final RandomAccess<? extends RealType<?>> access = plane.randomAccess();
		for (int j = 0, i = 0; j < up; j++) {
			access.setPosition(0, 0);
			access.setPosition(j, 1);
			for (int k = 0; k < across; k++, i++) {
				v[i] = access.get().getRealDouble();
				access.fwd(0);
			}
		}
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

	/** @return the 256 RGB colours of the LUT */
	private int[] palette() {
		final int[] rgb = new int[256];
		final IndexColorModel cm = lut == null || lut.isEmpty() || lut.equalsIgnoreCase("Grays") ? null : LutLoader
			.getLut(lut);
		for (int i = 0; i < 256; i++)
			rgb[i] = cm == null ? (i << 16 | i << 8 | i) : (cm.getRed(i) << 16 | cm.getGreen(i) << 8 | cm.getBlue(i));
		return rgb;
	}
}
