package io.github.imagearray.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.ColorProcessor;
import io.github.imagearray.ImageArray;
import io.github.imagearray.slices.Contrast;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/** Pixel-level checks of the orthogonal-slice figure. */
class SliceFigureTest {

	@TempDir
	Path dir;

	/** 7 x 5 x 4 voxels with v = x + 10 y + 100 z: every voxel distinct. */
	private static ArrayImg<FloatType, FloatArray> volume() {
		final float[] v = new float[7 * 5 * 4];
		for (int z = 0; z < 4; z++)
			for (int y = 0; y < 5; y++)
				for (int x = 0; x < 7; x++)
					v[x + 7 * (y + 5 * z)] = x + 10 * y + 100 * z;
		return ArrayImgs.floats(v, 7, 5, 4);
	}

	private static int grey(final double v) {
		// minimum and maximum over the three panels: 3 (x-slice at x = 3) and 346 (y-slice at y = 4)
		final int g = (int) Math.round(255 * (v - 3) / 343.0);
		return g << 16 | g << 8 | g;
	}

	/** Voxel (across, up) of a panel drawn at (left, top) with voxel size w x h pixels and n voxels up. */
	private static int pixel(final ColorProcessor cp, final int left, final int top, final int w, final int h,
		final int nUp, final int across, final int up)
	{
		return cp.get(left + across * w + w / 2, top + (nUp - 1 - up) * h + h / 2) & 0xffffff;
	}

	@Test
	void panelsShowTheVoxelsWithProportionsAndSharedRange() {
		// voxels are twice as deep as wide: z rows are 64 px, x and y columns 32 px (zoom 32)
		final ImagePlus figure = new SliceFigure().voxelSize(1, 1, 2).contrast(Contrast.MIN_MAX).render(volume(), "v", 3,
			-1, 1);
		final ColorProcessor cp = (ColorProcessor) figure.getProcessor();
		final int top = SliceFigure.TITLE, left0 = SliceFigure.MARGIN;
		final int left1 = left0 + 5 * 32 + SliceFigure.GAP, left2 = left1 + 7 * 32 + SliceFigure.GAP;
		assertEquals(left2 + 7 * 32 + SliceFigure.MARGIN / 2, cp.getWidth());
		assertEquals(top + 4 * 64 + SliceFigure.MARGIN, cp.getHeight());
		for (int a = 0; a < 5; a++)
			for (int u = 0; u < 4; u++) // x-slice at x = 3: y across, z up
				assertEquals(grey(3 + 10 * a + 100 * u), pixel(cp, left0, top, 32, 64, 4, a, u), "x-slice " + a + "," + u);
		for (int a = 0; a < 7; a++)
			for (int u = 0; u < 4; u++) // y-slice at y = -1 = 4: x across, z up
				assertEquals(grey(a + 40 + 100 * u), pixel(cp, left1, top, 32, 64, 4, a, u), "y-slice " + a + "," + u);
		for (int a = 0; a < 7; a++)
			for (int u = 0; u < 5; u++) // z-slice at z = 1: x across, y up
				assertEquals(grey(a + 10 * u + 100), pixel(cp, left2, top, 32, 32, 5, a, u), "z-slice " + a + "," + u);
		assertEquals("v slices x3 y4 z1", figure.getTitle());
	}

	@Test
	void dashedLinesMarkTheOtherSlicesInVIQAsColours() {
		final Overlay overlay = new SliceFigure().voxelSize(1, 1, 2).render(volume(), "v", 3, -1, 1).getOverlay();
		final List<Line> lines = new ArrayList<>();
		final List<TextRoi> texts = new ArrayList<>();
		for (final Roi roi : overlay.toArray()) {
			if (roi instanceof Line) lines.add((Line) roi);
			if (roi instanceof TextRoi) texts.add((TextRoi) roi);
		}
		assertEquals(6, lines.size());
		// x-slice: y = 4 as a vertical line at the centre of column 4, z = 1 as a horizontal line
		final int top = SliceFigure.TITLE, left0 = SliceFigure.MARGIN;
		assertLine(lines.get(0), left0 + 4.5 * 32, top, left0 + 4.5 * 32, top + 256, SliceFigure.AXIS_COLORS[1]);
		assertLine(lines.get(1), left0, top + 256 - 1.5 * 64, left0 + 160, top + 256 - 1.5 * 64, SliceFigure.AXIS_COLORS[2]);
		// z-slice: x = 3 vertical, y = 4 horizontal (y up)
		final int left2 = left0 + 160 + SliceFigure.GAP + 224 + SliceFigure.GAP;
		assertLine(lines.get(4), left2 + 3.5 * 32, top, left2 + 3.5 * 32, top + 160, SliceFigure.AXIS_COLORS[0]);
		assertLine(lines.get(5), left2, top + 160 - 4.5 * 32, left2 + 224, top + 160 - 4.5 * 32, SliceFigure.AXIS_COLORS[1]);
		for (final Line l : lines)
			assertTrue(l.getStroke().getDashArray() != null, "dashed");
		final List<String> titles = new ArrayList<>();
		for (final TextRoi t : texts)
			titles.add(t.getText().trim());
		assertTrue(titles.contains("x-axis, slice: 3"), titles.toString());
		assertTrue(titles.contains("y-axis, slice: 4"), titles.toString());
		assertTrue(titles.contains("z-axis, slice: 1"), titles.toString());
		for (final TextRoi t : texts)
			if (t.getText().trim().startsWith("z-axis")) assertEquals(SliceFigure.AXIS_COLORS[2], t.getStrokeColor());
	}

