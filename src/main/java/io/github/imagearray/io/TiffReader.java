package io.github.imagearray.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.io.TiffDecoder;

/**
 * Opens TIFF files with ImageJ 1.x's reader, after checking the file's structure with its
 * {@link TiffDecoder} so that broken or truncated files are refused with a message instead of
 * being read as zeros.
 * <p>
 * {@code ImagePlus imp = TiffReader.read(Paths.get("stack.tif"));}
 */
public final class TiffReader {

	private TiffReader() {
	}

	/**
	 * @param file a TIFF file
	 * @return the image, as ImageJ opens it
	 * @throws ImageFileException naming the file and the problem
	 */
	public static ImagePlus read(final Path file) throws IOException {
		final FileInfo[] info = info(file);
		checkUncompressedSize(file, info);
		final File f = file.toAbsolutePath().toFile();
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		final ImagePlus imp = opener.openTiff(f.getParent() + File.separator, f.getName());
		if (imp == null) throw new ImageFileException(file + ": ImageJ could not open this TIFF file.");
		return imp;
	}

	/** @return the TIFF's image descriptions, as ImageJ's decoder reads them */
	static FileInfo[] info(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new ImageFileException("File not found: " + file);
		final File f = file.toAbsolutePath().toFile();
		final FileInfo[] info;
		try {
			info = new TiffDecoder(f.getParent() + File.separator, f.getName()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw new ImageFileException(file + ": not a readable TIFF file (" + e.getMessage() + ").", e);
		}
		if (info == null || info.length == 0) throw new ImageFileException(file + ": not a readable TIFF file.");
		return info;
	}

	private static void checkUncompressedSize(final Path file, final FileInfo[] info) throws IOException {
		final long size = Files.size(file);
		for (final FileInfo fi : info) {
			if (fi.compression > FileInfo.COMPRESSION_NONE || fi.stripOffsets != null && fi.stripOffsets.length > 1)
				continue;
			final long plane = (long) fi.width * fi.height * fi.getBytesPerPixel();
			final long images = Math.max(1, fi.nImages);
			final long end = fi.getOffset() + plane * images + fi.gapBetweenImages * (images - 1);
			if (end > size) throw new ImageFileException(file + ": truncated TIFF file: the pixels end at byte " + end +
				" but the file has " + size + " bytes.");
		}
	}
}
