package io.github.imagearray;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files whole or not at all: the content goes to a temporary file in the target's
 * directory, which then replaces the target by an atomic move. A reader never sees a partly
 * written file, and a failed write leaves the old file (if any) as it was.
 * <p>
 * {@code AtomicFiles.write(dir.resolve("stats.csv"), "a,b\n1,2\n");}
 */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	/**
	 * @param target the file to write or replace
	 * @param text its whole content, written as UTF-8
	 * @throws IOException naming the path when the directory is missing, is not a directory or
	 *           cannot be written
	 */
	public static void write(final Path target, final String text) throws IOException {
		write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Writes what {@code content} puts into the stream, atomically, as {@link #write(Path, String)}. */
	public static void write(final Path target, final Content content) throws IOException {
		final Path absolute = target.toAbsolutePath();
		final Path directory = absolute.getParent();
		checkDirectory(directory);
		if (Files.isDirectory(absolute))
			throw new IOException("Cannot write " + absolute + ": it is a directory.");
		final Path temporary;
		try {
			temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
		}
		catch (final AccessDeniedException e) {
			throw new IOException("Directory is not writable: " + directory, e);
		}
		try {
			try (OutputStream out = Files.newOutputStream(temporary)) {
				content.writeTo(out);
			}
			keepPermissions(temporary, absolute);
			try {
				Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Gives the new file the permissions of the file it replaces, or those of an ordinary new file
	 * (rw-r--r--), not the owner-only ones of a temporary file.
	 */
	private static void keepPermissions(final Path temporary, final Path target) throws IOException {
		try {
			Files.setPosixFilePermissions(temporary, Files.exists(target) ? Files.getPosixFilePermissions(target)
				: PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (final UnsupportedOperationException e) {
			// not a POSIX file system: its defaults apply
		}
	}

	/**
	 * @param directory a directory to write into
	 * @throws IOException naming the path unless it exists, is a directory and is writable
	 */
	public static void checkDirectory(final Path directory) throws IOException {
		if (directory == null || !Files.exists(directory))
			throw new IOException("Directory does not exist: " + directory);
		if (!Files.isDirectory(directory)) throw new IOException("Not a directory: " + directory);
		if (!Files.isWritable(directory)) throw new IOException("Directory is not writable: " + directory);
	}

	/** Writes a file's content into a stream. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;
	}
}
