package io.github.imagearray.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import io.github.imagearray.ImageArray;
import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.slices.Contrast;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/** Pixel-level checks of the orthogonal-slice figure, on screen and exported at print quality. */
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

	/**
	 * Voxel (across, up) of a panel drawn at (left, top) with voxel size w x h pixels and n voxels up,
	 * read a quarter voxel off its centre, where no slice line runs.
	 */
	private static int pixel(final ColorProcessor cp, final int left, final int top, final int w, final int h,
		final int nUp, final int across, final int up)
	{
		return cp.get(left + across * w + w / 4, top + (nUp - 1 - up) * h + h / 4) & 0xffffff;
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
	void dashedLinesAndTitlesAreDrawnAtTheScaleCrisply() {
		// voxels 32 x 32 x 64 screen pixels; at scale 4, 128 x 128 x 256 pixels
		final SliceFigure style = new SliceFigure().voxelSize(1, 1, 2).contrast(Contrast.MIN_MAX);
		final ColorProcessor one = (ColorProcessor) style.render(volume(), "v", 3, -1, 1).getProcessor();
		final ColorProcessor four = (ColorProcessor) style.renderAtScale(volume(), "v", 4, 3, -1, 1).getProcessor();
		assertEquals(4 * one.getWidth(), four.getWidth());
		assertEquals(4 * one.getHeight(), four.getHeight());
		// x-slice: y = 4 is a vertical line through the centre of column 4, at x = 4 (36 + 4.5 * 32) = 720,
		// 1.5 pixels wide at scale 1: exactly 6 pixels of the y colour at scale 4, 717 to 722, not a blur
		// of 4 x 4 blocks; the first dash is 6 long (rows 112 to 135), then a gap of 4 (136 to 151)
		final int y = SliceFigure.AXIS_COLORS[1].getRGB() & 0xffffff;
		final int column4 = grey(3 + 40 + 100 * 3); // the voxel under the dash's start: y = 4, z = 3 (top row)
		for (int row = 113; row <= 134; row++) {
			for (int x = 717; x <= 722; x++)
				assertEquals(y, four.get(x, row) & 0xffffff, "line pixel " + x + "," + row);
			assertEquals(column4, four.get(716, row) & 0xffffff, "beside the line, row " + row);
			assertEquals(column4, four.get(723, row) & 0xffffff, "beside the line, row " + row);
		}
		for (int row = 137; row <= 150; row++)
			assertEquals(column4, four.get(720, row) & 0xffffff, "a gap between dashes, row " + row);
		// z-slice (x across, y up): y = 4 is a horizontal line in the y colour, 4.5 voxels of 32 from the bottom
		final int left2 = 4 * (SliceFigure.MARGIN + 160 + SliceFigure.GAP + 224 + SliceFigure.GAP);
		final int yRow = 4 * SliceFigure.TITLE + 4 * (160 - (int) (4.5 * 32));
		for (int row = yRow - 2; row <= yRow + 2; row++)
			assertEquals(y, four.get(left2 + 2, row) & 0xffffff, "the y line across the z-slice, row " + row);
		// titles in the axis colours, their glyphs four times as high at scale 4
		for (int p = 0; p < 3; p++) {
			final int colour = SliceFigure.AXIS_COLORS[p].getRGB() & 0xffffff;
			final int[] rowsOne = rowsHolding(one, colour, 0, SliceFigure.TITLE);
			final int[] rowsFour = rowsHolding(four, colour, 0, 4 * SliceFigure.TITLE);
			assertTrue(rowsOne[1] - rowsOne[0] >= 5, "panel " + p + " title rows " + rowsOne[0] + "-" + rowsOne[1]);
			assertEquals(4 * (rowsOne[1] - rowsOne[0] + 1), rowsFour[1] - rowsFour[0] + 1, 8, "title " + p +
				" at scale 4: rows " + rowsFour[0] + "-" + rowsFour[1]);
		}
	}

	/**
	 * @return the first and last row from {@code top} to below {@code bottom} with a pixel nearer that
	 *         colour than the white background (anti-aliased glyphs)
	 */
	private static int[] rowsHolding(final ColorProcessor cp, final int colour, final int top, final int bottom) {
		int first = -1, last = -1;
		for (int row = top; row < bottom; row++)
			for (int x = 0; x < cp.getWidth(); x++)
				if (distance(cp.get(x, row), colour) < distance(cp.get(x, row), 0xffffff)) {
					if (first < 0) first = row;
					last = row;
					break;
				}
		assertTrue(first >= 0, "no pixel of colour " + Integer.toHexString(colour));
		return new int[] { first, last };
	}

	private static int distance(final int a, final int b) {
		int d = 0;
		for (int shift = 0; shift < 24; shift += 8)
			d += Math.abs((a >> shift & 0xff) - (b >> shift & 0xff));
		return d;
	}

	@Test
	void theScaleBarHasARoundCalibratedLength() {
		// z-slice 7 voxels of 0.3 mm across 224 pixels: a quarter is 0.525 mm, the bar 0.5 mm = 5.33 voxels
		final SliceFigure style = new SliceFigure().voxelSize(0.3, 0.3, 0.6).unit("mm").scaleBar(true);
		final ColorProcessor bar = (ColorProcessor) style.render(volume(), "v", 3, -1, 1).getProcessor();
		final ColorProcessor none = (ColorProcessor) style.scaleBar(false).render(volume(), "v", 3, -1, 1)
			.getProcessor();
		final int right = SliceFigure.MARGIN + 160 + SliceFigure.GAP + 224 + SliceFigure.GAP + 224;
		final int row = SliceFigure.TITLE + 160 + 8 + 2;
		int black = 0;
		for (int x = 0; x < bar.getWidth(); x++)
			if ((bar.get(x, row) & 0xffffff) == 0) black++;
		assertEquals(0.5 / 0.3 * 32, black, 1, "bar length in pixels");
		assertEquals(0, bar.get(right - 1, row) & 0xffffff);
		assertEquals(0xffffff, bar.get(right + 1, row) & 0xffffff);
		assertEquals(0xffffff, none.get(right - 1, row) & 0xffffff);
	}

	@Test
	void scaleAndWidthAreCheckedBeforeDrawing() {
		final SliceFigure style = new SliceFigure();
		final int natural = style.render(volume(), "v", 3, -1, 1).getWidth();
		assertEquals(1000, style.renderAtScale(volume(), "v", style.scaleForWidth(volume(), 1000), 3, -1, 1).getWidth());
		assertEquals(2.5, style.scaleForWidth(volume(), (int) (2.5 * natural)), 1e-12);
		for (final double bad : new double[] { 0, -1, Double.NaN, 65 })
			assertTrue(assertThrows(IllegalArgumentException.class, () -> style.renderAtScale(volume(), "v", bad, 3, -1, 1))
				.getMessage().contains("scale must be above 0 and at most 64"));
		assertThrows(IllegalArgumentException.class, () -> style.scaleForWidth(volume(), 0));
		// a figure of 2^28 pixels or more is refused before anything is allocated
		final IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> style.renderAtScale(ArrayImgs
			.floats(2000, 2000, 3), "v", 64, 0, 0, 0));
		assertTrue(big.getMessage().contains("more than 268435456"), big.getMessage());
	}

	@Test
	void exportsCarryTheirPrintResolutionForOtherSoftware() throws Exception {
		final SliceFigure style = new SliceFigure();
		final Path figures = Files.createDirectories(dir.resolve("figures"));
		FigureFiles.export(style.renderAtScale(volume(), "v", 4, 3, -1, 1), figures.resolve("four.png"));
		FigureFiles.export(style.renderAtScale(volume(), "v", 2, 3, -1, 1), figures.resolve("two.tif"));
		final Path named = FigureFiles.export(style.renderAtScale(volume(), "v", 4, 3, -1, 1), figures, "tiff");
		assertEquals(figures.resolve("v_slices_x3_y4_z1.tif"), named);
		final int width = style.render(volume(), "v", 3, -1, 1).getWidth();
		final int height = style.render(volume(), "v", 3, -1, 1).getHeight();
		final Map<String, String[]> read = new HashMap<>();
		for (final String[] row : ReferenceFiles.write("read_figures.py", figures, "figures.tsv"))
			read.put(row[0], row);
		// name, width, height, dpi along x and y (PNG stores whole pixels per metre: 11811, 299.9994 dpi), samples
		assertFigure(read.get("four.png"), 4 * width, 4 * height, 300);
		assertFigure(read.get("two.tif"), 2 * width, 2 * height, 150);
		assertFigure(read.get("v_slices_x3_y4_z1.tif"), 4 * width, 4 * height, 300);
		assertTrue(assertThrows(IOException.class, () -> FigureFiles.export(style.render(volume(), "v", 3, -1, 1), dir
			.resolve("f.jpg"))).getMessage().contains(".png, .tif or .tiff"));
	}

	private static void assertFigure(final String[] read, final int width, final int height, final double dpi) {
		assertEquals(width, Integer.parseInt(read[1]), read[0]);
		assertEquals(height, Integer.parseInt(read[2]), read[0]);
		assertEquals(dpi, Double.parseDouble(read[3]), 0.01, read[0]);
		assertEquals(dpi, Double.parseDouble(read[4]), 0.01, read[0]);
		assertEquals("3", read[5], read[0] + ": RGB");
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
	void visualizeExportsTheFigureAtTheDefaultScale() throws IOException {
		final ImageArray<FloatType> array = new ImageArray<>(volume());
		final Path file = array.visualize(new long[] { 3, -1, 1 }, dir);
		assertEquals(dir.resolve("ImageArray_slices_x3_y4_z1.png"), file);
		final BufferedImage png = ImageIO.read(file.toFile());
		final ColorProcessor four = (ColorProcessor) new SliceFigure().renderAtScale(volume(), "ImageArray",
			SliceFigure.DEFAULT_EXPORT_SCALE, 3, -1, 1).getProcessor();
		assertEquals(4 * new SliceFigure().render(volume(), "ImageArray", 3, -1, 1).getWidth(), png.getWidth());
		assertEquals(four.getWidth(), png.getWidth());
		assertEquals(four.getHeight(), png.getHeight());
		for (int y = 0; y < png.getHeight(); y += 3)
			for (int x = 0; x < png.getWidth(); x += 3)
				assertEquals(four.get(x, y) & 0xffffff, png.getRGB(x, y) & 0xffffff, x + "," + y);
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
