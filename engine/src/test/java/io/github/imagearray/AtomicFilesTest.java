package io.github.imagearray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	void aNameAtTheFileSystemsLimitIsWritten() throws IOException {
		final StringBuilder name = new StringBuilder();
		while (name.length() < 251)
			name.append('n');
		final Path target = dir.resolve(name + ".csv"); // 255 characters, the usual limit
		AtomicFiles.write(target, "a\n1\n");
		assertEquals("a\n1\n", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
		assertEquals(1, files().size());
	}

	@Test
	void aFailedWriteNamesThePathAndLeavesNothing() throws IOException {
		final Path target = dir.resolve("stats.csv");
		Files.write(target, "old\n".getBytes(StandardCharsets.UTF_8));
		final IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
			out.write(new byte[100]);
			throw new IOException("No space left on device");
		}));
		assertEquals("Cannot write " + target.toAbsolutePath() + ": No space left on device", e.getMessage());
		assertEquals("old\n", new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
		assertEquals(1, files().size(), "files: " + files());
		final IOException noReason = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
			throw new IOException();
		}));
		assertFalse(noReason.getMessage().contains("null"), noReason.getMessage());
	}

	@Test
	void temporaryFilesOfEndedRunsAreRemovedByTheNextWriteThoseOfLiveOnesKept() throws Exception {
		final Path stale = dir.resolve(AtomicFiles.TEMPORARY_PREFIX + "dead.tmp");
		Files.write(stale, "half".getBytes(StandardCharsets.UTF_8));
		Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
		// a live run: another process holds its temporary file locked
		final Path live = dir.resolve(AtomicFiles.TEMPORARY_PREFIX + "live.tmp");
		Files.write(live, "writing".getBytes(StandardCharsets.UTF_8));
		Files.setLastModifiedTime(live, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
		final Process holder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"),
			LockHolder.class.getName(), live.toString()).redirectErrorStream(true).start();
		try {
			assertEquals('L', holder.getInputStream().read(), "the other process holds the lock");
			AtomicFiles.write(dir.resolve("stats.csv"), "a\n");
			assertFalse(Files.exists(stale), "a killed run's temporary file is removed");
			assertTrue(Files.exists(live), "a live run's temporary file is kept");
		}
		finally {
			holder.destroy();
			assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
		}
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.collect(Collectors.toList());
		}
	}

	/** Locks the file it is given, says 'L' and waits to be ended. */
	public static final class LockHolder {

		public static void main(final String[] args) throws Exception {
			try (FileChannel c = FileChannel.open(Paths.get(args[0]), StandardOpenOption.WRITE);
				FileLock lock = c.lock())
			{
				System.out.print('L');
				System.out.flush();
				Thread.sleep(60_000);
			}
		}
	}

}
