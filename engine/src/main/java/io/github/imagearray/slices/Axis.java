package io.github.imagearray.slices;

import java.util.Locale;

/**
 * The three axes of a volume, by the names users type in dialogs, macros, scripts and on the
 * command line: {@code x}, {@code y} and {@code z}, the image's dimensions 0, 1 and 2.
 * <p>
 * {@code int d = Axis.named("z").dimension(); // 2}
 */
public enum Axis {
	X, Y, Z;

	/** @return the name as typed: "x", "y" or "z" */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @return the axis's dimension in an image: 0, 1 or 2 */
	public int dimension() {
		return ordinal();
	}

	/** @return the axis of dimension 0, 1 or 2 */
	public static Axis of(final int dimension) {
		return values()[dimension];
	}

	/** @return the names in order, for a dialog's choice */
	public static String[] labels() {
		final String[] labels = new String[values().length];
		for (final Axis a : values())
			labels[a.ordinal()] = a.label();
		return labels;
	}

	/**
	 * @param label "x", "y" or "z"
	 * @throws IllegalArgumentException for any other name, naming it and the allowed ones
	 */
	public static Axis named(final String label) {
		return named(label, "The axis");
	}

	/**
	 * @param label "x", "y" or "z"
	 * @param option what the label was given as, to begin the message with (as "--per-slice")
	 * @throws IllegalArgumentException for any other name, naming it and the allowed ones
	 */
	public static Axis named(final String label, final String option) {
		for (final Axis a : values())
			if (a.label().equals(label)) return a;
		throw new IllegalArgumentException(option + " must be x, y or z, not '" + label + "'.");
	}
}
