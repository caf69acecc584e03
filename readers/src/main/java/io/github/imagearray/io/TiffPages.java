package io.github.imagearray.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The structure of a TIFF or BigTIFF file, read strictly before any pixel is decoded: every image
 * file directory (IFD) of the chain, with loops, offsets beyond the file and strips or tiles that
 * end beyond it refused, strips or tiles that overlap the header, an IFD, the values of a tag or
 * one another refused (a strip or tile that is an exact copy of another's offset and byte count
 * is allowed), and the pages' sizes and sample types checked to agree. The pixels are
 * decoded by {@link TiffReader}; this class only tells where they are and what they are.
 * <p>
 * {@code TiffPages pages = TiffPages.read(Paths.get("stack.tif")); int depth = pages.count();}
 */
final class TiffPages {

	static final int NONE = 1, LZW = 5, DEFLATE = 8, ADOBE_DEFLATE = 32946, PACKBITS = 32773;
	static final int UNSIGNED = 1, SIGNED = 2, FLOAT = 3, UNDEFINED = 4;

	/** An IFD entry count beyond this is not a real image directory. */
	private static final long MAX_ENTRIES = 1 << 16;

	/** One page: an image of the file's main IFD chain. */
	static final class Page {

		/** The file that holds it, and its byte order. */
		Path file;
		boolean bigEndian;
		/** Its position in the IFD chain, as TIFF readers count images. */
		int chainIndex;
		long width;
		long height;
		int bitsPerSample = 1;
		int sampleFormat = UNSIGNED;
		int samplesPerPixel = 1;
		int compression = NONE;
		int predictor = 1;
		/** 2 when the bits of each byte are stored in reverse order. */
		int fillOrder = 1;
		long subfileType;
		long[] offsets;
		long[] byteCounts;
		boolean tiled;
		long tileWidth;
		long tileHeight;
		long rowsPerStrip;
		String description = "";
		double xResolution;
		double yResolution;
		int resolutionUnit = 2;

		/**
		 * Where the page's pixels start when they are stored uncompressed, in strips one after
		 * the other in order: they can then be read as raw bytes; else -1.
		 */
		long rawOffset = -1;

		boolean sameSizeAndType(final Page other) {
			return width == other.width && height == other.height && bitsPerSample == other.bitsPerSample &&
				sampleFormat == other.sampleFormat;
		}

		String sizeAndType() {
			return width + " x " + height + " " + typeText();
		}

		String typeText() {
			return (sampleFormat == FLOAT ? "float" : sampleFormat == SIGNED ? "int" : "uint") + bitsPerSample;
		}
	}

	private final Path file;
	private final long fileSize;
	private final FileChannel channel;
	private ByteOrder order;
	private boolean big;
	private final List<Page> pages = new ArrayList<>();
	/** Where the header, the IFDs, the tags' values and the strips or tiles lie, for {@link #checkOverlaps}. */
	private final List<Span> spans = new ArrayList<>();

	/** Bytes [start, end) of the file and what they hold. */
	private static final class Span implements Comparable<Span> {

		final long start, end;
		/** The page (0-based position in the IFD chain) whose strip or tile this is, else -1. */
		final int page;
		/** The strip or tile's index in its page, or the tag; -1 for the header and an IFD. */
		final int index;
		/** The strip or tile count of the page, 0 for what is not a strip or tile. */
		final int parts;
		final boolean tiled;

		Span(final long start, final long end, final int page, final int index, final int parts, final boolean tiled) {
			this.start = start;
			this.end = end;
			this.page = page;
			this.index = index;
			this.parts = parts;
			this.tiled = tiled;
		}

		boolean isPart() {
			return parts > 0;
		}

		boolean sameBytes(final Span other) {
			return start == other.start && end == other.end;
		}

		@Override
		public int compareTo(final Span other) {
			return start != other.start ? Long.compare(start, other.start) : Long.compare(end, other.end);
		}

