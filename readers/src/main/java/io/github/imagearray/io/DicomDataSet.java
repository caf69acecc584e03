package io.github.imagearray.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The elements of a DICOM data set (PS3.5 7): values by tag, sequences as lists of items that are
 * data sets themselves, and where the top level's Pixel Data lie — native, or encapsulated as
 * fragments after a Basic Offset Table (PS3.5 A.4). The parser takes files with or without the
 * 128-byte preamble and {@code DICM} (ACR-NEMA style), the file meta group or none, explicit and
 * implicit VR, both byte orders, the deflated transfer syntax, sequences and items of defined and
 * undefined length nested to any depth (private ones and VR UN of undefined length too), odd
 * lengths, missing group lengths, and elements after the Pixel Data. Values of more than 1 MiB
 * (overlays, icons) are skipped, not kept.
 * <p>
 * {@code DicomDataSet ds = DicomDataSet.read(file); int rows = ds.unsigned16(0x00280010, 0);}
 */
final class DicomDataSet {

	static final String IMPLICIT_LE = "1.2.840.10008.1.2", EXPLICIT_LE = "1.2.840.10008.1.2.1",
		EXPLICIT_BE = "1.2.840.10008.1.2.2", DEFLATED = "1.2.840.10008.1.2.1.99";
	static final int TRANSFER_SYNTAX = 0x00020010, SOP_CLASS = 0x00080016, PIXEL_DATA = 0x7FE00010;
	private static final int ITEM = 0xFFFEE000, ITEM_END = 0xFFFEE00D, SEQUENCE_END = 0xFFFEE0DD;
	private static final long UNDEFINED = 0xffffffffL;
	private static final int KEPT_VALUE_BYTES = 1 << 20;
	/** A decimal or integer string as PS3.5 6.2 writes one: spaces around, no embedded space. */
	private static final Pattern DECIMAL = Pattern.compile(" *[+-]?(\\d+|\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)? *");
	/** Value representations whose length takes four bytes in explicit VR. */
	private static final String LONG_VRS = "OB OD OF OL OV OW SQ SV UC UN UR UT UV";

	private final Map<Integer, byte[]> values = new HashMap<>();
	private final Map<Integer, List<DicomDataSet>> sequences = new HashMap<>();
	/** The file, for messages, and where in it this data set is ("Per-frame … item 3"), or empty. */
	final Path file;
	final String where;
	/** Of the top level: the transfer syntax, the input the pixel data are read from. */
	String syntax = IMPLICIT_LE;
	boolean bigEndian;
	DicomInput input;
	/** Native pixel data: where they start and their declared length; -1 when absent or encapsulated. */
	long pixelOffset = -1, pixelLength;
	/** Encapsulated pixel data: the Basic Offset Table and each fragment's start and length; null when native. */
	long[] offsetTable;
	List<long[]> fragments;

	private DicomDataSet(final Path file, final String where) {
		this.file = file;
		this.where = where;
	}

	/**
	 * Forgets the elements, keeping the transfer syntax and where the pixel data lie: a series of a
	 * thousand files, or a multi-frame file's functional groups, need not stay in memory once read.
	 */
	void keepPixelDataOnly() {
		values.clear();
		sequences.clear();
	}

	/** @return "(0028,0010)" */
	static String tag(final int tag) {
		return String.format("(%04X,%04X)", tag >>> 16, tag & 0xffff);
	}

	/** @return whether the file has pixel data, native or encapsulated */
	boolean hasPixelData() {
		return pixelOffset >= 0 || fragments != null;
	}

