package io.github.imagearray.io;

import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.github.imagearray.OneLine;
import io.github.imagearray.io.TiffPages.Page;
import io.github.imagearray.stats.PlanesOnDemand;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * A folder of 2D images of one size and type — TIFF (every type {@link TiffReader} reads), PNG and
 * BMP (8 and 16-bit grey, through the JDK) — as a volume whose planes are the files in natural
 * order of their names ({@code slice2} before {@code slice10}), optionally only those matching a
 * glob. Each plane is read from its file when needed (TIFF a span at a time), so the folder may be
 * far larger than memory. Files that disagree in size or type are refused naming the first such
 * file; hidden files and files of other kinds are left out.
 * <p>
 * {@code ImageFile recon = new SliceFolder().open(Paths.get("recon"), OpenOptions.NONE.pattern("*.tif"));}
 */
public final class SliceFolder implements ImageFormat {

	private static final String[] TIFF = { ".tif", ".tiff" }, JDK = { ".png", ".bmp" };

	@Override
	public String name() {
		return "folder of 2D images";
	}

	/** @return whether the path is a folder: the last format asked for folders */
	@Override
	public boolean recognises(final Path path, final OpenOptions options) {
		return Files.isDirectory(path);
	}

	/** @return the volume of the files the pattern selects, and the voxel size the first file records */
	@Override
	public ImageFile open(final Path dir, final OpenOptions options) throws IOException {
		final List<Path> files = files(dir, options.pattern());
		final Path first = files.get(0);
		return new ImageFile(this, volume(files), isTiff(first) ? TiffReader.voxelSize(TiffPages.read(first).get(0))
			: new double[] { 1, 1, 1 });
	}

	private static RandomAccessibleInterval<? extends RealType<?>> volume(final List<Path> files)
		throws IOException
	{
		return isTiff(files.get(0)) ? tiffPlanes(files) : jdkPlanes(files);
	}

