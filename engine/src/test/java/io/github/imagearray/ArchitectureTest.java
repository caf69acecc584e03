package io.github.imagearray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine (the root package, {@code stats}, {@code slices} and {@code command}) knows nothing of ImageJ, SciJava,
 * the adapters or AWT. Its module depends on ImgLib2 alone, so the compiler keeps ImageJ, SciJava
 * and the modules above out; AWT and Swing come with the JDK, and this test keeps them out.
 */
class ArchitectureTest {

	private static final Path MAIN = Paths.get("src/main/java/io/github/imagearray");

	@Test
	void engineImportsNoAwtNorSwing() throws IOException {
		final List<String> offending = imports("", "stats", "slices", "command").filter(line -> line.matches(
			"import (static )?(java\\.awt|javax\\.swing|javax\\.imageio)\\..*")).collect(Collectors.toList());
		assertEquals(0, offending.size(), "engine imports: " + offending);
	}

	/** @return the import lines of the sources directly in these packages (relative to the root one) */
	private static Stream<String> imports(final String... packages) throws IOException {
		final List<Path> sources = new ArrayList<>();
		for (final String p : packages)
			try (Stream<Path> files = Files.list(MAIN.resolve(p))) {
				files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
			}
		assertTrue(sources.size() > 3, "sources found: " + sources);
		return sources.stream().flatMap(ArchitectureTest::imports);
	}

	private static Stream<String> imports(final Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(l -> l
				.startsWith("import "));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
