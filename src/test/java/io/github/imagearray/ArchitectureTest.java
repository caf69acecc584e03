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

/** The core (the root package, {@code stats} and {@code slices}) knows nothing of ImageJ, SciJava or AWT. */
class ArchitectureTest {

	private static final Path MAIN = Paths.get("src/main/java/io/github/imagearray");

	/** The adapters: ImageJ 1.x, SciJava, the command line; the core may import none of them. */
	private static final String ADAPTERS = "io\\.github\\.imagearray\\.(bridge|display|plugins|commands|cli)";

	@Test
	void coreImportsOnlyImgLib2CommonsMathAndTheJdk() throws IOException {
		final List<String> offending = imports("", "stats", "slices").filter(line -> line.matches(
			"import (static )?(ij|org\\.scijava|java\\.awt|javax\\.swing|" + ADAPTERS + ")\\..*")).collect(
				Collectors.toList());
		assertEquals(0, offending.size(), "core imports: " + offending);
	}

	@Test
	void fileReadersImportNoImageJNorAnyAdapter() throws IOException {
		// java.awt.image is allowed here: the TIFF decoder (ImageIO) hands out rasters
		final List<String> offending = imports("io").filter(line -> line.matches("import (static )?(ij|org\\.scijava|" +
			"javax\\.swing|" + ADAPTERS + ")\\..*")).collect(Collectors.toList());
		assertEquals(0, offending.size(), "io imports: " + offending);
	}

	@Test
	void fileReadersUseOfTheEngineIsPlanesOnDemandAndItsHelpers() throws IOException {
		// the readers hand out planes read when asked for, sized against the free heap; nothing else
		// of the engine is theirs to know
		final List<String> offending = imports("io").filter(line -> line.startsWith("import io.github.imagearray.stats.") &&
			!line.matches("import io\\.github\\.imagearray\\.stats\\.(PlanesOnDemand(\\.PlaneRanges)?|PrimitiveArrays|Heap);"))
			.collect(Collectors.toList());
		assertEquals(0, offending.size(), "io imports of stats: " + offending);
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
