package io.github.imagearray.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed and checked MetaImage header ({@code .mhd} with a separate data file, or {@code .mha}
 * with {@code ElementDataFile = LOCAL}). Every field is validated before any voxel memory is
 * allocated, so a header that lies about its size is refused early.
 * <p>
 * {@code MetaImageHeader h = MetaImageHeader.read(Paths.get("ct.mhd"));}
 */
public final class MetaImageHeader {

	/** Headers are text; a longer one is not a MetaImage header. */
	private static final int MAX_HEADER_BYTES = 1 << 16;

	private final Path file;
	private final long[] dimensions;
	private final double[] spacing;
	private final MetaElementType elementType;
	private final boolean bigEndian;
	private final boolean compressed;
	private final long compressedSize;
	private final Path dataFile;
	private final long dataOffset;

	private MetaImageHeader(final Path file, final Map<String, String> fields, final long localDataOffset)
		throws ImageFileException
	{
		this.file = file;
		final String name = file.toString();
		final String objectType = fields.getOrDefault("objecttype", "Image");
		if (!objectType.equalsIgnoreCase("Image"))
			throw new ImageFileException(name + ": ObjectType is '" + objectType + "', not Image.");
		dimensions = dimensions(fields, name);
		final int nDims = dimensions.length;
		elementType = MetaElementType.parse(require(fields, "elementtype", name).trim(), name);
		final String channels = fields.getOrDefault("elementnumberofchannels", "1").trim();
		if (!channels.equals("1"))
			throw new ImageFileException(name + ": ElementNumberOfChannels is " + channels + "; only 1 is read.");
		final String msb = fields.getOrDefault("binarydatabyteordermsb", fields.getOrDefault("elementbyteordermsb",
			"False"));
		bigEndian = parseBoolean(name, "BinaryDataByteOrderMSB", msb);
		compressed = parseBoolean(name, "CompressedData", fields.getOrDefault("compresseddata", "False"));
		compressedSize = fields.containsKey("compresseddatasize") ? parseLong(name, "CompressedDataSize", fields
			.get("compresseddatasize"), 0, Long.MAX_VALUE) : -1;
		spacing = new double[nDims];
		final String[] space = fields.getOrDefault("elementspacing", fields.getOrDefault("elementsize", "")).trim()
			.split("\\s+");
		for (int d = 0; d < nDims; d++)
			spacing[d] = space.length == nDims ? parseSpacing(name, space[d]) : 1;
		final String element = require(fields, "elementdatafile", name).trim();
		if (element.equalsIgnoreCase("LOCAL")) {
			dataFile = file;
			dataOffset = localDataOffset;
		}
		else {
			if (element.toUpperCase(Locale.ROOT).startsWith("LIST") || element.contains("%"))
				throw new ImageFileException(name + ": ElementDataFile '" + element +
					"' names several files; only one data file is read.");
			final Path parent = file.toAbsolutePath().getParent();
			dataFile = parent.resolve(element);
			final long headerSize = fields.containsKey("headersize") ? parseLong(name, "HeaderSize", fields.get(
				"headersize"), -1, Long.MAX_VALUE) : 0;
			dataOffset = headerSize;
		}
	}

	/** @return DimSize, checked against NDims: 2 or 3 sizes of at least 1 */
	private static long[] dimensions(final Map<String, String> fields, final String name) throws ImageFileException {
		final int nDims = (int) parseLong(name, "NDims", require(fields, "ndims", name), 1, 64);
		if (nDims != 2 && nDims != 3)
			throw new ImageFileException(name + ": NDims is " + nDims + "; only 2 and 3 dimensions are read.");
		final String[] dims = require(fields, "dimsize", name).trim().split("\\s+");
		if (dims.length != nDims)
			throw new ImageFileException(name + ": DimSize has " + dims.length + " values but NDims is " + nDims + ".");
		final long[] dimensions = new long[nDims];
		for (int d = 0; d < nDims; d++)
			dimensions[d] = parseLong(name, "DimSize", dims[d], 1, Integer.MAX_VALUE);
		return dimensions;
	}

