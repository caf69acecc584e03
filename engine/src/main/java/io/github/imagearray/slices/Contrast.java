package io.github.imagearray.slices;

/**
 * How a slice's grey values map to the display: ImageJ's automatic contrast (0.35 % of the values
 * saturated, as {@link DisplayRange#of} computes it) or the full range from minimum to maximum. The
 * dialog and macros name them by {@link #label()} ({@code Automatic}, {@code Min-max}), the
 * command line by {@link #key()} ({@code auto}, {@code minmax}).
 * <p>
 * {@code boolean saturate = Contrast.keyed("auto", "--range").saturates(); // true}
 */
public enum Contrast {
	AUTOMATIC("Automatic", "auto"), MIN_MAX("Min-max", "minmax");

	private final String label;
	private final String key;

	Contrast(final String label, final String key) {
		this.label = label;
		this.key = key;
	}

	/** @return the name in the dialog and in macros */
	public String label() {
		return label;
	}

	/** @return the name on the command line */
	public String key() {
		return key;
	}

	/** @return whether values saturate at the ends, as ImageJ's automatic contrast does */
	public boolean saturates() {
		return this == AUTOMATIC;
	}

	/** @return the dialog names in order, for a choice */
	public static String[] labels() {
		final String[] labels = new String[values().length];
		for (final Contrast c : values())
			labels[c.ordinal()] = c.label;
		return labels;
	}

	/**
	 * @param label "Automatic" or "Min-max"
	 * @throws IllegalArgumentException for any other name, naming it and the allowed ones
	 */
	public static Contrast named(final String label) {
		for (final Contrast c : values())
			if (c.label.equals(label)) return c;
		throw new IllegalArgumentException("The contrast must be Automatic or Min-max, not '" + label + "'.");
	}

	/**
	 * @param key "auto" or "minmax"
	 * @param option what the key was given as, to begin the message with (as "--range")
	 * @throws IllegalArgumentException for any other name, naming it and the allowed ones
	 */
	public static Contrast keyed(final String key, final String option) {
		for (final Contrast c : values())
			if (c.key.equals(key)) return c;
		throw new IllegalArgumentException(option + " must be auto or minmax, not '" + key + "'.");
	}
}