		@Override
		public String toString() {
			final String bytes = " (bytes " + start + "-" + (end - 1) + ")";
			if (isPart()) return "page " + (page + 1) + ", " + (tiled ? "tile " : "strip ") + (index + 1) + " of " +
				parts + bytes;
			if (index >= 0) return "the values of tag " + index + " of page " + (page + 1) + bytes;
			return (page < 0 ? "the file header" : "the IFD of page " + (page + 1)) + bytes;
		}
	}

	private TiffPages(final Path file, final FileChannel channel) throws IOException {
		this.file = file;
		this.channel = channel;
		this.fileSize = channel.size();
	}

	/**
	 * @return the pages of the file's main IFD chain that hold full-resolution images (reduced-
	 *         resolution copies are left out), all of one size and sample type
	 * @throws ImageFileException naming the file, the page and the problem
	 */
	static List<Page> read(final Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			final TiffPages t = new TiffPages(file, channel);
			t.readChain();
			t.checkOverlaps();
			t.checkAgree();
			return t.pages;
		}
	}

	private void readChain() throws IOException {
		final ByteBuffer head = bytes(0, 16 > fileSize ? (int) fileSize : 16);
		if (head.remaining() < 8) throw new ImageFileException(file + ": not a TIFF file (" + fileSize + " bytes).");
		final int b0 = head.get(0), b1 = head.get(1);
		if (b0 == 'I' && b1 == 'I') order = ByteOrder.LITTLE_ENDIAN;
		else if (b0 == 'M' && b1 == 'M') order = ByteOrder.BIG_ENDIAN;
		else throw new ImageFileException(file + ": not a TIFF file (it does not start with II or MM).");
		head.order(order);
		final int magic = head.getShort(2) & 0xffff;
		long next;
		if (magic == 42) next = head.getInt(4) & 0xffffffffL;
		else if (magic == 43 && head.remaining() >= 16 && head.getShort(4) == 8) {
			big = true;
			next = head.getLong(8);
		}
		else throw new ImageFileException(file + ": not a TIFF file (version " + magic + "; TIFF is 42, BigTIFF 43).");
		if (next == 0) throw new ImageFileException(file + ": the TIFF file has no image.");
		spans.add(new Span(0, big ? 16 : 8, -1, -1, 0, false));
		final Set<Long> seen = new HashSet<>();
		for (int index = 0; next != 0; index++) {
			if (!seen.add(next)) throw new ImageFileException(file + ": the IFD chain loops: page " + (index + 1) +
				" points back to the IFD at byte " + next + ".");
			next = readIfd(next, index);
		}
		if (pages.isEmpty()) throw new ImageFileException(file + ": the TIFF file has only reduced-resolution images.");
	}

	/** Reads the IFD at {@code offset}; returns the offset of the next one (0 at the end). */
	private long readIfd(final long offset, final int index) throws IOException {
		final String where = file + ": page " + (index + 1) + ", ";
		final int countBytes = big ? 8 : 2, entryBytes = big ? 20 : 12, nextBytes = big ? 8 : 4;
		if (offset < 8 || offset > fileSize - countBytes) throw new ImageFileException(where + "its IFD at byte " +
			offset + " is outside the file (" + fileSize + " bytes).");
		final ByteBuffer c = bytes(offset, countBytes);
		final long entries = big ? c.getLong(0) : c.getShort(0) & 0xffff;
		if (entries < 1 || entries > MAX_ENTRIES || offset + countBytes + entries * entryBytes + nextBytes > fileSize)
			throw new ImageFileException(where + "its IFD at byte " + offset + " claims " + entries +
				" entries, beyond the end of the file (" + fileSize + " bytes).");
		final ByteBuffer ifd = bytes(offset + countBytes, (int) (entries * entryBytes + nextBytes));
		spans.add(new Span(offset, offset + countBytes + entries * entryBytes + nextBytes, index, -1, 0, false));
		final Page page = new Page();
		page.file = file;
		page.bigEndian = order == ByteOrder.BIG_ENDIAN;
		page.chainIndex = index;
		for (int e = 0; e < entries; e++)
			entry(ifd, e * entryBytes, page, where);
		final long next = big ? ifd.getLong((int) entries * entryBytes) : ifd.getInt((int) entries * entryBytes) &
			0xffffffffL;
		if ((page.subfileType & 1) == 0) {
			check(page, where);
			pages.add(page);
		}
		return next;
	}

	private void entry(final ByteBuffer ifd, final int at, final Page page, final String where) throws IOException {
		final int tag = ifd.getShort(at) & 0xffff;
		noteValues(ifd, at, page.chainIndex, tag);
		if (!sampleEntry(ifd, at, page, where, tag)) layoutEntry(ifd, at, page, where, tag);
	}

	/** @return whether {@code tag} describes the plane's size or samples, now read into the page */
	private boolean sampleEntry(final ByteBuffer ifd, final int at, final Page page, final String where,
		final int tag) throws IOException
	{
		switch (tag) {
			case 254:
				page.subfileType = scalar(ifd, at, where, tag);
				return true;
			case 256:
				page.width = scalar(ifd, at, where, tag);
				return true;
			case 257:
				page.height = scalar(ifd, at, where, tag);
				return true;
			case 258:
				page.bitsPerSample = (int) Math.min(Integer.MAX_VALUE, array(ifd, at, where, tag, 1 << 16)[0]);
				return true;
			case 259:
				page.compression = (int) scalar(ifd, at, where, tag);
				return true;
			case 266:
				page.fillOrder = (int) scalar(ifd, at, where, tag);
				return true;
			case 270:
				page.description = ascii(ifd, at, where, tag);
				return true;
			case 277:
				page.samplesPerPixel = (int) Math.min(Integer.MAX_VALUE, scalar(ifd, at, where, tag));
				return true;
			case 317:
				page.predictor = (int) scalar(ifd, at, where, tag);
				return true;
			case 339:
				page.sampleFormat = (int) array(ifd, at, where, tag, 1 << 16)[0];
				return true;
			default:
				return false;
		}
	}

	/** Reads a tag that says where the strips or tiles lie, or the voxel size; ignores all others. */
	private void layoutEntry(final ByteBuffer ifd, final int at, final Page page, final String where,
		final int tag) throws IOException
	{
		switch (tag) {
			case 273:
			case 324:
				page.offsets = array(ifd, at, where, tag, Integer.MAX_VALUE - 8);
				page.tiled |= tag == 324;
				break;
			case 278:
				page.rowsPerStrip = scalar(ifd, at, where, tag);
				break;
			case 279:
			case 325:
				page.byteCounts = array(ifd, at, where, tag, Integer.MAX_VALUE - 8);
				break;
			case 282:
				page.xResolution = rational(ifd, at, where, tag);
				break;
			case 283:
				page.yResolution = rational(ifd, at, where, tag);
				break;
			case 296:
				page.resolutionUnit = (int) scalar(ifd, at, where, tag);
				break;
			case 322:
				page.tileWidth = scalar(ifd, at, where, tag);
				break;
			case 323:
				page.tileHeight = scalar(ifd, at, where, tag);
				break;
			default:
				// other tags do not change how the voxels are read
		}
	}

	/** Refuses what ImageArray cannot measure, before anything is allocated for the pixels. */
	private void check(final Page p, final String where) throws ImageFileException {
		if (p.width < 1 || p.height < 1) throw new ImageFileException(where + "its size is " + p.width + " x " +
			p.height + "; both must be at least 1.");
		if (p.width * p.height > Integer.MAX_VALUE - 8) throw new ImageFileException(where + "a plane of " + p.width +
			" x " + p.height + " voxels is more than can be held.");
		if (p.samplesPerPixel != 1) throw new ImageFileException(where + "it has " + p.samplesPerPixel +
			" samples per pixel (RGB or multi-channel); ImageArray measures one value per voxel: split the channels first.");
		if (p.sampleFormat == UNDEFINED) p.sampleFormat = UNSIGNED;
		final boolean integer = p.sampleFormat == UNSIGNED || p.sampleFormat == SIGNED;
		if (!(integer && (p.bitsPerSample == 8 || p.bitsPerSample == 16 || p.bitsPerSample == 32) ||
			p.sampleFormat == FLOAT && (p.bitsPerSample == 32 || p.bitsPerSample == 64)))
			throw new ImageFileException(where + "samples of " + p.bitsPerSample + " bits in sample format " +
				p.sampleFormat + " are not read; read: 8, 16 and 32-bit integers (signed or not), 32 and 64-bit floats.");
		if (p.compression != NONE && p.compression != LZW && p.compression != DEFLATE &&
			p.compression != ADOBE_DEFLATE && p.compression != PACKBITS) throw new ImageFileException(where +
				"compression " + p.compression + " is not read; read: none (1), LZW (5), deflate (8, 32946), PackBits (32773).");
		if (p.predictor < 1 || p.predictor > 3 || p.predictor == 3 && p.sampleFormat != FLOAT)
			throw new ImageFileException(where + "predictor " + p.predictor + " is not read for " + p.typeText() +
				"; read: 1 (none), 2 (horizontal), 3 (floating point, for floats).");
		checkLayout(p, where);
	}

	/**
	 * Refuses strips or tiles that do not cover the plane or lie beyond the end of the file, and notes
	 * where the plane's bytes lie in one piece, to be read raw.
	 */
	private void checkLayout(final Page p, final String where) throws ImageFileException {
		if (p.offsets == null || p.byteCounts == null) throw new ImageFileException(where + "it has no " + (p.tiled
			? "tile" : "strip") + " offsets or byte counts.");
		final long parts;
		if (p.tiled) {
			if (p.tileWidth < 1 || p.tileHeight < 1 || p.tileWidth % 16 != 0 || p.tileHeight % 16 != 0)
				throw new ImageFileException(where + "its tiles of " + p.tileWidth + " x " + p.tileHeight +
					" are not multiples of 16.");
			parts = ceil(p.width, p.tileWidth) * ceil(p.height, p.tileHeight);
		}
		else {
			if (p.rowsPerStrip < 1 || p.rowsPerStrip > p.height) p.rowsPerStrip = p.height;
			parts = ceil(p.height, p.rowsPerStrip);
		}
		if (p.offsets.length != parts || p.byteCounts.length != parts) throw new ImageFileException(where + "it has " +
			p.offsets.length + " offsets and " + p.byteCounts.length + " byte counts for " + parts + (p.tiled
				? " tiles." : " strips."));
		final long bytesPerRow = p.width * p.bitsPerSample / 8;
		boolean contiguous = p.compression == NONE && p.predictor == 1 && !p.tiled;
		for (int i = 0; i < parts; i++) {
			contiguous &= i == 0 || p.offsets[i] == p.offsets[i - 1] + p.byteCounts[i - 1];
			// the bytes that are read: all of a compressed strip, the rows' bytes of an uncompressed one
			long read = p.byteCounts[i];
			final long end = p.offsets[i] + p.byteCounts[i];
			if (p.offsets[i] < 0 || end > fileSize || end < 0) throw new ImageFileException(where + (p.tiled ? "tile "
				: "strip ") + (i + 1) + " of " + parts + " ends at byte " + end + ", beyond the end of the file (" +
				fileSize + " bytes): the file is truncated.");
			// TwelveMonkeys ignores every byte count of a page when one is 0, and would decode past the strip
			if (p.compression != NONE && p.byteCounts[i] == 0) throw new ImageFileException(where + (p.tiled ? "tile "
				: "strip ") + (i + 1) + " of " + parts + " holds 0 bytes of compressed data.");
			if (p.compression == NONE) {
				final long needed = p.tiled ? p.tileWidth * p.tileHeight * p.bitsPerSample / 8 : Math.min(p.rowsPerStrip,
					p.height - i * p.rowsPerStrip) * bytesPerRow;
				if (p.byteCounts[i] < needed) throw new ImageFileException(where + (p.tiled ? "tile " : "strip ") +
					(i + 1) + " of " + parts + " holds " + p.byteCounts[i] + " bytes but needs " + needed + ".");
				// a strip with more bytes than its rows need is not followed by the next rows
				contiguous &= p.byteCounts[i] == needed || i == parts - 1;
				read = needed;
			}
			spans.add(new Span(p.offsets[i], p.offsets[i] + read, p.chainIndex, i, (int) parts, p.tiled));
		}
		if (contiguous) p.rawOffset = p.offsets[0];
	}

	/**
	 * Notes where the entry's values lie when they are stored outside the IFD. Values of a tag not
	 * read that point beyond the file are no part of it, and are left out, as before.
	 */
	private void noteValues(final ByteBuffer ifd, final int at, final int page, final int tag) {
		final int type = ifd.getShort(at + 2) & 0xffff;
		final long count = big ? ifd.getLong(at + 4) : ifd.getInt(at + 4) & 0xffffffffL;
		final int size = type < TYPE_BYTES.length ? TYPE_BYTES[type] : 0;
		if (size == 0 || count < 1 || count > fileSize / size || count * size <= (big ? 8 : 4)) return;
		final long offset = big ? ifd.getLong(at + 12) : ifd.getInt(at + 8) & 0xffffffffL;
		if (offset >= 0 && offset + count * size <= fileSize) spans.add(new Span(offset, offset + count * size, page,
			tag, 0, false));
	}

	/**
	 * Refuses a strip or tile that overlaps the header, an IFD, the values of a tag or another strip
	 * or tile: its offset or byte count is wrong, and its bytes would be read as voxels. Of an
	 * uncompressed strip or tile, only the bytes its rows need count, as only they are read: a byte
	 * count padded beyond them is harmless. Two strips or
	 * tiles with the same offset and byte count are allowed: the TIFF specification does not forbid
	 * it, a writer may store identical blocks once, and libtiff and tifffile read such files. The
	 * spans are sorted once, then each is compared with the one that reaches furthest before it.
	 */
	private void checkOverlaps() throws ImageFileException {
		Collections.sort(spans);
		Span reach = null, partReach = null;
		Span previousPart = null;
		for (final Span s : spans) {
			if (s.start == s.end) continue;
			final boolean copy = s.isPart() && previousPart != null && s.sameBytes(previousPart);
			if (s.isPart() && !copy && reach != null && reach.end > s.start) throw overlap(s, reach);
			if (!s.isPart() && partReach != null && partReach.end > s.start) throw overlap(partReach, s);
			if (s.isPart()) {
				previousPart = s;
				if (partReach == null || s.end > partReach.end) partReach = s;
			}
			if (reach == null || s.end > reach.end) reach = s;
		}
		spans.clear();
	}

	private ImageFileException overlap(final Span part, final Span other) {
		return new ImageFileException(file + ": " + part + " overlaps " + other + ": the " + (part.tiled ? "tile"
			: "strip") + "'s offset or byte count is wrong.");
	}

	/** All pages must be of one size and type, as the planes of one volume. */
	private void checkAgree() throws ImageFileException {
		final Page first = pages.get(0);
		for (int i = 1; i < pages.size(); i++) {
			final Page p = pages.get(i);
			if (!p.sameSizeAndType(first)) throw new ImageFileException(file + ": page " + (p.chainIndex + 1) + " is " +
				p.sizeAndType() + " but page 1 is " + first.sizeAndType() +
				"; the pages of a stack must agree in size and type.");
		}
	}

	private static long ceil(final long a, final long b) {
		return (a + b - 1) / b;
	}

	private static final int[] TYPE_BYTES = { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8 };

	/** @return the entry's values, read from the IFD or from where it points, at most {@code max} of them */
	private long[] array(final ByteBuffer ifd, final int at, final String where, final int tag, final int max)
		throws IOException
	{
		final int type = ifd.getShort(at + 2) & 0xffff;
		final long count = big ? ifd.getLong(at + 4) : ifd.getInt(at + 4) & 0xffffffffL;
		final int size = type < TYPE_BYTES.length ? TYPE_BYTES[type] : 0;
		if (size == 0 || type == 2 || type == 5 || type == 10 || type >= 11 && type <= 12) throw new ImageFileException(
			where + "tag " + tag + " has type " + type + ", not a whole number.");
		if (count < 1 || count > max || count * size > Integer.MAX_VALUE - 8) throw new ImageFileException(where +
			"tag " + tag + " has " + count + " values; allowed: 1 to " + Math.min(max, (Integer.MAX_VALUE - 8) / size) +
			".");
		final ByteBuffer values = values(ifd, at, count * size, where, tag);
		final long[] v = new long[(int) count];
		for (int i = 0; i < count; i++) {
			switch (type) {
				case 1:
				case 6:
				case 7:
					v[i] = values.get(i) & 0xff;
					break;
				case 3:
				case 8:
					v[i] = values.getShort(2 * i) & 0xffff;
					break;
				case 4:
				case 9:
				case 13:
					v[i] = values.getInt(4 * i) & 0xffffffffL;
					break;
				default:
					v[i] = values.getLong(8 * i);
			}
		}
		return v;
	}

	private long scalar(final ByteBuffer ifd, final int at, final String where, final int tag) throws IOException {
		return array(ifd, at, where, tag, 1 << 16)[0];
	}

	private double rational(final ByteBuffer ifd, final int at, final String where, final int tag) throws IOException {
		final int type = ifd.getShort(at + 2) & 0xffff;
		if (type != 5) return scalar(ifd, at, where, tag);
		final ByteBuffer v = values(ifd, at, 8, where, tag);
		final long denominator = v.getInt(4) & 0xffffffffL;
		return denominator == 0 ? 0 : (v.getInt(0) & 0xffffffffL) / (double) denominator;
	}

	/** @return the entry's text, at most 1 MiB of it */
	private String ascii(final ByteBuffer ifd, final int at, final String where, final int tag) throws IOException {
		final long count = big ? ifd.getLong(at + 4) : ifd.getInt(at + 4) & 0xffffffffL;
		if (count < 1) return "";
		final ByteBuffer text = values(ifd, at, Math.min(count, 1 << 20), where, tag);
		final byte[] b = new byte[text.remaining()];
		text.get(b);
		int n = b.length;
		while (n > 0 && b[n - 1] == 0)
			n--;
		return new String(b, 0, n, StandardCharsets.UTF_8);
	}

	/** @return the bytes of an entry's values: inside the entry when they fit, else where it points */
	private ByteBuffer values(final ByteBuffer ifd, final int at, final long length, final String where, final int tag)
		throws IOException
	{
		final int inline = big ? 8 : 4;
		if (length <= inline) {
			final ByteBuffer v = ifd.duplicate().order(order);
			v.position(at + (big ? 12 : 8));
			return v.slice().order(order);
		}
		final long offset = big ? ifd.getLong(at + 12) : ifd.getInt(at + 8) & 0xffffffffL;
		if (offset < 0 || offset + length > fileSize) throw new ImageFileException(where + "the values of tag " + tag +
			" (" + length + " bytes at byte " + offset + ") end beyond the end of the file (" + fileSize + " bytes).");
		return bytes(offset, (int) length);
	}

	private ByteBuffer bytes(final long position, final int length) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(length).order(order == null ? ByteOrder.BIG_ENDIAN : order);
		long at = position;
		while (b.hasRemaining()) {
			final int n = channel.read(b, at);
			if (n < 0) throw new EOFException(file + ": the file ends at byte " + at + ".");
			at += n;
		}
		b.flip();
		return b;
	}
}
