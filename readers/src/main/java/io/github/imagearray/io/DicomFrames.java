package io.github.imagearray.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each frame of a DICOM image lies and how its stored values become the values it means:
 * for a single-frame image, its Image Position and Orientation (Patient), Pixel Spacing and Rescale
 * Slope and Intercept; for an enhanced multi-frame image (Enhanced CT, MR, PET, SEG…), the same from
 * the Plane Position, Plane Orientation, Pixel Measures and Pixel Value Transformation sequences of
 * each frame's item of the Per-frame Functional Groups Sequence, or else of the Shared one (PS3.3
 * C.7.6.16); for RT Dose, the Grid Frame Offset Vector along the normal and the Dose Grid Scaling
 * (values in Gy, PS3.3 C.8.8.3).
 * <p>
 * {@code List<DicomFrames.Frame> frames = DicomFrames.of(ds, 3);}
 */
final class DicomFrames {

	private static final int POSITION = 0x00200032, ORIENTATION = 0x00200037, SPACING = 0x00280030,
		INTERCEPT = 0x00281052, SLOPE = 0x00281053, SHARED = 0x52009229, PER_FRAME = 0x52009230,
		PLANE_POSITION = 0x00209113, PLANE_ORIENTATION = 0x00209116, PIXEL_MEASURES = 0x00289110,
		VALUE_TRANSFORMATION = 0x00289145, FRAME_OFFSETS = 0x3004000C, DOSE_SCALING = 0x3004000E,
		SEGMENT_IDENTIFICATION = 0x0062000A, SEGMENT_NUMBER = 0x0062000B;
	/**
	 * About what one frame's record takes: the object and its list entry, and its position,
	 * orientation and spacing arrays (3, 6 and 2 doubles), each read anew from the data set.
	 */
	static final long FRAME_BYTES = 256;
	/** Direction cosines that differ by less than this are the same orientation. */
	private static final double SAME_COSINE = 1e-4;

	private DicomFrames() {
	}

	/** One frame's geometry and rescale; {@code index} counts from 0 in the file's order. */
	static final class Frame {

		final int index;
		double[] position, orientation, spacing;
		double slope = 1, intercept;
		/** The Referenced Segment Number of a SEG's frame; 0 for other images. */
		int segment;
		/** The frame's position along the slice normal, where known. */
		double along = Double.NaN;

		Frame(final int index) {
			this.index = index;
		}
	}

