package io.github.imagearray.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One DICOM file's image: its Image Pixel module (rows, columns, bits, sign), its frames' geometry
 * ({@link DicomFrames}) and each frame's stored values, read when asked: native (1-bit data, as in
 * DICOM SEG, unpacked to 0 and 1 — frames may begin within a byte, PS3.5 8.1.1), or encapsulated and
 * decoded ({@link DicomRle}, {@link DicomJpeg}). Every size is checked against the data there
 * before anything is allocated.
 * <p>
 * {@code DicomImage image = DicomImage.read(file); short[] first = (short[]) image.frame(0, 0, image.rows * image.columns);}
 */
final class DicomImage {

	static final String RLE = "1.2.840.10008.1.2.5", JPEG_BASELINE = "1.2.840.10008.1.2.4.50",
		JPEG_EXTENDED = "1.2.840.10008.1.2.4.51", JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57",
		JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
	private static final Map<String, String> UNREAD_SYNTAXES = new HashMap<>();
	private static final Map<String, String> NO_IMAGE_CLASSES = new HashMap<>();
	static {
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.91", "JPEG 2000");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.201", "HTJ2K Lossless");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.202", "HTJ2K Lossless RPCL");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.203", "HTJ2K");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.100", "MPEG2");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.102", "MPEG-4");
		UNREAD_SYNTAXES.put("1.2.840.10008.1.2.4.110", "MPEG-4");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.88.22", "Enhanced SR");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.88.33", "Comprehensive SR");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.88.59", "Key Object Selection");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.9.1.1", "12-lead ECG Waveform");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.9.1.2", "General ECG Waveform");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.481.2", "RT Dose");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.481.3", "RT Structure Set");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.481.5", "RT Plan");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.11.1", "Grayscale Softcopy Presentation State");
		NO_IMAGE_CLASSES.put("1.2.840.10008.5.1.4.1.1.104.1", "Encapsulated PDF");
		NO_IMAGE_CLASSES.put("1.2.840.10008.1.3.10", "Media Storage Directory (DICOMDIR)");
	}
	private static final String SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.4";
	private static final int SERIES = 0x0020000E, INSTANCE = 0x00200013, SAMPLES = 0x00280002,
		PHOTOMETRIC = 0x00280004, FRAME_COUNT = 0x00280008, ROWS = 0x00280010, COLUMNS = 0x00280011,
		BITS_ALLOCATED = 0x00280100, BITS_STORED = 0x00280101, REPRESENTATION = 0x00280103;

	final Path file;
	final DicomDataSet ds;
	final String series;
	final int instance;
	final int rows, columns, bitsAllocated, bitsStored, signed, frameCount;
	final List<DicomFrames.Frame> frames;
	/** Whether the image is a DICOM Segmentation (SEG), whose segments may share positions. */
	final boolean segmentation;
	/** For encapsulated pixel data: the fragments (indices into the data set's) of each frame. */
	private final int[][] frameFragments;

	private DicomImage(final Path file, final DicomDataSet ds) throws IOException {
		this.file = file;
		this.ds = ds;
		final String uid = ds.text(SERIES, "Series Instance UID");
		series = uid == null ? "" : uid;
		segmentation = SEGMENTATION.equals(ds.text(DicomDataSet.SOP_CLASS, "SOP Class UID"));
		instance = (int) ds.number(INSTANCE, "Instance Number", Integer.MIN_VALUE);
		rows = ds.unsigned16(ROWS, 0);
		columns = ds.unsigned16(COLUMNS, 0);
		bitsAllocated = ds.unsigned16(BITS_ALLOCATED, 0);
		bitsStored = ds.unsigned16(BITS_STORED, bitsAllocated);
		signed = ds.unsigned16(REPRESENTATION, 0);
		final double frameNumber = ds.number(FRAME_COUNT, "Number of Frames", 1);
		if (frameNumber < 1 || frameNumber > Integer.MAX_VALUE || frameNumber != Math.rint(frameNumber))
			throw new ImageFileException(file + ": Number of Frames (0028,0008) holds " + ds.quoted(FRAME_COUNT) +
				"; a positive whole number is read.");
		frameCount = (int) frameNumber;
		checkPixelModule();
		frameFragments = ds.fragments == null ? null : frameFragments();
		if (ds.fragments == null) checkNativeLength();
		frames = DicomFrames.of(ds, frameCount);
		ds.keepPixelDataOnly();
	}

	/**
	 * @return the image of a DICOM file, its pixel data located and checked, not read
	 * @throws ImageFileException when the file holds no image, or one not read, naming why
	 */
	static DicomImage read(final Path file) throws IOException {
		final DicomImage image = readImage(file);
		if (image == null) throw new ImageFileException(noImage(DicomDataSet.read(file)));
		return image;
	}

	/**
	 * @return the image of a DICOM file, or null when the file holds none (a structured report, a
	 *         waveform, a DICOMDIR)
	 * @throws ImageFileException when the file is broken or its image not read, naming why
	 */
	static DicomImage readImage(final Path file) throws IOException {
		final DicomDataSet ds = DicomDataSet.read(file);
		return ds.hasPixelData() ? new DicomImage(file, ds) : null;
	}

	/** @return "file: holds no image: SOP class … (Comprehensive SR), no Pixel Data (7FE0,0010)." */
	static String noImage(final DicomDataSet ds) {
		String sop;
		try {
			sop = ds.text(DicomDataSet.SOP_CLASS, "SOP Class UID");
		}
		catch (final ImageFileException e) {
			// a file without image is only named, never read: its SOP class need not be legible
			sop = ds.quoted(DicomDataSet.SOP_CLASS);
		}
		final String name = sop == null ? null : NO_IMAGE_CLASSES.get(sop);
		return ds.file + ": holds no image: " + (sop == null ? "no SOP class" : "SOP class " + sop + (name == null ? "" :
			" (" + name + ")")) + ", no Pixel Data (7FE0,0010).";
	}

	/** @return "uint16", "int16", "uint1" */
	String type() {
		return (signed == 1 ? "int" : "uint") + bitsAllocated;
	}

	/** @return the type of the values {@link #frame} returns: 1-bit data as unsigned 8-bit */
	MetaElementType storedType() {
		return MetaElementType.of(signed == 1 && bitsAllocated > 1 ? 'i' : 'u', Math.max(1, bitsAllocated / 8));
	}

	private String where() {
		return file + ": ";
	}

	private void checkPixelModule() throws ImageFileException {
		final int samples = ds.unsigned16(SAMPLES, 1);
		final String given = ds.text(PHOTOMETRIC, "Photometric Interpretation");
		final String photometric = given == null ? "MONOCHROME2" : given;
		if (samples != 1 || !photometric.startsWith("MONOCHROME")) throw new ImageFileException(where() + samples +
			" samples per pixel (0028,0002), Photometric Interpretation (0028,0004) " + photometric + "; ImageArray " +
			"measures grey (MONOCHROME) images.");
		if (rows == 0 || columns == 0) throw new ImageFileException(where() + "Rows (0028,0010) " + rows +
			" and Columns (0028,0011) " + columns + ": an image needs both, above 0.");
		if ((long) rows * columns > Integer.MAX_VALUE - 8) throw new ImageFileException(where() + columns + " x " + rows +
			" pixels in a frame; at most 2^31 are read.");
		if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32)
			throw new ImageFileException(where() + bitsAllocated + " bits allocated (0028,0100); read: 1, 8, 16 and 32.");
		final String syntax = ds.syntax;
		final boolean nativeSyntax = syntax.equals(DicomDataSet.IMPLICIT_LE) || syntax.equals(DicomDataSet.EXPLICIT_LE) ||
			syntax.equals(DicomDataSet.EXPLICIT_BE) || syntax.equals(DicomDataSet.DEFLATED);
		if (UNREAD_SYNTAXES.containsKey(syntax)) throw new ImageFileException(where() + "transfer syntax " + syntax +
			" (" + UNREAD_SYNTAXES.get(syntax) + ") is not decoded: no pure-Java decoder on Maven Central decodes it " +
			"exactly under a BSD-compatible licence; read: uncompressed, deflated, RLE Lossless and JPEG (lossless " +
			"and baseline).");
		final boolean decoded = syntax.equals(RLE) || DicomJpeg.reads(syntax);
		if (!nativeSyntax && !decoded) throw new ImageFileException(where() + "transfer syntax " + syntax +
			" is not read; read: uncompressed, deflated, RLE Lossless and JPEG (lossless and baseline).");
		if (nativeSyntax && ds.fragments != null) throw new ImageFileException(where() + "encapsulated Pixel Data " +
			"(7FE0,0010) in transfer syntax " + syntax + ", which is uncompressed.");
		if (!nativeSyntax && ds.fragments == null) throw new ImageFileException(where() + "Pixel Data (7FE0,0010) of " +
			"defined length in transfer syntax " + syntax + ", which keeps them encapsulated in fragments.");
		if (bitsAllocated == 1 && !nativeSyntax) throw new ImageFileException(where() + "1-bit pixel data compressed " +
			"(transfer syntax " + syntax + "); 1-bit data are read uncompressed.");
	}

	/** @return the bytes (rounded up) the native pixel data of every frame take */
	private long nativeBytes() {
		return ((long) rows * columns * frameCount * bitsAllocated + 7) / 8;
	}

	private void checkNativeLength() throws ImageFileException {
		final long needed = nativeBytes();
		final long there = Math.min(ds.pixelLength, ds.input.size() - ds.pixelOffset);
		if (there < needed) throw new ImageFileException(where() + "the Pixel Data (7FE0,0010) hold " + there +
			" bytes but " + DicomFrames.frames(frameCount) + " of " + columns + " x " + rows + " " +
			type() + " need " + needed + (frameCount > 1 ? " (fewer frames than Number of Frames (0028,0008) says, " +
				"or a truncated file)." : " (truncated file)."));
	}

	/** @return the fragments of each frame: one each, grouped by the Basic Offset Table, or split at JPEG's start markers */
	private int[][] frameFragments() throws IOException {
		final List<long[]> fragments = ds.fragments;
		final int n = fragments.size();
		if (n == 0) throw new ImageFileException(where() + "the encapsulated Pixel Data (7FE0,0010) hold no fragment.");
		final List<Integer> starts = new ArrayList<>();
		if (frameCount == 1) starts.add(0);
		else if (ds.offsetTable.length > 0) {
			if (ds.offsetTable.length != frameCount) throw new ImageFileException(where() + "the Basic Offset Table of " +
				"the Pixel Data (7FE0,0010) lists " + ds.offsetTable.length + " frames but Number of Frames (0028,0008) is " +
				frameCount + ".");
			final long first = fragments.get(0)[0] - 8;
			final long end = fragments.get(n - 1)[0] + fragments.get(n - 1)[1] - first;
			for (int k = 0; k < frameCount; k++) {
				final long offset = ds.offsetTable[k];
				int found = -1;
				for (int i = 0; i < n && found < 0; i++)
					if (fragments.get(i)[0] - 8 - first == offset) found = i;
				if (found < 0 || !starts.isEmpty() && found <= starts.get(starts.size() - 1)) throw new ImageFileException(
					where() + "entry " + (k + 1) + " of the Basic Offset Table of the Pixel Data (7FE0,0010), " + offset +
						", points " + (offset >= end ? "beyond the " + end + " bytes of the fragments" :
							"to no fragment's start after the previous frame's") + ".");
				starts.add(found);
			}
		}
		else if (n == frameCount) for (int i = 0; i < n; i++)
			starts.add(i);
		else if (DicomJpeg.reads(ds.syntax)) {
			// no offset table: each frame's JPEG stream begins with a start-of-image marker
			for (int i = 0; i < n; i++) {
				final byte[] head = ds.input.bytes(fragments.get(i)[0], (int) Math.min(2, fragments.get(i)[1]),
					"fragment " + (i + 1));
				if (head.length == 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8) starts.add(i);
			}
		}
		if (starts.size() != frameCount) throw new ImageFileException(where() + "the encapsulated Pixel Data " +
			"(7FE0,0010) hold " + n + " fragments for " + DicomFrames.frames(frameCount) + " (Number of Frames (0028,0008)), and " +
			(ds.offsetTable.length == 0 ? "no Basic Offset Table tells which belong to which frame." :
				"their offset table does not match them."));
		if (starts.get(0) != 0) throw new ImageFileException(where() + "the first frame of the Pixel Data " +
			"(7FE0,0010) does not start at the first fragment.");
		final int[][] byFrame = new int[frameCount][];
		for (int k = 0; k < frameCount; k++) {
			final int from = starts.get(k), to = k + 1 < frameCount ? starts.get(k + 1) : n;
			byFrame[k] = new int[to - from];
			for (int i = from; i < to; i++)
				byFrame[k][i - from] = i;
		}
		return byFrame;
	}

	/**
	 * @return stored values {@code [from, from + length)} of frame {@code index} (0-based), in the
	 *         array of {@link #storedType()}
	 */
	Object frame(final int index, final long from, final int length) throws IOException {
		final MetaElementType type = storedType();
		if (frameFragments != null) {
			final Object whole = decode(index);
			if (from == 0 && length == (long) rows * columns) return whole;
			final Object range = PlanarFile.newArray(type, length);
			System.arraycopy(whole, (int) from, range, 0, length);
			return range;
		}
		final long planeLength = (long) rows * columns;
		if (bitsAllocated == 1) return bits(index * planeLength + from, length);
		final byte[] b = ds.input.bytes(ds.pixelOffset + (index * planeLength + from) * type.bytes(), length * type
			.bytes(), "frame " + (index + 1) + " of the Pixel Data (7FE0,0010)");
		final Object values = PlanarFile.newArray(type, length);
		MetaImageReader.copy(ByteBuffer.wrap(b).order(ds.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN),
			values, 0, length);
		return values;
	}

	/** @return bits {@code [first, first + length)} of 1-bit pixel data, least significant bit first, as 0 and 1 */
	private byte[] bits(final long first, final int length) throws IOException {
		final long firstByte = first / 8, lastByte = (first + length - 1) / 8;
		final byte[] packed = ds.input.bytes(ds.pixelOffset + firstByte, (int) (lastByte - firstByte + 1),
			"the 1-bit Pixel Data (7FE0,0010)");
		final byte[] values = new byte[length];
		for (int i = 0; i < length; i++) {
			final long bit = first + i - firstByte * 8;
			values[i] = (byte) (packed[(int) (bit >>> 3)] >>> (bit & 7) & 1);
		}
		return values;
	}

	/** @return the whole of frame {@code index}, decoded from its fragments */
	private Object decode(final int index) throws IOException {
		final int[] parts = frameFragments[index];
		long total = 0;
		for (final int i : parts)
			total += ds.fragments.get(i)[1];
		if (total > Integer.MAX_VALUE) throw new ImageFileException(where() + "frame " + (index + 1) + " has " + total +
			" compressed bytes; at most 2 GiB are read.");
		final String frame = file + ": frame " + (index + 1);
		// the compressed bytes, and the decoded frame with the decoder's copy of it
		ImageFiles.checkMemory(frame, total + 2L * rows * columns * storedType().bytes());
		final byte[] data = new byte[(int) total];
		int at = 0;
		for (final int i : parts) {
			final long[] fragment = ds.fragments.get(i);
			ds.input.read(fragment[0], data, at, (int) fragment[1]);
			at += (int) fragment[1];
		}
		if (ds.syntax.equals(RLE)) return DicomRle.decode(data, rows, columns, storedType(), frame);
		return DicomJpeg.decode(data, this, frame);
	}
}
