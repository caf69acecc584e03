package io.github.imagearray.io;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;

import io.github.imagearray.OneLine;
import io.github.imagearray.io.TiffPages.Page;
import io.github.imagearray.stats.PlanesOnDemand.PlaneRanges;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Reads TIFF and BigTIFF files of one sample per pixel into the matching ImgLib2 type: unsigned and
 * signed 8, 16 and 32-bit integers, 32 and 64-bit floats; uncompressed, PackBits, LZW and deflate,
 * predictors 2 and 3, strips and tiles. The pages of a multi-page file are the planes of one volume
 * and must agree in size and type; they are decoded when read (by TwelveMonkeys ImageIO), part of a
 * plane at a time, each part from the strips or tiles that hold it alone, so a stack larger than
 * memory is measured as it streams, and each strip is decoded about once per pass (see
 * {@code Decoders}). The file is open only while a part is read. ImageJ's stacks of
 * more than 4 GiB (one IFD and {@code images=} in the description), and pages stored uncompressed in
 * consecutive strips, are read as raw bytes. The straight-line calibration that ImageJ writes into
 * the description of an 8- or 16-bit file ({@code cf=0} with {@code c0} and {@code c1}, also its
 * signed 16-bit offset) is applied, as ImageJ applies it: the voxels become float64
 * {@code c0 + c1 * stored}. Other calibration functions are not: the stored values are read, and
 * the caller is told so in one line.
 * <p>
 * The file's structure is checked before any pixel is decoded ({@link TiffPages}); every problem
 * is an {@link ImageFileException}, or an {@link UncheckedIOException} while the planes are read,
 * that names the file.
 * <p>
 * {@code RandomAccessibleInterval<? extends RealType<?>> img = new TiffReader().open(Paths.get("stack.tif"), OpenOptions.NONE).image();}
 */
public final class TiffReader implements ImageFormat {

	private static final Pattern IMAGES = Pattern.compile("(?m)^images=(\\d+)\\s*$");
	private static final Pattern FUNCTION = Pattern.compile("(?m)^cf=(\\d+)\\s*$");
	/** ImageJ's number of the straight line among its calibration functions. */
	private static final int STRAIGHT_LINE = 0;

	@Override
	public String name() {
		return "TIFF";
	}

	/** @return whether the path is a file named {@code .tif} or {@code .tiff} */
	@Override
	public boolean recognises(final Path path, final OpenOptions options) {
		return !Files.isDirectory(path) && ImageFiles.hasExtension(path, ".tif", ".tiff");
	}

	/**
	 * @return the voxels, in the file's own pixel type (float64 with ImageJ's straight-line
	 *         calibration, warning of another function), and the voxel size: from ImageJ's
	 *         description ({@code spacing=}) or OME-XML's {@code PhysicalSize}, and the resolution
	 *         tags (z: the x size when only x and y are recorded)
	 */
	@Override
	public ImageFile open(final Path file, final OpenOptions options) throws IOException {
		if (!Files.isRegularFile(file)) throw new ImageFileException("File not found: " + file);
		final List<Page> pages = TiffPages.read(file);
		return new ImageFile(this, calibrated(file, pages.get(0), stored(file, pages), options::warn), voxelSize(pages
			.get(0)));
	}

	/** @return the stored values of every page */
	private static RandomAccessibleInterval<? extends RealType<?>> stored(final Path file, final List<Page> pages)
		throws IOException
	{
		final Page first = pages.get(0);
		final MetaElementType type = elementType(first);
		final int planeLength = (int) (first.width * first.height);
		final long imageJPlanes = imageJPlanes(file, pages);
		if (imageJPlanes > 1) return PlanarFile.open(file, first.offsets[0], new long[] { first.width, first.height,
			imageJPlanes }, type, first.bigEndian);
		final long[] dims = pages.size() == 1 ? new long[] { first.width, first.height } : new long[] { first.width,
			first.height, pages.size() };
		return PlanarFile.open(dims, new Decoders(pages, type)::read, type);
	}