	/**
	 * @param file a {@code .mhd} or {@code .mha} file
	 * @return its header
	 * @throws ImageFileException naming the file and the problem
	 */
	public static MetaImageHeader read(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new ImageFileException("File not found: " + file);
		final byte[] head = new byte[MAX_HEADER_BYTES];
		int length = 0;
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; length < head.length && (n = in.read(head, length, head.length - length)) > 0;)
				length += n;
		}
		final Map<String, String> fields = new HashMap<>();
		int position = 0;
		long localOffset = -1;
		while (position < length) {
			int end = position;
			while (end < length && head[end] != '\n')
				end++;
			if (end == length && length == head.length)
				throw new ImageFileException(file + ": the header is longer than " + MAX_HEADER_BYTES + " bytes.");
			final String line = new String(head, position, end - position, StandardCharsets.ISO_8859_1).trim();
			position = end + 1;
			if (line.isEmpty()) continue;
			final int eq = line.indexOf('=');
			if (eq <= 0 || !isText(line))
				throw new ImageFileException(file + ": not a MetaImage header (line '" + abbreviate(line) + "').");
			final String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
			fields.put(key, line.substring(eq + 1).trim());
			if (key.equals("elementdatafile")) {
				localOffset = position;
				break;
			}
		}
		if (!fields.containsKey("elementdatafile"))
			throw new ImageFileException(file + ": not a MetaImage header (no ElementDataFile).");
		return new MetaImageHeader(file, fields, localOffset);
	}

	private static boolean isText(final String line) {
		for (int i = 0; i < line.length(); i++) {
			final char c = line.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\r') return false;
		}
		return true;
	}

	private static String abbreviate(final String line) {
		final String printable = line.replaceAll("[^\\x20-\\x7e]", "?");
		return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
	}

	private static String require(final Map<String, String> fields, final String key, final String file)
		throws ImageFileException
	{
		final String value = fields.get(key);
		if (value == null || value.trim().isEmpty())
			throw new ImageFileException(file + ": the header has no " + key + " field.");
		return value;
	}

	private static long parseLong(final String file, final String field, final String text, final long min,
		final long max) throws ImageFileException
	{
		try {
			final long v = Long.parseLong(text.trim());
			if (v < min || v > max) throw new ImageFileException(file + ": " + field + " is " + v + "; allowed: " + min +
				" to " + max + ".");
			return v;
		}
		catch (final NumberFormatException e) {
			throw new ImageFileException(file + ": " + field + " is '" + abbreviate(text) + "', not a whole number.");
		}
	}

	private static double parseSpacing(final String file, final String text) throws ImageFileException {
		try {
			final double v = Double.parseDouble(text);
			if (!(v > 0) || Double.isInfinite(v)) throw new NumberFormatException();
			return v;
		}
		catch (final NumberFormatException e) {
			throw new ImageFileException(file + ": ElementSpacing '" + abbreviate(text) + "' is not a positive number.");
		}
	}

	private static boolean parseBoolean(final String file, final String field, final String text)
		throws ImageFileException
	{
		final String t = text.trim();
		if (t.equalsIgnoreCase("True") || t.equals("1")) return true;
		if (t.equalsIgnoreCase("False") || t.equals("0")) return false;
		throw new ImageFileException(file + ": " + field + " is '" + abbreviate(t) + "', not True or False.");
	}

	public Path file() {
		return file;
	}

	/** @return the size of each dimension (x, y[, z]) */
	public long[] dimensions() {
		return dimensions.clone();
	}

	/** @return the voxel size per dimension (ElementSpacing; 1 when absent) */
	public double[] spacing() {
		return spacing.clone();
	}

	public MetaElementType elementType() {
		return elementType;
	}

	public boolean isBigEndian() {
		return bigEndian;
	}

	public boolean isCompressed() {
		return compressed;
	}

	/** @return CompressedDataSize, or -1 when the header does not give it */
	public long compressedSize() {
		return compressedSize;
	}

	public Path dataFile() {
		return dataFile;
	}

	/** @return where the voxels start in {@link #dataFile()}; -1 means "the last bytes of the file" */
	public long dataOffset() {
		return dataOffset;
	}

	/** @return the number of voxels */
	public long voxelCount() {
		long n = 1;
		for (final long d : dimensions)
			n = Math.multiplyExact(n, d);
		return n;
	}

	/** @return the number of bytes of uncompressed voxel data */
	public long dataBytes() {
		return Math.multiplyExact(voxelCount(), elementType.bytes());
	}
}
