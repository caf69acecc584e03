package io.github.imagearray.io;

import java.util.function.Consumer;

/**
 * What a caller asks of a file beyond its path: for a folder of 2D images a glob that selects its
 * files, for a folder of DICOM files the series to read, and who is told, in one line each, of
 * what the file records but the reader leaves out (a TIFF's calibration function other than a
 * straight line). Immutable.
 * <p>
 * {@code ImageFiles.read(folder, OpenOptions.NONE.pattern("*.tif").warnings(System.err::println));}
 */
public final class OpenOptions {

	/** No pattern, no series, warnings unheard. */
	public static final OpenOptions NONE = new OpenOptions(null, null, warning -> {});

	private final String pattern;
	private final String series;
	private final Consumer<String> warnings;

	private OpenOptions(final String pattern, final String series, final Consumer<String> warnings) {
		this.pattern = pattern;
		this.series = series;
		this.warnings = warnings;
	}

	/** @param pattern a glob of file names ({@code *.tif}, {@code ct_????.png}), or null for every image of the folder */
	public OpenOptions pattern(final String pattern) {
		return new OpenOptions(pattern, series, warnings);
	}

	/** @param series the Series Instance UID to read, or null when the folder holds one series */
	public OpenOptions series(final String series) {
		return new OpenOptions(pattern, series, warnings);
	}

	/** @param warnings told of what a file records but its reader leaves out */
	public OpenOptions warnings(final Consumer<String> warnings) {
		return new OpenOptions(pattern, series, warnings == null ? NONE.warnings : warnings);
	}

	/** @return the glob of file names, or null */
	public String pattern() {
		return pattern;
	}

	/** @return the Series Instance UID, or null */
	public String series() {
		return series;
	}

	/** Tells the caller of what the file records but the reader leaves out. */
	void warn(final String warning) {
		warnings.accept(warning);
	}
}