	/**
	 * @return the voxels with ImageJ's straight-line calibration of an 8- or 16-bit file applied (ImageJ
	 *         disables calibration functions for 32-bit images); the stored ones otherwise
	 */
	private static RandomAccessibleInterval<? extends RealType<?>> calibrated(final Path file, final Page first,
		final RandomAccessibleInterval<? extends RealType<?>> stored, final Consumer<String> warnings)
	{
		final String d = first.description;
		final Matcher function = FUNCTION.matcher(d);
		if (!d.startsWith("ImageJ=") || !function.find() || first.sampleFormat == TiffPages.FLOAT || first.bitsPerSample >
			16) return stored;
		final double c0 = coefficient(d, "c0"), c1 = coefficient(d, "c1");
		if (function.group(1).equals(Integer.toString(STRAIGHT_LINE)) && Double.isFinite(c0) && Double.isFinite(c1) && !d
			.matches("(?s).*^zeroclip=true\\s*$.*")) return Rescale.view(stored, c1, c0);
		warnings.accept(file + ": ImageJ's calibration function cf=" + function.group(1) +
			" is not applied: the stored values are measured.");
		return stored;
	}

	/** @return coefficient {@code c0}, {@code c1}, ... of ImageJ's description, or NaN where missing or no number */
	private static double coefficient(final String description, final String name) {
		final Matcher m = Pattern.compile("(?m)^" + name + "=(\\S+)\\s*$").matcher(description);
		if (!m.find()) return Double.NaN;
		try {
			return Double.parseDouble(m.group(1));
		}
		catch (final NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** @return the voxel size along x, y and z that a file's first page records, as {@link #open} gives it */
	static double[] voxelSize(final Page p) {
		final double[] size = { 1, 1, 1 };
		if (p.xResolution > 0) size[0] = 1 / p.xResolution;
		if (p.yResolution > 0) size[1] = 1 / p.yResolution;
		size[2] = p.xResolution > 0 ? size[0] : 1;
		final String d = p.description;
		if (d.startsWith("ImageJ=")) size[2] = number(d, "(?m)^spacing=(\\S+)\\s*$", size[2]);
		else if (d.contains("<OME")) {
			size[0] = number(d, "PhysicalSizeX=\"([^\"]+)\"", size[0]);
			size[1] = number(d, "PhysicalSizeY=\"([^\"]+)\"", size[1]);
			size[2] = number(d, "PhysicalSizeZ=\"([^\"]+)\"", size[2]);
		}
		return size;
	}

	private static double number(final String text, final String pattern, final double fallback) {
		final Matcher m = Pattern.compile(pattern).matcher(text);
		if (!m.find()) return fallback;
		try {
			final double v = Double.parseDouble(m.group(1));
			return v > 0 && Double.isFinite(v) ? v : fallback;
		}
		catch (final NumberFormatException e) {
			return fallback;
		}
	}

	static MetaElementType elementType(final Page p) {
		return MetaElementType.of(p.sampleFormat == TiffPages.FLOAT ? 'f' : p.sampleFormat == TiffPages.SIGNED ? 'i'
			: 'u', p.bitsPerSample / 8);
	}

	/**
	 * @return the number of planes of an ImageJ stack written with a single IFD (as ImageJ writes
	 *         stacks of more than 4 GiB: uncompressed planes one after the other), else 0
	 */
	private static long imageJPlanes(final Path file, final List<Page> pages) throws IOException {
		final Page p = pages.get(0);
		if (pages.size() != 1 || !p.description.startsWith("ImageJ=") || p.compression != TiffPages.NONE || p.tiled)
			return 0;
		final Matcher m = IMAGES.matcher(p.description);
		if (!m.find()) return 0;
		final long images;
		try {
			images = Long.parseLong(m.group(1));
		}
		catch (final NumberFormatException e) {
			throw new ImageFileException(file + ": ImageJ's description gives images=" + m.group(1) + ".");
		}
		if (images <= 1) return 0;
		final long planeBytes = p.width * p.height * (p.bitsPerSample / 8);
		final long end = p.offsets[0] + images * planeBytes;
		if (images > Integer.MAX_VALUE - 8 || end > Files.size(file)) throw new ImageFileException(file +
			": ImageJ's description gives " + images + " images, which end at byte " + end + ", but the file has " + Files
				.size(file) + " bytes: the file is truncated.");
		return images;
	}

	/**
	 * TwelveMonkeys readers, each used by one thread at a time and kept for the next read; the file
	 * is opened for each read and closed when it ends, so no file stays open once the image is read
	 * (a {@code describe} of thousands of files would run out of file handles). A band of rows is
	 * decoded from the strips, or rows of tiles, that hold it alone ({@link TiffBand}): a page read in
	 * bands costs about one decoding of each strip, where TwelveMonkeys decoded the page from its top
	 * down to each band.
	 */
	static final class Decoders {

		/**
		 * Bytes of decoded strips kept at once for the bands that follow, all strips together: at most
		 * this, and a sixteenth of the heap.
		 */
		static final long KEPT_BYTES = 64L << 20;

		private final List<Page> pages;
		private final MetaElementType type;
		private final Queue<Decoder> idle = new ConcurrentLinkedQueue<>();
		/** The strips decoded whole to be kept, oldest first; guarded by {@code this}. */
		private final Deque<KeptParts> kept = new ArrayDeque<>();
		/** The voxels' bytes of {@link #kept}, those still being decoded included; guarded by {@code this}. */
		private long keptBytes;

		/**
		 * Strips, or rows of tiles, that hold more rows than two bands, decoded whole once for all the
		 * bands they hold: decoded for each band, they would be decoded from their top down to each.
		 */
		static final class KeptParts {

			final Page page;
			final int firstPart, lastPart;
			final long bytes;
			/** Their voxels, decoded by the first thread that needs them; the others wait for them. */
			final FutureTask<Object> values;

			KeptParts(final Page page, final int firstPart, final int lastPart, final long bytes,
				final Callable<Object> decode)
			{
				this.page = page;
				this.firstPart = firstPart;
				this.lastPart = lastPart;
				this.bytes = bytes;
				values = new FutureTask<>(decode);
			}

			boolean holds(final Page p, final int first, final int last) {
				return page == p && firstPart <= first && last <= lastPart;
			}

			/**
			 * @return the voxels, once decoded
			 * @throws IOException, an {@link Error} or a {@link RuntimeException} as the decoding threw it
			 * @throws CancellationException when this thread is interrupted while it waits (the interrupt kept)
			 */
			Object values() throws IOException {
				try {
					return values.get();
				}
				catch (final InterruptedException e) {
					// the statistics were canceled: no strip failed
					Thread.currentThread().interrupt();
					throw new CancellationException("interrupted while another thread decoded the strips");
				}
				catch (final ExecutionException e) {
					// what the decoding threw, as itself: an OutOfMemoryError is not a corrupt strip
					final Throwable cause = e.getCause();
					if (cause instanceof IOException) throw (IOException) cause;
					if (cause instanceof Error) throw (Error) cause;
					throw (RuntimeException) cause;
				}
			}
		}

		/** A reader, kept for the next read. */
		private static final class Decoder implements AutoCloseable {

			final ImageReader reader = new TIFFImageReaderSpi().createReaderInstance(null);

			/**
			 * @param channel the page's file, open
			 * @return rows [firstRow, firstRow + rows) of the page, decoded from the strips or tiles
			 *         that hold them, never kept
			 */
			Object decode(final FileChannel channel, final Page page, final int firstRow, final int rows)
				throws IOException
			{
				final long partRows = TiffBand.partRows(page);
				final int firstPart = (int) (firstRow / partRows), lastPart = (int) ((firstRow + rows - 1) / partRows);
				reader.setInput(new TiffBand(channel, page, firstPart, lastPart));
				final int width = (int) page.width;
				final ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceRegion(new Rectangle(0, (int) (firstRow - firstPart * partRows), width, rows));
				final Raster raster = reader.readRaster(0, param);
				if (raster.getWidth() != width || raster.getHeight() != rows || raster.getNumBands() != 1)
					throw new IOException("decoded as " + raster.getWidth() + " x " + raster.getHeight() + " x " + raster
						.getNumBands() + " instead of " + width + " x " + rows + " x 1");
				return raster.getDataElements(raster.getMinX(), raster.getMinY(), width, rows, null);
			}

			@Override
			public void close() {
				reader.dispose();
			}
		}

		/**
		 * @param pages the planes, in order, all of one size and {@code type}
		 */
		Decoders(final List<Page> pages, final MetaElementType type) {
			this.pages = pages;
			this.type = type;
		}

		/**
		 * @return voxels [from, from + length) of page {@code plane}: read as raw bytes where the page
		 *         is stored so, else decoded from the rows that hold them
		 * @throws CancellationException when the thread is interrupted (the interrupt kept)
		 */
		Object read(final int plane, final long from, final int length) {
			final Page page = pages.get(plane);
			if (page.rawOffset >= 0) return PlanarFile.read(page.file, page.rawOffset + from * type.bytes(), length,
				type, page.bigEndian, plane);
			final int width = (int) page.width;
			Decoder decoder = idle.poll();
			try (FileChannel channel = FileChannel.open(page.file, StandardOpenOption.READ)) {
				if (decoder == null) decoder = new Decoder();
				final Decoder reading = decoder;
				final Object range = PlanarFile.fromRows((p, firstRow, rows) -> keptOrDecoded(reading, channel, page,
					firstRow, rows), plane, from, length, width, type);
				idle.add(decoder);
				return range;
			}
			catch (final CancellationException e) {
				if (decoder != null) decoder.close();
				throw e;
			}
			catch (final IOException | RuntimeException e) {
				if (decoder != null) decoder.close();
				Interrupts.cancelIfInterrupted(page.file, e);
				final int firstRow = (int) (from / width), lastRow = (int) ((from + length - 1) / width);
				throw new UncheckedIOException(failure(page, firstRow, lastRow, e));
			}
		}

		/**
		 * @return rows [firstRow, firstRow + rows) of the page: decoded from the strips or rows of tiles
		 *         that hold them, or cut from those strips decoded whole and kept when they hold more
		 *         rows than two such bands and they fit, with the strips kept for other threads'
		 *         bands, in {@link #KEPT_BYTES} and a sixteenth of the heap (TwelveMonkeys briefly holds
		 *         three copies of what it decodes): the strips kept longest, once decoded, make room.
		 *         Other strips are decoded from their top down to each band
		 */
		private Object keptOrDecoded(final Decoder decoder, final FileChannel channel, final Page page,
			final int firstRow, final int rows) throws IOException
		{
			final long partRows = TiffBand.partRows(page);
			final int firstPart = (int) (firstRow / partRows), lastPart = (int) ((firstRow + rows - 1) / partRows);
			final long rowsBefore = firstPart * partRows;
			final long partsRows = Math.min(page.height, (lastPart + 1) * partRows) - rowsBefore;
			final long partsBytes = partsRows * page.width * type.bytes();
			final long bound = Math.min(KEPT_BYTES, Runtime.getRuntime().maxMemory() / 16);
			if (partsRows < 2L * rows || partsBytes > bound) return ofType(decoder.decode(channel, page, firstRow, rows));
			KeptParts parts = null;
			boolean decodeHere = false;
			synchronized (this) {
				for (final KeptParts k : kept)
					if (k.holds(page, firstPart, lastPart)) parts = k;
				if (parts == null) {
					for (final Iterator<KeptParts> i = kept.iterator(); i.hasNext() && keptBytes + partsBytes > bound;) {
						final KeptParts k = i.next();
						if (!k.values.isDone()) continue;
						i.remove();
						keptBytes -= k.bytes;
					}
					if (keptBytes + partsBytes <= bound) {
						parts = new KeptParts(page, firstPart, lastPart, partsBytes, () -> ofType(decoder.decode(channel,
							page, (int) rowsBefore, (int) partsRows)));
						kept.add(parts);
						keptBytes += partsBytes;
						decodeHere = true;
					}
				}
			}
			// the strips being decoded by other threads fill the bound: these are not kept
			if (parts == null) return ofType(decoder.decode(channel, page, firstRow, rows));
			if (decodeHere) parts.values.run();
			final Object all;
			try {
				all = parts.values();
			}
			catch (final IOException | RuntimeException | Error e) {
				forget(parts);
				// another thread's decoding was canceled: this one decodes them
				if (!decodeHere && Interrupts.byInterrupt(e) && !Thread.currentThread().isInterrupted()) return keptOrDecoded(
					decoder, channel, page, firstRow, rows);
				throw e;
			}
			final long keptBefore = parts.firstPart * partRows;
			final Object band = PlanarFile.newArray(type, rows * (int) page.width);
			System.arraycopy(all, (int) ((firstRow - keptBefore) * page.width), band, 0, rows * (int) page.width);
			return band;
		}

		/** Drops strips whose decoding failed or was canceled, so the next read decodes them again. */
		private synchronized void forget(final KeptParts parts) {
			if (parts.values.isDone() && kept.remove(parts)) keptBytes -= parts.bytes;
		}

		/**
		 * Says which strip or tile of the page failed to decode, and how, in words: the strips, or
		 * rows of tiles, that hold rows [firstRow, lastRow] are decoded one by one, and in the first
		 * that fails the first row that fails is found by halving, some ten decodings of that strip;
		 * only once a read has failed.
		 */
		private static ImageFileException failure(final Page page, final int firstRow, final int lastRow,
			final Exception e)
		{
			final long partRows = TiffBand.partRows(page);
			try (FileChannel channel = FileChannel.open(page.file, StandardOpenOption.READ);
				Decoder decoder = new Decoder()) {
				for (long part = firstRow / partRows; part <= lastRow / partRows; part++) {
					final long rowsBefore = part * partRows;
					final int rowsIn = (int) Math.min(partRows, page.height - rowsBefore);
					if (decodes(decoder, channel, page, rowsBefore, rowsIn)) continue;
					int good = 0, bad = rowsIn;
					while (bad - good > 1) {
						final int middle = (good + bad) >>> 1;
						if (decodes(decoder, channel, page, rowsBefore, middle)) good = middle;
						else bad = middle;
					}
					return failure(page, part, good, rowsIn, e);
				}
			}
			catch (final IOException opening) {
				// the file cannot be opened again (gone since its structure was read): say what failed first
			}
			return undecodable(page, e);
		}

		/**
		 * @param part the strip, or row of tiles, that fails
		 * @param decoded how many of its rows decode
		 * @param rowsIn how many rows it holds
		 */
		private static ImageFileException failure(final Page page, final long part, final long decoded,
			final long rowsIn, final Exception e)
		{
			final int bytes = page.bitsPerSample / 8;
			final String which;
			if (page.tiled) {
				final long across = (page.width + page.tileWidth - 1) / page.tileWidth;
				which = "tiles " + (part * across + 1) + " to " + (part * across + across) + " of " + page.offsets.length +
					" (a row of tiles, " + compression(page) + ")";
			}
			else which = "strip " + (part + 1) + " of " + page.offsets.length + " (" + compression(page) + ", " +
				page.byteCounts[(int) part] + " bytes at byte " + page.offsets[(int) part] + ")";
			final String where = page.file + ": page " + (page.chainIndex + 1) + ", " + which;
			if (endsEarly(e)) return new ImageFileException(where + " ends early: " + decoded * page.width * bytes +
				" bytes of " + rowsIn * page.width * bytes + " decoded (" + decoded + " of its " + rowsIn + " rows).");
			return new ImageFileException(where + " cannot be decoded after " + decoded + " of its " + rowsIn +
				" rows: " + reason(e) + ".");
		}

		private static ImageFileException undecodable(final Page page, final Exception e) {
			return new ImageFileException(page.file + ": page " + (page.chainIndex + 1) + " cannot be decoded: " + reason(
				e) + ".");
		}

		/**
		 * @return whether the first {@code rows} rows of the strip, or row of tiles, that starts at row
		 *         {@code rowsBefore} decode: asking for the last of them, TwelveMonkeys decodes all, and
		 *         only that row is held
		 */
		private static boolean decodes(final Decoder decoder, final FileChannel channel, final Page page,
			final long rowsBefore, final int rows)
		{
			if (rows == 0) return true;
			try {
				decoder.decode(channel, page, (int) rowsBefore + rows - 1, 1);
				return true;
			}
			catch (final IOException | RuntimeException e) {
				// canceled while the failing strip is searched for: no answer is due
				Interrupts.cancelIfInterrupted(page.file, e);
				return false;
			}
		}

		private static boolean endsEarly(final Throwable e) {
			for (Throwable t = e; t != null; t = t.getCause())
				if (t instanceof EOFException) return true;
			return false;
		}

		/**
		 * @return the decoder's words when they are words (zlib's "invalid distance too far back",
		 *         TwelveMonkeys' "Corrupted TIFF LZW: code 4000 (table size: 300)"), never Java's
		 *         exception names or an index out of an array's bounds
		 */
		private static String reason(final Throwable e) {
			final String m = e.getMessage();
			if (e instanceof RuntimeException || m == null || m.trim().isEmpty() || m.contains("Exception") || m
				.contains("java.")) return "its compressed data are corrupt";
			return OneLine.printable(m);
		}

		private static String compression(final Page page) {
			switch (page.compression) {
				case TiffPages.LZW:
					return "LZW";
				case TiffPages.PACKBITS:
					return "PackBits";
				case TiffPages.NONE:
					return "uncompressed";
				default:
					return "deflate";
			}
		}

		/** @return the decoded pixels, after checking that they are in the voxel type's array */
		private Object ofType(final Object decoded) throws IOException {
			final Class<?> expected = PlanarFile.newArray(type, 0).getClass();
			if (decoded.getClass() != expected) throw new IOException("decoded as " + decoded.getClass()
				.getSimpleName() + " instead of " + expected.getSimpleName());
			return decoded;
		}
	}
}