	/** @return the value as text, trimmed, or null when absent or empty */
	private String text(final int tag) {
		final byte[] v = values.get(tag);
		if (v == null) return null;
		final String t = new String(v, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
		return t.isEmpty() ? null : t;
	}

	/**
	 * @param name the element's name, for the message
	 * @return the value as text (a UID, a code string), trimmed of its padding, or null when absent
	 *         or empty
	 * @throws ImageFileException when it holds other bytes than printable ASCII, quoting it
	 */
	String text(final int tag, final String name) throws ImageFileException {
		final String t = text(tag);
		if (t == null) return null;
		for (int i = 0; i < t.length(); i++)
			if (t.charAt(i) < 0x20 || t.charAt(i) > 0x7e) throw new ImageFileException(file + ": " + name + " " + tag(tag) +
				where + " holds " + quoted(tag) + ", not text of printable characters.");
		return t;
	}

	/**
	 * @return the value's bytes between quotes, for a message: printable ASCII as it is, other bytes
	 *         as {@code \x03}, cut after 32 characters with "..." (a corrupt value may hold anything);
	 *         the padding (trailing spaces and NULs) left out
	 */
	String quoted(final int tag) {
		final byte[] v = values.get(tag);
		int length = v == null ? 0 : v.length;
		while (length > 0 && (v[length - 1] == ' ' || v[length - 1] == 0))
			length--;
		final StringBuilder b = new StringBuilder("\"");
		for (int i = 0; i < length; i++) {
			if (b.length() > 32) {
				b.append("...");
				break;
			}
			final int c = v[i] & 0xff;
			if (c >= 0x20 && c <= 0x7e) b.append((char) c);
			else b.append(String.format("\\x%02x", c));
		}
		return b.append('"').toString();
	}

	/**
	 * @param name the element's name, for the message
	 * @return the numbers of a decimal or integer string (DS, IS; backslash-separated), or null when
	 *         absent, of zero length or blank (an absent value, PS3.5 6.2)
	 * @throws ImageFileException when a value is not a number as PS3.5 6.2 writes them, quoting it
	 */
	double[] numbers(final int tag, final String name) throws ImageFileException {
		final String t = text(tag);
		if (t == null) return null;
		final String[] parts = t.split("\\\\", -1);
		final double[] n = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			// A malformed number is refused, not taken for an absent value: a Rescale Intercept read as
			// 0 instead of -1024 would give every statistic off by 1024 without a word. pydicom agrees:
			// in each of its reading validation modes (ignore, warn, raise) only an empty or blank DS or
			// IS is absent, and a value float() cannot parse raises when it is read. Java's own number
			// forms ("NaN", "1d", "0x1p3") are not DICOM's and are refused too.
			if (!DECIMAL.matcher(parts[i]).matches()) throw new ImageFileException(file + ": " + name + " " + tag(tag) +
				where + " holds " + quoted(tag) + ", not " + (parts.length == 1 ? "a decimal number." : parts.length +
					" decimal numbers separated by backslashes."));
			n[i] = Double.parseDouble(parts[i].trim());
			if (!Double.isFinite(n[i])) throw new ImageFileException(file + ": " + name + " " + tag(tag) + where +
				" holds " + quoted(tag) + ", beyond the range of numbers.");
		}
		return n;
	}

	/** @return the first number of a DS or IS, or {@code absent} */
	double number(final int tag, final String name, final double absent) throws ImageFileException {
		final double[] n = numbers(tag, name);
		return n == null ? absent : n[0];
	}

	/** @return an unsigned 16-bit value (US), or {@code absent} */
	int unsigned16(final int tag, final int absent) {
		final byte[] v = values.get(tag);
		if (v == null || v.length < 2) return absent;
		return bigEndian ? (v[0] & 0xff) << 8 | v[1] & 0xff : (v[1] & 0xff) << 8 | v[0] & 0xff;
	}

	/** @return the items of a sequence, none when absent */
	List<DicomDataSet> sequence(final int tag) {
		final List<DicomDataSet> items = sequences.get(tag);
		return items == null ? Collections.<DicomDataSet> emptyList() : items;
	}

