package io.github.imagearray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The core (the root package, {@code stats} and {@code slices}) knows nothing of ImageJ, SciJava or AWT. */
class ArchitectureTest {

	private static final Path MAIN = Paths.get("src/main/java/io/github/imagearray");

	@Test
	void coreImportsOnlyImgLib2CommonsMathAndTheJdk() throws IOException {
		final List<Path> core;
		try (Stream<Path> root = Files.list(MAIN); Stream<Path> stats = Files.list(MAIN.resolve("stats"));
			Stream<Path> slices = Files.list(MAIN.resolve("slices")))
		{
			core = Stream.concat(Stream.concat(root, stats), slices).filter(p -> p.toString().endsWith(".java"))
				.collect(Collectors.toList());
		}
		assertTrue(core.size() > 10, "core sources found: " + core);
		final List<String> offending = core.stream().flatMap(ArchitectureTest::imports).filter(line -> line
			.matches("import (static )?(ij|org\\.scijava|java\\.awt|javax\\.swing)\\..*")).collect(Collectors.toList());
		assertEquals(0, offending.size(), "core imports: " + offending);
	}

	private static Stream<String> imports(final Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(l -> l
				.startsWith("import "));
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
