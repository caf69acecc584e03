package io.github.imagearray.plugins;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import io.github.imagearray.bridge.ImagePlusImgs;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The channels and frames of a hyperstack that a command measures: the current channel and frame,
 * or each channel and frame in turn (macro key {@code each}), every one a z stack of its own. Rows
 * of such images carry {@code channel} and {@code frame} columns (1-based, as ImageJ counts).
 * A second image (mask, labels) of one channel or one frame serves every channel or frame; one with
 * as many channels and frames as the image is matched position by position.
 */
final class Hyperstack {

	/** The checkbox: each channel and frame, a row or rows for each. */
	static final String EACH = "Each channel and frame";

	/** A channel and frame, 1-based. */
	static final class Position {

		final int channel, frame;

		Position(final int channel, final int frame) {
			this.channel = channel;
			this.frame = frame;
		}

		/** @return the z stack of {@code imp} at this position */
		RandomAccessibleInterval<? extends RealType<?>> of(final ImagePlus imp) {
			return ImagePlusImgs.wrap(imp, channel, frame);
		}

		/**
		 * @return the z stack of {@code other} (a mask, labels) that goes with this position of
		 *         {@code image}, in the values ImageJ shows ({@link ImagePlusImgs#wrapCalibrated})
		 * @throws IllegalArgumentException when its channels or frames match neither one nor the image's
		 */
		RandomAccessibleInterval<? extends RealType<?>> matching(final ImagePlus other, final ImagePlus image) {
			if (other == null) throw new IllegalArgumentException("No image.");
			return ImagePlusImgs.wrapCalibrated(other, matched(other.getNChannels(), image.getNChannels(), channel, "channels",
				other), matched(other.getNFrames(), image.getNFrames(), frame, "frames", other));
		}

		private static int matched(final int count, final int imageCount, final int at, final String what,
			final ImagePlus other)
		{
			if (count == 1) return 1;
			if (count == imageCount) return at;
			throw new IllegalArgumentException(other.getTitle() + " has " + count + " " + what + "; it needs 1 or " +
				imageCount + ", as many as the image.");
		}

		/** Adds the {@code channel} and {@code frame} columns to the current row, for hyperstacks. */
		void addColumns(final ResultsTable table, final ImagePlus imp) {
			if (!isHyperstack(imp)) return;
			table.addValue("channel", channel);
			table.addValue("frame", frame);
		}
	}

	private Hyperstack() {
	}

	/** @return whether {@code imp} has more than one channel or frame */
	static boolean isHyperstack(final ImagePlus imp) {
		return imp.getNChannels() > 1 || imp.getNFrames() > 1;
	}

	/** Adds the {@link #EACH} checkbox, unchecked. */
	static void addTo(final GenericDialog gd) {
		gd.addCheckbox(EACH, false);
	}

	/**
	 * @param each true for each channel and frame, false for the current ones
	 * @return the positions to measure, frame by frame and channel by channel within a frame
	 */
	static List<Position> positions(final ImagePlus imp, final boolean each) {
		if (imp == null) throw new IllegalArgumentException("No image.");
		final List<Position> positions = new ArrayList<>();
		if (!each || !isHyperstack(imp)) positions.add(new Position(imp.getChannel(), imp.getFrame()));
		else for (int t = 1; t <= imp.getNFrames(); t++)
			for (int c = 1; c <= imp.getNChannels(); c++)
				positions.add(new Position(c, t));
		return positions;
	}
}