	/** @return whether the file starts as DICOM does: {@code DICM} after 128 bytes, or an ACR-NEMA element of group 0002 or 0008 */
	static boolean looksLikeDicom(final Path file) {
		try {
			final DicomInput in = DicomInput.of(file);
			if (in.size() >= 132) {
				final byte[] b = in.bytes(128, 4, "the preamble");
				if ("DICM".equals(new String(b, StandardCharsets.US_ASCII))) return true;
			}
			if (in.size() < 16) return false;
			final byte[] b = in.bytes(0, 8, "the first element");
			final int group = (b[1] & 0xff) << 8 | b[0] & 0xff, element = (b[3] & 0xff) << 8 | b[2] & 0xff;
			final int bigGroup = (b[0] & 0xff) << 8 | b[1] & 0xff;
			if (group != 0x0002 && group != 0x0008 && bigGroup != 0x0008 || element > 0x0100 && bigGroup != 0x0008)
				return false;
			if (isVr(b[4], b[5])) return true;
			final long length = (b[7] & 0xffL) << 24 | (b[6] & 0xff) << 16 | (b[5] & 0xff) << 8 | b[4] & 0xff;
			return length < Math.min(in.size(), 1 << 16);
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static boolean isVr(final byte a, final byte b) {
		return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
	}

	/**
	 * @return the data set of a DICOM file, its pixel data located but not read
	 * @throws ImageFileException naming the file, the element and what is wrong
	 */
	static DicomDataSet read(final Path file) throws IOException {
		final DicomDataSet ds = new DicomDataSet(file, "");
		final Parser p = new Parser(DicomInput.of(file));
		if (p.in.size() >= 132 && "DICM".equals(new String(p.in.bytes(128, 4, "the preamble"),
			StandardCharsets.US_ASCII))) p.pos = 132;
		// the file meta group: explicit VR little endian (PS3.10 7.1)
		p.explicit = true;
		boolean meta = false;
		while (p.pos + 8 <= p.in.size() && p.peekGroup() == 0x0002) {
			meta = true;
			p.element(ds, false);
		}
		final String syntax = ds.text(TRANSFER_SYNTAX, "Transfer Syntax UID");
		if (meta) ds.syntax = syntax == null ? IMPLICIT_LE : syntax;
		else ds.syntax = p.guessSyntax();
		if (ds.syntax.equals(DEFLATED)) {
			p.in = DicomInput.inflated(p.in, p.pos);
			p.pos = 0;
			p.window = null;
		}
		ds.bigEndian = ds.syntax.equals(EXPLICIT_BE);
		p.bigEndian = ds.bigEndian;
		p.explicit = !ds.syntax.equals(IMPLICIT_LE);
		// some writers declare explicit VR but write implicit: the first element shows which (as pydicom reads them)
		if (p.explicit && !ds.bigEndian && p.pos + 8 <= p.in.size()) {
			final byte[] vr = p.bytes(p.pos + 4, 2, "the first element");
			if (!isVr(vr[0], vr[1])) p.explicit = false;
		}
		ds.input = p.in;
		while (p.pos + 8 <= p.in.size())
			p.element(ds, true);
		return ds;
	}

	/** Reads elements in order, through a window of the input. */
	private static final class Parser {

		private static final int WINDOW = 1 << 16;
		/** Sequences nest a few levels in real files; a corrupt length must not exhaust the stack. */
		private static final int MAX_DEPTH = 64;
		private int depth;
		DicomInput in;
		long pos;
		boolean explicit, bigEndian;
		byte[] window;
		long windowStart;

		Parser(final DicomInput in) {
			this.in = in;
		}

		/** @return the transfer syntax of a file without file meta group, from its first element */
		String guessSyntax() throws IOException {
			if (pos + 8 > in.size()) return IMPLICIT_LE;
			final byte[] b = bytes(pos, 6, "the first element");
			final int group = (b[1] & 0xff) << 8 | b[0] & 0xff;
			final boolean big = group > 0x00ff && ((b[0] & 0xff) << 8 | b[1] & 0xff) <= 0x00ff;
			if (isVr(b[4], b[5])) return big ? EXPLICIT_BE : EXPLICIT_LE;
			return IMPLICIT_LE;
		}

		int peekGroup() throws IOException {
			final byte[] b = bytes(pos, 2, "an element's tag");
			return bigEndian ? (b[0] & 0xff) << 8 | b[1] & 0xff : (b[1] & 0xff) << 8 | b[0] & 0xff;
		}

		byte[] bytes(final long at, final int n, final String what) throws IOException {
			if (at + n > in.size()) throw new ImageFileException(in.file + ": " + what + " at byte " + at +
				" runs beyond the end of the " + in.size() + " bytes (truncated file).");
			if (window == null || at < windowStart || at + n > windowStart + window.length) {
				if (n > WINDOW) return in.bytes(at, n, what);
				windowStart = at;
				window = in.bytes(at, (int) Math.min(WINDOW, in.size() - at), what);
			}
			final byte[] b = new byte[n];
			System.arraycopy(window, (int) (at - windowStart), b, 0, n);
			return b;
		}

		private int unsigned16(final byte[] b, final int i) {
			return bigEndian ? (b[i] & 0xff) << 8 | b[i + 1] & 0xff : (b[i + 1] & 0xff) << 8 | b[i] & 0xff;
		}

		private long unsigned32(final byte[] b, final int i) {
			return bigEndian ? (long) unsigned16(b, i) << 16 | unsigned16(b, i + 2) : (long) unsigned16(b, i + 2) << 16 |
				unsigned16(b, i);
		}

		/** @return the tag at the position, moving past it */
		private int readTag() throws IOException {
			final byte[] b = bytes(pos, 4, "an element's tag");
			pos += 4;
			return unsigned16(b, 0) << 16 | unsigned16(b, 2);
		}

		private long length32(final int tag) throws IOException {
			final byte[] b = bytes(pos, 4, "the length of element " + DicomDataSet.tag(tag));
			pos += 4;
			return unsigned32(b, 0);
		}

		/**
		 * Reads one element into {@code ds}: a value, a sequence of items, or (at the top level) the
		 * location of the pixel data.
		 */
		void element(final DicomDataSet ds, final boolean top) throws IOException {
			final int tag = readTag();
			String vr = null;
			final long length;
			// items and delimiters have no VR, in any transfer syntax
			if (explicit && tag >>> 16 != 0xFFFE) {
				final byte[] b = bytes(pos, 2, "the VR of element " + DicomDataSet.tag(tag));
				pos += 2;
				vr = new String(b, StandardCharsets.US_ASCII);
				if (!isVr(b[0], b[1])) throw new ImageFileException(in.file + ": element " + DicomDataSet.tag(tag) + ds.where +
					" at byte " + (pos - 6) + " has no value representation (found bytes " + (b[0] & 0xff) + ", " +
					(b[1] & 0xff) + "); the file is not in the explicit VR its transfer syntax says.");
				if (LONG_VRS.contains(vr)) {
					pos += 2;
					length = length32(tag);
				}
				else {
					length = unsigned16(bytes(pos, 2, "the length of element " + DicomDataSet.tag(tag)), 0);
					pos += 2;
				}
			}
			else length = length32(tag);
			if (top && tag == PIXEL_DATA) {
				pixelData(ds, length);
				return;
			}
			if ("SQ".equals(vr) || vr == null && length == UNDEFINED) {
				ds.sequences.put(tag, sequence(ds, tag, length));
				return;
			}
			if (vr == null && startsWithItem(length)) {
				// implicit VR names no sequence: a value whose first bytes are an item's tag is taken for
				// one, and kept as bytes if it does not parse as one
				final long start = pos;
				final int wasDepth = depth;
				try {
					ds.sequences.put(tag, sequence(ds, tag, length));
					return;
				}
				catch (final ImageFileException e) {
					pos = start;
					depth = wasDepth;
				}
			}
			if (length == UNDEFINED || "UN".equals(vr) && startsWithItem(length)) {
				// VR UN of undefined length, or holding items (a sequence a writer knew not, as GDCM
				// writes them): a sequence in implicit VR little endian (PS3.5 6.2.2)
				final boolean wasExplicit = explicit, wasBig = bigEndian;
				explicit = false;
				bigEndian = false;
				ds.sequences.put(tag, sequence(ds, tag, length));
				explicit = wasExplicit;
				bigEndian = wasBig;
				return;
			}
			if (pos + length > in.size()) throw new ImageFileException(in.file + ": element " + DicomDataSet.tag(tag) + ds.where +
				" of " + length + " bytes at byte " + pos + " runs beyond the end of the " + in.size() +
				" bytes (truncated file).");
			if (length <= KEPT_VALUE_BYTES) ds.values.put(tag, bytes(pos, (int) length, "element " + DicomDataSet.tag(tag)));
			pos += length;
		}

		/** @return whether a value of implicit VR is a sequence: its first bytes an item's tag */
		private boolean startsWithItem(final long length) throws IOException {
			if (length < 8 || pos + 4 > in.size()) return false;
			final byte[] b = bytes(pos, 4, "a value");
			return (unsigned16(b, 0) << 16 | unsigned16(b, 2)) == ITEM;
		}

		private List<DicomDataSet> sequence(final DicomDataSet parent, final int tag, final long length)
			throws IOException
		{
			if (++depth > MAX_DEPTH) throw new ImageFileException(in.file + ": sequence " + DicomDataSet.tag(tag) +
				parent.where + " at byte " + pos + " is nested more than " + MAX_DEPTH + " deep.");
			final long end = length == UNDEFINED ? Long.MAX_VALUE : pos + length;
			if (end != Long.MAX_VALUE && end > in.size()) throw new ImageFileException(in.file + ": sequence " + DicomDataSet.tag(tag) +
				parent.where + " of " + length + " bytes at byte " + pos + " runs beyond the end of the " + in.size() +
				" bytes (truncated file).");
			final List<DicomDataSet> items = new ArrayList<>();
			while (pos < end) {
				final int itemTag = readTag();
				final long itemLength = length32(itemTag);
				if (itemTag == SEQUENCE_END) break;
				if (itemTag != ITEM) throw new ImageFileException(in.file + ": sequence " + DicomDataSet.tag(tag) + parent.where +
					" holds element " + DicomDataSet.tag(itemTag) + " at byte " + (pos - 8) + " where an item " + DicomDataSet.tag(ITEM) +
					" belongs.");
				final DicomDataSet item = new DicomDataSet(in.file, parent.where + " in item " + (items.size() + 1) +
					" of " + DicomDataSet.tag(tag));
				item.bigEndian = bigEndian;
				final long itemEnd = itemLength == UNDEFINED ? Long.MAX_VALUE : pos + itemLength;
				if (itemEnd != Long.MAX_VALUE && itemEnd > end) throw new ImageFileException(in.file + ": item " + (items
					.size() + 1) + " of " + DicomDataSet.tag(tag) + parent.where + " (" + itemLength + " bytes) runs beyond its sequence.");
				while (pos < itemEnd) {
					if (itemEnd == Long.MAX_VALUE && pos + 8 > in.size()) throw new ImageFileException(in.file + ": item " +
						(items.size() + 1) + " of " + DicomDataSet.tag(tag) + parent.where + " has no end: the file ends first " +
						"(truncated file).");
					final byte[] b = bytes(pos, 4, "an element's tag");
					if ((unsigned16(b, 0) << 16 | unsigned16(b, 2)) == ITEM_END) {
						pos += 8;
						break;
					}
					element(item, false);
				}
				items.add(item);
			}
			depth--;
			return items;
		}

		/** Notes where the top level's pixel data are: native, or the fragments of encapsulated data. */
		private void pixelData(final DicomDataSet ds, final long length) throws IOException {
			if (length != UNDEFINED) {
				ds.pixelOffset = pos;
				ds.pixelLength = length;
				pos = Math.min(in.size(), pos + length);
				return;
			}
			ds.fragments = new ArrayList<>();
			for (int item = 0;; item++) {
				if (pos + 8 > in.size()) throw new ImageFileException(in.file + ": the encapsulated Pixel Data " + DicomDataSet.tag(PIXEL_DATA) + " end without their sequence delimiter: the file ends after " + Math.max(0, item - 1) +
					" fragments (truncated file).");
				final int tag = readTag();
				final long fragmentLength = length32(tag);
				if (tag == SEQUENCE_END) break;
				if (tag != ITEM || fragmentLength == UNDEFINED) throw new ImageFileException(in.file + ": the " +
					"encapsulated Pixel Data " + DicomDataSet.tag(PIXEL_DATA) + " hold element " + DicomDataSet.tag(tag) + " at byte " + (pos - 8) +
					" where a fragment (an item of defined length) belongs.");
				if (pos + fragmentLength > in.size()) throw new ImageFileException(in.file + ": fragment " + item +
					" of the Pixel Data " + DicomDataSet.tag(PIXEL_DATA) + " (" + fragmentLength + " bytes at byte " + pos +
					") runs beyond the end of the " + in.size() + " bytes (truncated file).");
				if (item == 0) offsetTable(ds, fragmentLength);
				else ds.fragments.add(new long[] { pos, fragmentLength });
				pos += fragmentLength;
			}
		}

		/** The Basic Offset Table: the first item, four bytes per frame, or empty. */
		private void offsetTable(final DicomDataSet ds, final long length) throws IOException {
			if (length % 4 != 0) throw new ImageFileException(in.file + ": the Basic Offset Table of the Pixel Data " +
				DicomDataSet.tag(PIXEL_DATA) + " has " + length + " bytes, not a multiple of 4.");
			final byte[] b = bytes(pos, (int) length, "the Basic Offset Table");
			ds.offsetTable = new long[(int) length / 4];
			// the offset table is little endian in every encapsulated transfer syntax (PS3.5 A.4)
			for (int i = 0; i < ds.offsetTable.length; i++)
				ds.offsetTable[i] = (b[4 * i + 3] & 0xffL) << 24 | (b[4 * i + 2] & 0xff) << 16 | (b[4 * i + 1] & 0xff) << 8 |
					b[4 * i] & 0xff;
		}
	}
}
