package io.github.imagearray.display;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import ij.ImagePlus;
import ij.io.TiffEncoder;
import ij.measure.Calibration;
import io.github.imagearray.AtomicFiles;

/**
 * Writes figures (the orthogonal slices, plots) as PNG or TIFF files, atomically, with the
 * overlay burned in. A figure calibrated in inches (as {@link SliceFigure} renders them) carries
 * its print resolution into the file: the PNG {@code pHYs} chunk, the TIFF resolution tags.
 * <p>
 * {@code Path written = FigureFiles.export(figure, Paths.get("/data/out"), "tiff");}
 */
public final class FigureFiles {

	/** The formats written, as the export option names them. */
	public static final String[] FORMATS = { "png", "tiff" };

	private FigureFiles() {
	}

	/** As {@link #export(ImagePlus, Path, String)} with PNG for a directory. */
	public static Path export(final ImagePlus figure, final Path exportPath) throws IOException {
		return export(figure, exportPath, "png");
	}

	/**
	 * @param exportPath a directory (the file is named after the figure) or a file ending in .png,
	 *          .tif or .tiff, which gives the format
	 * @param directoryFormat "png" or "tiff": the format of a file written into a directory
	 * @return the file written
	 * @throws IOException for another file ending, naming the path, or when writing fails
	 */
	public static Path export(final ImagePlus figure, final Path exportPath, final String directoryFormat)
		throws IOException
	{
		final String format = directoryFormat.toLowerCase(Locale.ROOT);
		if (!format.equals("png") && !format.equals("tiff")) throw new IllegalArgumentException(
			"The export format must be png or tiff, not '" + directoryFormat + "'.");
		final Path file = Files.isDirectory(exportPath) ? exportPath.resolve(figure.getTitle().replaceAll("[^\\w.-]+",
			"_") + (format.equals("png") ? ".png" : ".tif")) : exportPath;
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final boolean png = name.endsWith(".png");
		if (!png && !name.endsWith(".tif") && !name.endsWith(".tiff")) throw new IOException(
			"Export to a directory or a .png, .tif or .tiff file, not " + exportPath + ".");
		final ImagePlus flat = figure.getOverlay() == null ? figure : flatten(figure);
		final double dpi = dotsPerInch(figure.getCalibration());
		AtomicFiles.write(file, out -> {
			if (png) writePng(flat.getBufferedImage(), dpi, out);
			else new TiffEncoder(flat.getFileInfo()).write(out);
		});
		return file;
	}

	private static ImagePlus flatten(final ImagePlus figure) {
		final ImagePlus flat = figure.flatten();
		flat.setCalibration(figure.getCalibration());
		return flat;
	}

	/** @return the print resolution of a figure calibrated in inches, else 0 */
	private static double dotsPerInch(final Calibration c) {
		return "inch".equals(c.getUnit()) && c.pixelWidth > 0 ? 1 / c.pixelWidth : 0;
	}

	private static void writePng(final BufferedImage image, final double dpi, final OutputStream out)
		throws IOException
	{
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			final ImageWriteParam param = writer.getDefaultWriteParam();
			final IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
				param);
			if (dpi > 0) {
				final IIOMetadataNode physical = new IIOMetadataNode("pHYs");
				final String perMetre = Long.toString(Math.round(dpi / 0.0254));
				physical.setAttribute("pixelsPerUnitXAxis", perMetre);
				physical.setAttribute("pixelsPerUnitYAxis", perMetre);
				physical.setAttribute("unitSpecifier", "meter");
				final IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
				root.appendChild(physical);
				metadata.mergeTree("javax_imageio_png_1.0", root);
			}
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, metadata), param);
		}
		finally {
			writer.dispose();
		}
	}
}
