package io.github.imagearray.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * The number of files this process has open, for the readers' tests that no file stays open once
 * read: {@code long before = OpenFiles.count();}
 */
final class OpenFiles {

	private static final Path FDS = Paths.get("/proc/self/fd");

	private OpenFiles() {
	}

	/** @return the files open now, as Linux lists them in /proc/self/fd (elsewhere the test is skipped) */
	static long count() throws IOException {
		assumeTrue(Files.isDirectory(FDS), "Linux counts a process's open files in /proc/self/fd");
		try (Stream<Path> open = Files.list(FDS)) {
			return open.count();
		}
	}
}
