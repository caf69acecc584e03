package io.github.imagearray.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.imagearray.IORunnable;
import io.github.imagearray.OneLine;

/**
 * Why a command could not do its work, in one line for the user: a missing library named in words
 * (a {@link LinkageError} names a class, not the jar that holds it), too little memory, or the
 * message of a refused input. Shared by the menu commands ({@link Messages}) and the SciJava
 * commands, which cancel with it.
 * <p>
 * {@code Failures.message(new NoClassDefFoundError("com/google/gson/JsonParser"))} is
 * {@code "ImageArray needs Gson (com.google.gson), which is missing from Fiji's jars folder."}
 */
public final class Failures {

	/** Package prefixes of the libraries the readers and the bridge use, with the names users know them by. */
	private static final String[][] LIBRARIES = { //
		{ "com.google.gson", "Gson" }, //
		{ "org.apache.commons.compress", "Apache Commons Compress" }, //
		{ "org.apache.commons.lang3", "Apache Commons Lang" }, //
		{ "org.apache.commons.io", "Apache Commons IO" }, //
		{ "com.github.luben.zstd", "zstd-jni" }, //
		{ "net.jpountz", "lz4-java" }, //
		{ "com.scalableminds.bloscjava", "blosc-java" }, //
		{ "com.ning.compress", "compress-lzf" }, //
		{ "io.jhdf", "jHDF" }, //
		{ "com.twelvemonkeys", "TwelveMonkeys ImageIO" }, //
		{ "net.imglib2", "ImgLib2" }, //
		{ "org.scijava", "SciJava Common" }, //
		{ "ij", "ImageJ 1.x" } };

	/** A class named in a linkage error's message: {@code com/google/gson/Gson} or {@code com.google.gson.Gson}. */
	private static final Pattern CLASS = Pattern.compile("([a-zA-Z_$][\\w$]*(?:[./][a-zA-Z_$][\\w$]*)+)");

	private Failures() {
	}

	/**
	 * Runs a command's work; a failure that {@link #message} puts in words goes to {@code refused}
	 * as that line: a refused input ({@link IOException}, {@link UncheckedIOException},
	 * {@link IllegalArgumentException}), a {@link LinkageError} or an {@link OutOfMemoryError}.
	 * Anything else, an interruption or a fault of ImageArray, reaches the caller.
	 * <p>
	 * {@code Failures.run(() -> process(imp), message -> IJ.error(COMMAND, message));}
	 */
	public static void run(final IORunnable work, final Consumer<String> refused) {
		try {
			work.run();
		}
		catch (final IOException | IllegalArgumentException | UncheckedIOException | LinkageError | OutOfMemoryError e) {
			refused.accept(message(e));
		}
	}

	/**
	 * @param failure what a command's work threw: an input refused ({@link java.io.IOException},
	 *          {@link IllegalArgumentException}), a {@link LinkageError} or an {@link OutOfMemoryError}
	 * @return one line for the user, without Java's exception names where the failure has words of its own
	 */
	public static String message(final Throwable failure) {
		if (failure instanceof UnsatisfiedLinkError) return "ImageArray cannot load native code on this system: " +
			OneLine.reason(failure);
		if (failure instanceof LinkageError) return missingLibrary((LinkageError) failure);
		if (failure instanceof OutOfMemoryError) return "Not enough memory: ImageJ may use " + Runtime.getRuntime()
			.maxMemory() / (1 << 20) + " MB; give it more in Edit > Options > Memory & Threads.";
		if (failure instanceof UncheckedIOException && failure.getCause() != null) return OneLine.reason(failure
			.getCause());
		return OneLine.reason(failure);
	}

	/**
	 * @return the library whose class is missing, named in words: a {@link NoClassDefFoundError}
	 *         names the class in its message, or in a cause
	 */
	static String missingLibrary(final LinkageError failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			final String text = t.getMessage();
			if (text == null || text.startsWith("Could not initialize class")) continue;
			final Matcher m = CLASS.matcher(text);
			if (m.find()) return missingLibrary(m.group(1).replace('/', '.'));
		}
		// a class whose first loading failed for a missing library stays broken until Fiji restarts
		final Matcher broken = CLASS.matcher(String.valueOf(failure.getMessage()));
		return "ImageArray cannot load " + (broken.find() ? broken.group(1) : "a class it needs") +
			": a library it needs is missing from Fiji's jars folder (see the first error since Fiji started).";
	}

	/** @return the message for a missing class, by the library that holds it */
	static String missingLibrary(final String className) {
		for (final String[] library : LIBRARIES)
			if (className.startsWith(library[0] + ".")) return "ImageArray needs " + library[1] + " (" + library[0] +
				"), which is missing from Fiji's jars folder.";
		final int dot = className.lastIndexOf('.');
		return "ImageArray needs the library of " + (dot > 0 ? className.substring(0, dot) : className) + " (class " +
			className + "), which is missing from Fiji's jars folder.";
	}
}