	private static void assertLine(final Line l, final double x1, final double y1, final double x2, final double y2,
		final Color color)
	{
		assertEquals(x1, l.x1d, 1e-9);
		assertEquals(y1, l.y1d, 1e-9);
		assertEquals(x2, l.x2d, 1e-9);
		assertEquals(y2, l.y2d, 1e-9);
		assertEquals(color, l.getStrokeColor());
	}

	@Test
	void badSlicesAndShapesAreOneClearError() {
		assertEquals("z slice 4 is out of range: allowed -4 to 3 for 4 voxels along z.", assertThrows(
			IllegalArgumentException.class, () -> new SliceFigure().render(volume(), "v", 0, 0, 4)).getMessage());
		assertEquals("x slice -8 is out of range: allowed -7 to 6 for 7 voxels along x.", assertThrows(
			IllegalArgumentException.class, () -> new SliceFigure().render(volume(), "v", -8, 0, 0)).getMessage());
		assertEquals("Give three slice indices (x, y, z), not 2.", assertThrows(IllegalArgumentException.class,
			() -> new SliceFigure().render(volume(), "v", 1, 1)).getMessage());
		assertEquals("Image must be 2D or 3D.", assertThrows(IllegalArgumentException.class, () -> new SliceFigure()
			.render(ArrayImgs.floats(2, 2, 2, 2), "v", 0, 0, 0)).getMessage());
		assertEquals("Image must be 2D or 3D.", assertThrows(IllegalArgumentException.class,
			() -> new ImageArray<>(ArrayImgs.floats(3)).visualize(new long[] { 0 }, null)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> new SliceFigure().lut("No Such LUT"));
		assertThrows(IllegalArgumentException.class, () -> new SliceFigure().voxelSize(1, 0, 1));
	}

	@Test
	void visualizeExportsThePngWithTheOverlayBurnedIn() throws IOException {
		final ImageArray<FloatType> array = new ImageArray<>(volume());
		final Path file = array.visualize(new long[] { 3, -1, 1 }, dir);
		assertEquals(dir.resolve("ImageArray_slices_x3_y4_z1.png"), file);
		final BufferedImage png = ImageIO.read(file.toFile());
		final ImagePlus figure = new SliceFigure().render(volume(), "ImageArray", 3, -1, 1);
		assertEquals(figure.getWidth(), png.getWidth());
		assertEquals(figure.getHeight(), png.getHeight());
		// a panel pixel away from the lines is the voxel's grey; a line pixel has the line's colour
		final ColorProcessor cp = (ColorProcessor) figure.getProcessor();
		final int x = SliceFigure.MARGIN + 10, y = SliceFigure.TITLE + 10;
		assertEquals(cp.get(x, y) & 0xffffff, png.getRGB(x, y) & 0xffffff);
		final Line first = (Line) figure.getOverlay().get(0);
		final int lineX = (int) Math.floor(first.x1d), lineY = SliceFigure.TITLE + 2;
		assertTrue((png.getRGB(lineX, lineY) & 0xffffff) != (cp.get(lineX, lineY) & 0xffffff), "the line is burned in");
		final Path named = array.visualize(new long[] { 0, 0, 0 }, dir.resolve("mine.png"));
		assertEquals(dir.resolve("mine.png"), named);
	}

	@Test
	void twoDimensionalImagesAreShownAndTheSlicesIgnoredWithAWarning() throws IOException {
		final List<LogRecord> records = new ArrayList<>();
		final Handler handler = new Handler() {

			@Override
			public void publish(final LogRecord r) {
				records.add(r);
			}

			@Override
			public void flush() {}

			@Override
			public void close() {}
		};
		final Logger log = Logger.getLogger(ImageJSliceRenderer.class.getName());
		log.addHandler(handler);
		try {
			final Path file = new ImageArray<>(ArrayImgs.floats(new float[] { 1, 2, 3, 4, 5, 6 }, 3, 2)).visualize(
				new long[] { 9, 9, 9 }, dir.resolve("plane.png"));
			assertTrue(file.toFile().length() > 0);
		}
		finally {
			log.removeHandler(handler);
		}
		assertEquals(1, records.size());
		assertEquals(ImageJSliceRenderer.SLICES_IGNORED, records.get(0).getMessage());
	}
}
