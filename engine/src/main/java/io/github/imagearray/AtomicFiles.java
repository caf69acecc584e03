package io.github.imagearray;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;


/**
 * Writes files whole or not at all: the content goes to a temporary file in the target's
 * directory, which then replaces the target by an atomic move. A reader never sees a partly
 * written file, and a failed write leaves the old file (if any) as it was. Temporary files that a
 * killed run left behind ({@code .imagearray-*.tmp}) are removed by the next write to that directory.
 * <p>
 * {@code AtomicFiles.write(dir.resolve("stats.csv"), "a,b\n1,2\n");}
 */
public final class AtomicFiles {

	/** Temporary files are named {@code .imagearray-<random hex>.tmp}: short, whatever the target's name. */
	static final String TEMPORARY_PREFIX = ".imagearray-";
	static final String TEMPORARY_SUFFIX = ".tmp";
	private static final SecureRandom RANDOM = new SecureRandom();

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
		removeStale(directory);
		final Path temporary = directory.resolve(TEMPORARY_PREFIX + Long.toHexString(RANDOM.nextLong() >>> 16) +
			TEMPORARY_SUFFIX);
		// the lock, held until the file is in place, tells a later run that this one is alive
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
			StandardOpenOption.WRITE); FileLock lock = channel.lock())
		{
			try (OutputStream out = new FilterOutputStream(Channels.newOutputStream(channel)) {

				@Override
				public void close() throws IOException {
					flush(); // the channel is closed by the outer block, after the move
				}
			})
			{
				content.writeTo(out);
			}
			moveIntoPlace(temporary, absolute);
		}
		catch (final AccessDeniedException e) {
			throw new IOException("Directory is not writable: " + directory, e);
		}
		catch (final IOException e) {
			throw new IOException("Cannot write " + absolute + ": " + OneLine.reason(e), e);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Puts a file written whole beside the target in its place, in one atomic move where the file
	 * system can, with the permissions of the file it replaces (or rw-r--r--).
	 * <p>
	 * {@code AtomicFiles.moveIntoPlace(dir.resolve("stats.csv.partial"), dir.resolve("stats.csv"));}
	 *
	 * @param written the new content, in the target's directory
	 * @param target the file it replaces or becomes
	 */
	public static void moveIntoPlace(final Path written, final Path target) throws IOException {
		keepPermissions(written, target);
		try {
			Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Removes the temporary files that runs which ended before moving them into place left in
	 * {@code directory}: those no live process holds locked. Files younger than a few seconds are
	 * left alone, as a run may be between creating and locking its own.
	 */
	private static void removeStale(final Path directory) {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, TEMPORARY_PREFIX + "*" +
			TEMPORARY_SUFFIX))
		{
			final long now = System.currentTimeMillis();
			for (final Path file : files) {
				if (now - Files.getLastModifiedTime(file).toMillis() < 5000) continue;
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
					final FileLock lock = channel.tryLock();
					if (lock == null) continue; // a live run is writing it
					Files.delete(file);
					lock.release();
				}
				catch (final OverlappingFileLockException | IOException e) {
					// held by this process, gone already, or not ours to remove: left alone
				}
			}
		}
		catch (final IOException e) {
			// nothing to clean up where the directory cannot be listed; the write reports its own problems
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