	/**
	 * @param count the image's Number of Frames
	 * @return each frame's geometry and rescale
	 * @throws ImageFileException when a functional group is missing or the frames differ in
	 *           orientation or pixel spacing, naming the frames
	 * @throws OutOfHeapException when the heap cannot hold a record per frame (1-bit frames of one
	 *           pixel are 8 to a byte of the file), checked before any is made
	 */
	static List<Frame> of(final DicomDataSet ds, final int count) throws ImageFileException {
		ImageFiles.checkMemory(ds.file + " (" + frames(count) + ")", count * FRAME_BYTES);
		final List<DicomDataSet> perFrame = ds.sequence(PER_FRAME);
		final List<DicomDataSet> shared = ds.sequence(SHARED);
		final boolean enhanced = !perFrame.isEmpty() || !shared.isEmpty();
		if (!perFrame.isEmpty() && perFrame.size() != count) throw new ImageFileException(ds.file +
			": the Per-frame Functional Groups Sequence " + DicomDataSet.tag(PER_FRAME) + " has " + perFrame.size() +
			" items for " + frames(count) + " (Number of Frames (0028,0008)).");
		final double[] offsets = ds.numbers(FRAME_OFFSETS, "Grid Frame Offset Vector");
		if (offsets != null && count > 1 && offsets.length != count) throw new ImageFileException(ds.file +
			": the Grid Frame Offset Vector " + DicomDataSet.tag(FRAME_OFFSETS) + " has " + offsets.length +
			" offsets for " + frames(count) + " (Number of Frames (0028,0008)).");
		final double doseScaling = ds.number(DOSE_SCALING, "Dose Grid Scaling", 1);
		final List<Frame> frames = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			final Frame f = new Frame(i);
			if (enhanced) {
				final DicomDataSet own = perFrame.isEmpty() ? null : perFrame.get(i);
				final DicomDataSet common = shared.isEmpty() ? null : shared.get(0);
				f.position = group(own, common, PLANE_POSITION, POSITION, "Image Position (Patient)");
				f.orientation = group(own, common, PLANE_ORIENTATION, ORIENTATION, "Image Orientation (Patient)");
				f.spacing = group(own, common, PIXEL_MEASURES, SPACING, "Pixel Spacing");
				final double[] slope = group(own, common, VALUE_TRANSFORMATION, SLOPE, "Rescale Slope");
				final double[] intercept = group(own, common, VALUE_TRANSFORMATION, INTERCEPT, "Rescale Intercept");
				final List<DicomDataSet> segment = own == null ? null : own.sequence(SEGMENT_IDENTIFICATION);
				if (segment != null && !segment.isEmpty()) f.segment = segment.get(0).unsigned16(SEGMENT_NUMBER, 0);
				if (slope != null) f.slope = slope[0];
				if (intercept != null) f.intercept = intercept[0];
			}
			// RT Dose and other multi-frame images keep their geometry at the top level
			if (f.position == null) f.position = ds.numbers(POSITION, "Image Position (Patient)");
			if (f.orientation == null) f.orientation = ds.numbers(ORIENTATION, "Image Orientation (Patient)");
			if (f.spacing == null) f.spacing = ds.numbers(SPACING, "Pixel Spacing");
			if (!enhanced) {
				f.slope = ds.number(SLOPE, "Rescale Slope", 1) * doseScaling;
				f.intercept = ds.number(INTERCEPT, "Rescale Intercept", 0) * doseScaling;
			}
			if (f.position != null && f.position.length != 3) throw new ImageFileException(ds.file +
				": Image Position (Patient) " + DicomDataSet.tag(POSITION) + " of frame " + (i + 1) + " has " +
				f.position.length + " numbers, not 3.");
			if (f.orientation != null && f.orientation.length != 6) throw new ImageFileException(ds.file +
				": Image Orientation (Patient) " + DicomDataSet.tag(ORIENTATION) + " of frame " + (i + 1) + " has " +
				f.orientation.length + " numbers, not 6.");
			frames.add(f);
		}
		if (offsets != null && count > 1) gridOffsets(ds, frames, offsets);
		sameGeometry(ds, frames);
		return frames;
	}

	/**
	 * @return the value of {@code tag} in the first item of {@code sequence} of the frame's own
	 *         functional groups, else of the shared ones; null when neither has it
	 */
	private static double[] group(final DicomDataSet own, final DicomDataSet shared, final int sequence, final int tag,
		final String name) throws ImageFileException
	{
		for (final DicomDataSet groups : new DicomDataSet[] { own, shared }) {
			if (groups == null) continue;
			final List<DicomDataSet> items = groups.sequence(sequence);
			if (items.isEmpty()) continue;
			final double[] v = items.get(0).numbers(tag, name);
			if (v != null) return v;
		}
		return null;
	}

	/** RT Dose: frame k lies at the image position plus the k-th offset (relative to the first) along the normal. */
	private static void gridOffsets(final DicomDataSet ds, final List<Frame> frames, final double[] offsets)
		throws ImageFileException
	{
		final Frame first = frames.get(0);
		if (first.position == null || first.orientation == null) throw new ImageFileException(ds.file +
			": a Grid Frame Offset Vector (3004,000C) without Image Position and Orientation (Patient) to place it.");
		final double[] n = normal(first.orientation);
		// offsets are relative to the image position when the first is 0, else absolute along the normal (PS3.3 C.8.8.3.2)
		for (int k = 0; k < frames.size(); k++) {
			final double d = offsets[k] - offsets[0];
			final double[] p = first.position;
			frames.get(k).position = new double[] { p[0] + d * n[0], p[1] + d * n[1], p[2] + d * n[2] };
		}
	}

	/** The frames of one image must share orientation and pixel spacing: a volume has one grid. */
	private static void sameGeometry(final DicomDataSet ds, final List<Frame> frames) throws ImageFileException {
		final Frame first = frames.get(0);
		for (final Frame f : frames) {
			if (!same(first.orientation, f.orientation)) throw new ImageFileException(ds.file + ": frame " + (f.index +
				1) + " is oriented " + given(f.orientation) + " but frame 1 " + given(first.orientation) +
				" (Image Orientation (Patient) (0020,0037)); the frames of a volume share one orientation.");
			if (!same(first.spacing, f.spacing)) throw new ImageFileException(ds.file + ": frame " + (f.index + 1) +
				" has Pixel Spacing (0028,0030) " + given(f.spacing) + " but frame 1 " + given(first.spacing) +
				"; the frames of a volume share one pixel spacing.");
		}
	}

	/** @return "[1.0, 0.0]", or "none" for a value a frame lacks */
	private static String given(final double[] values) {
		return values == null ? "none" : Arrays.toString(values);
	}

	private static boolean same(final double[] a, final double[] b) {
		if (a == null || b == null) return a == b;
		if (a.length != b.length) return false;
		for (int i = 0; i < a.length; i++)
			if (Math.abs(a[i] - b[i]) > SAME_COSINE * Math.max(1, Math.abs(a[i]))) return false;
		return true;
	}

	/** @return "1 frame", "3 frames" */
	static String frames(final int count) {
		return count + (count == 1 ? " frame" : " frames");
	}

	/** @return the slice normal: the cross product of the row and column direction cosines */
	static double[] normal(final double[] o) {
		return new double[] { o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3] };
	}
}
