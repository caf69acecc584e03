package io.github.imagearray.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.imagearray.AtomicFiles;
import io.github.imagearray.OneLine;

/**
 * A table written row by row as its rows come, for a long run: the rows go to {@code NAME.partial}
 * beside the target, each whole in one write and handed to the file system at once, and that file
 * replaces the target in one atomic move when all rows are in, keeping its permissions. A run that dies leaves whole rows
 * in {@code NAME.partial} and the target as it was; a reader of the target never sees part of a
 * run. Two runs never write the same partial file: the second is refused.
 * <p>
 * {@code try (RowFile csv = RowFile.create(dir.resolve("statistics.csv"), header)) { csv.add(row); csv.finish(); }}
 */
final class RowFile implements Closeable {

	static final String PARTIAL = ".partial";

	private final Path target;
	private final Path partial;
	private final FileChannel channel;
	private final FileLock lock;

	private RowFile(final Path target, final Path partial, final FileChannel channel, final FileLock lock) {
		this.target = target;
		this.partial = partial;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * @param target the file the rows end up in
	 * @param header the first line(s), with line break
	 * @throws IOException naming the path when it cannot be written, or another run writes it
	 */
	static RowFile create(final Path target, final String header) throws IOException {
		final Path absolute = target.toAbsolutePath();
		AtomicFiles.checkDirectory(absolute.getParent());
		if (Files.isDirectory(absolute)) throw new IOException("Cannot write " + absolute + ": it is a directory.");
		final Path partial = absolute.resolveSibling(absolute.getFileName() + PARTIAL);
		final FileChannel channel;
		try {
			// not truncated before it is locked: it may be another run's
			channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		}
		catch (final AccessDeniedException e) {
			throw new IOException("Cannot write " + partial + ": permission denied.", e);
		}
		try {
			final FileLock lock = lock(channel);
			if (lock == null) throw new IOException("Another run is writing " + partial + ".");
			channel.truncate(0);
			final RowFile file = new RowFile(absolute, partial, channel, lock);
			file.add(header);
			return file;
		}
		catch (final IOException e) {
			channel.close();
			throw e;
		}
	}

	/** @return the lock, or null when another run (in this process or another) holds one */
	private static FileLock lock(final FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (final OverlappingFileLockException e) {
			return null;
		}
	}

	/** @param rows whole lines, with their line breaks, written in one piece */
	void add(final String rows) throws IOException {
		final ByteBuffer bytes = ByteBuffer.wrap(rows.getBytes(StandardCharsets.UTF_8));
		try {
			while (bytes.hasRemaining())
				channel.write(bytes);
		}
		catch (final IOException e) {
			throw new IOException("Cannot write " + partial + ": " + OneLine.reason(e), e);
		}
	}

	/**
	 * Moves the rows into place.
	 *
	 * @return the target
	 */
	Path finish() throws IOException {
		channel.force(false);
		AtomicFiles.moveIntoPlace(partial, target);
		close();
		return target;
	}

	/** Closes the file; unless {@link #finish}ed, the rows so far stay in {@code NAME.partial}. */
	@Override
	public void close() throws IOException {
		if (!channel.isOpen()) return;
		try {
			lock.release();
		}
		finally {
			channel.close();
		}
	}
}