	/**
	 * @return the images of the folder that the pattern selects, in natural order of their names
	 * @throws ImageFileException when there are none
	 */
	static List<Path> files(final Path dir, final String pattern) throws IOException {
		final PathMatcher glob = pattern == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + pattern);
		final List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			for (final Path f : entries) {
				final String name = f.getFileName().toString();
				if (name.startsWith(".") || !Files.isRegularFile(f)) continue;
				if (glob == null ? isTiff(f) || endsWith(name, JDK) : glob.matches(f.getFileName())) files.add(f);
			}
		}
		if (files.isEmpty()) throw new ImageFileException(dir + ": no " + (pattern == null
			? "TIFF, PNG or BMP files" : "files matching " + pattern) + " in this folder.");
		Collections.sort(files, Comparator.comparing(f -> f.getFileName().toString(), SliceFolder::natural));
		return files;
	}

	/** Compares names as people order them: runs of digits by their number, the rest ignoring case. */
	static int natural(final String a, final String b) {
		int i = 0, j = 0;
		while (i < a.length() && j < b.length()) {
			final char x = a.charAt(i), y = b.charAt(j);
			if (Character.isDigit(x) && Character.isDigit(y)) {
				final int endA = digitsEnd(a, i), endB = digitsEnd(b, j);
				final String da = a.substring(i, endA).replaceFirst("^0+(?=.)", ""), db = b.substring(j, endB)
					.replaceFirst("^0+(?=.)", "");
				final int c = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
				if (c != 0) return c;
				i = endA;
				j = endB;
			}
			else {
				final int c = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
				if (c != 0) return c;
				i++;
				j++;
			}
		}
		final int c = Integer.compare(a.length() - i, b.length() - j);
		return c != 0 ? c : a.compareTo(b);
	}

	private static int digitsEnd(final String s, final int from) {
		int end = from;
		while (end < s.length() && Character.isDigit(s.charAt(end)))
			end++;
		return end;
	}

	private static RandomAccessibleInterval<? extends RealType<?>> tiffPlanes(final List<Path> files)
		throws IOException
	{
		final List<Page> pages = new ArrayList<>(files.size());
		for (final Path f : files) {
			if (!isTiff(f)) throw notLikeTheFirst(f, files.get(0), "not a TIFF file");
			final List<Page> inFile = TiffPages.read(f);
			if (inFile.size() != 1) throw new ImageFileException(f + ": a stack of " + inFile.size() +
				" images; a folder of slices holds one 2D image per file.");
			final Page p = inFile.get(0);
			if (!pages.isEmpty() && !p.sameSizeAndType(pages.get(0))) throw notLikeTheFirst(f, files.get(0), p
				.sizeAndType() + " while the first is " + pages.get(0).sizeAndType());
			pages.add(p);
		}
		final Page first = pages.get(0);
		final MetaElementType type = TiffReader.elementType(first);
		return PlanarFile.open(new long[] { first.width, first.height, files.size() }, new TiffReader.Decoders(pages,
			type)::read, type);
	}

	private static RandomAccessibleInterval<? extends RealType<?>> jdkPlanes(final List<Path> files)
		throws IOException
	{
		final int[] first = jdkHeader(files.get(0));
		for (final Path f : files.subList(1, files.size())) {
			final int[] header = jdkHeader(f);
			if (header[0] != first[0] || header[1] != first[1] || header[2] != first[2]) throw notLikeTheFirst(f, files
				.get(0), header[0] + " x " + header[1] + " " + header[2] + "-bit while the first is " + first[0] + " x " +
					first[1] + " " + first[2] + "-bit");
		}
		final long[] dims = { first[0], first[1], files.size() };
		// planes read whole (these formats decode from the start); the engine keeps the last ones read
		if (first[2] == 8) return PlanesOnDemand.<UnsignedByteType, ByteArray> create(dims, p -> new ByteArray(
			(byte[]) jdkPixels(files.get(p))), UnsignedByteType::new);
		return PlanesOnDemand.<UnsignedShortType, ShortArray> create(dims, p -> new ShortArray((short[]) jdkPixels(
			files.get(p))), UnsignedShortType::new);
	}

	/** @return width, height and bits per sample of a PNG or BMP file of one sample per pixel */
	private static int[] jdkHeader(final Path file) throws IOException {
		return withReader(file, reader -> {
			final SampleModel model = reader.getRawImageType(0).getSampleModel();
			final int bits = model.getSampleSize(0);
			if (model.getNumBands() != 1) throw new ImageFileException(file + ": it has " + model.getNumBands() +
				" samples per pixel (RGB or with alpha); ImageArray measures one value per voxel: convert it to grey first.");
			if (bits != 8 && bits != 16) throw new ImageFileException(file + ": samples of " + bits +
				" bits are not read; read: 8 and 16-bit grey.");
			return new int[] { reader.getWidth(0), reader.getHeight(0), bits };
		});
	}

	private static Object jdkPixels(final Path file) {
		try {
			return withReader(file, reader -> {
				final Raster raster = reader.canReadRaster() ? reader.readRaster(0, null) : reader.read(0).getRaster();
				return raster.getDataElements(raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(),
					null);
			});
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e instanceof ImageFileException ? (ImageFileException) e
				: new ImageFileException(file + ": cannot be decoded: " + OneLine.reason(e) + ".", e));
		}
	}

	/** Something a reader of one file works out. */
	private interface ReaderJob<R> {

		R run(ImageReader reader) throws IOException;
	}

	private static <R> R withReader(final Path file, final ReaderJob<R> job) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			final Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) throw new ImageFileException(file +
				": not a PNG or BMP file that Java can read.");
			final ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return job.run(reader);
			}
			catch (final IOException | RuntimeException e) {
				if (e instanceof ImageFileException) throw (ImageFileException) e;
				throw new ImageFileException(file + ": cannot be decoded: " + OneLine.reason(e) + ".", e);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static ImageFileException notLikeTheFirst(final Path file, final Path first, final String what) {
		return new ImageFileException(file + ": " + what + " (first file: " + first.getFileName() +
			"); the slices of a folder must agree in size and type (--pattern selects some of its files).");
	}

	private static boolean isTiff(final Path file) {
		return endsWith(file.getFileName().toString(), TIFF);
	}

	private static boolean endsWith(final String name, final String[] extensions) {
		final String lower = name.toLowerCase(Locale.ROOT);
		for (final String e : extensions)
			if (lower.endsWith(e)) return true;
		return false;
	}
}
