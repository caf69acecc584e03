package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.imagearray.OneLine;
import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.stats.StatisticsCalculator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never Java's words: every broken and unusual file the readers' tests make — the refused files of
 * {@code write_files.py} and {@code write_volumes.py} (TIFF structures, folders, HDF5, Zarr, DICOM
 * series), each reference file cut short, the fuzz tests' mutated TIFF files, gzip streams and
 * MetaImage headers, NiftiReaderTest's broken headers, and files that are not images at all — is
 * opened by {@link ImageFiles#read} and measured. Each one refused must be refused in one line that
 * names it and holds no exception class name and no JDK message, as the command line prints it.
 */
class RefusalMessagesTest {

	/** Words of Java's own messages, which a user cannot act on. */
	private static final String[] JAVA_WORDS = { "newPosition", "For input string", "empty String", "out of bounds",
		"null", "EOFException", "Exception", "java." };

	@TempDir
	static Path dir;

	@BeforeAll
	static void writeFiles() throws Exception {
		ReferenceFiles.write("write_files.py", dir, "reference.tsv");
		ReferenceFiles.write("write_volumes.py", dir, "volumes.tsv");
	}

	/**
	 * Fails unless the message is one line that names {@code file} and holds none of Java's words.
	 * The fuzz tests call it for every refusal.
	 */
	static void assertUserWords(final Path file, final String message) {
		final String wrong = wrongWords(file, message);
		assertTrue(wrong == null, wrong);
	}

	/** @return what is wrong with the refusal of {@code file}, or null when it is one clear line */
	private static String wrongWords(final Path file, final String message) {
		if (message == null) return file + ": a refusal without a message";
		if (message.contains("\n") || message.contains("\r")) return "more than one line: " + message;
		if (!message.contains(file.toString())) return "does not name " + file + ": " + message;
		for (final String word : JAVA_WORDS)
			if (message.contains(word)) return "'" + word + "': " + message;
		return null;
	}

	/** What is wrong with each refusal, and how many files were refused. */
	private final List<String> wanting = new ArrayList<>();
	private int refused;

	/**
	 * Opens and measures {@code path}; a refusal's message, as the command line prints it, is checked.
	 *
	 * @return whether it was refused
	 */
	private boolean openOrRefuse(final Path path, final OpenOptions options) {
		String message;
		try {
			new StatisticsCalculator().threads(1).compute(ImageFiles.read(path, options).image());
			return false;
		}
		catch (final IOException | IllegalArgumentException e) {
			message = OneLine.reason(e);
		}
		catch (final UncheckedIOException e) {
			message = OneLine.reason(e.getCause());
		}
		catch (final RuntimeException | OutOfMemoryError e) {
			message = path + ": an internal error, " + e;
		}
		refused++;
		final String wrong = wrongWords(path, message);
		if (wrong != null) wanting.add(wrong);
		return true;
	}

	private void mustBeRefused(final Path path, final OpenOptions options) {
		if (!openOrRefuse(path, options)) wanting.add(path + " was read");
	}

	@Test
	void everyRefusalIsOneLineInTheUsersWords() throws IOException {
		final long start = System.nanoTime();
		for (final String[] row : ReferenceFiles.table(dir.resolve("refused.tsv")))
			mustBeRefused(dir.resolve(row[0]), OpenOptions.NONE);
		for (final String[] row : ReferenceFiles.table(dir.resolve("volumes-refused.tsv")))
			mustBeRefused(dir.resolve(row[0]), OpenOptions.NONE.pattern(row[1].equals("-") ? null : row[1]));
		for (final String[] row : ReferenceFiles.table(dir.resolve("reference.tsv")))
			mustBeRefused(cutShort(dir.resolve(row[0]), "cut-" + row[0]), OpenOptions.NONE);
		for (final NiftiReaderTest.BadFile f : NiftiReaderTest.badFiles())
			mustBeRefused(Files.write(dir.resolve(f.name), f.bytes), OpenOptions.NONE);
		notImages();
		final int files = refused;
		mutations();
		assertEquals("", String.join("\n", wanting), wanting.size() + " of " + refused + " refusals");
		assertTrue(files > 150 && refused > files + 400, "files refused " + files + ", with mutations " + refused);
		System.out.println("Refusal messages: " + refused + " refusals in " + (System.nanoTime() - start) / 1_000_000 +
			" ms");
	}

	/** Files that are not images at all, and images that are not there. */
	private void notImages() throws IOException {
		final Random random = new Random(28);
		final byte[] noise = new byte[4096];
		random.nextBytes(noise);
		for (final String name : new String[] { "noise.tif", "noise.nii", "noise.nii.gz", "noise.mha", "noise.h5" })
			mustBeRefused(Files.write(dir.resolve(name), noise), OpenOptions.NONE);
		for (final String name : new String[] { "empty.tif", "empty.nii", "empty.nii.gz", "empty.mhd", "empty.h5" })
			mustBeRefused(Files.write(dir.resolve(name), new byte[0]), OpenOptions.NONE);
		mustBeRefused(Files.write(dir.resolve("text.tif"), "not a TIFF\n".getBytes(StandardCharsets.US_ASCII)),
			OpenOptions.NONE);
		mustBeRefused(dir.resolve("missing.tif"), OpenOptions.NONE);
		mustBeRefused(Files.write(dir.resolve("picture.jpg"), noise), OpenOptions.NONE);
		mustBeRefused(Files.createDirectories(dir.resolve("nothing-here")), OpenOptions.NONE);
		// a header that claims 2^45 voxels and holds none
		mustBeRefused(Files.write(dir.resolve("huge.nii"), NiftiReaderTest.nifti(16, 4, new short[] { 32767, 32767,
			32767 }, new float[4], new double[0], ByteOrder.LITTLE_ENDIAN, 0, 0)), OpenOptions.NONE);
		final String array = "{\"zarr_format\": 2, \"shape\": [4, 4], \"chunks\": [2, 2], \"dtype\": \"<f4\", " +
			"\"compressor\": null, \"fill_value\": 0, \"order\": \"C\", \"filters\": null}";
		final String[][] metadata = { { ".zarray", "{" }, { ".zarray", "[]" }, { ".zarray", "{}" }, { ".zarray",
			array.replace("null, \"fill", "{}, \"fill") }, { "attributes.json", "{\"dimensions\": [4, 4]}" }, { ".zarray", "{\"zarr_format\": 2, " +
			"\"shape\": \"x\"}" }, { ".zarray", array.replace("[2, 2]", "[0, 0]") }, { ".zarray", array.replace("[2, 2]",
				"[2]") }, { ".zarray", array.replace("\"<f4\"", "\"<fx\"") }, { ".zarray", array.replace("\"<f4\"",
					"7") }, { ".zarray", array.replace("null, \"fill", "\"gzip\", \"fill") }, { ".zattrs",
						"{\"multiscales\": [1]}" }, { ".zattrs", "{\"multiscales\": [{\"datasets\": [\"0\"]}]}" }, {
							"attributes.json", "{\"dimensions\": [4, 4], \"blockSize\": [2], \"dataType\": \"uint8\"}" }, {
								"attributes.json", "{\"dimensions\": [4, 4], \"blockSize\": [2, 2], \"dataType\": " +
									"\"uint7\"}" } };
		for (int i = 0; i < metadata.length; i++) {
			final Path store = Files.createDirectories(dir.resolve("metadata-" + i + ".zarr"));
			Files.write(store.resolve(metadata[i][0]), metadata[i][1].getBytes(StandardCharsets.UTF_8));
			mustBeRefused(store, OpenOptions.NONE);
		}
	}

	/** The fuzz tests' mutations, fewer of them: TIFF files, gzip streams, MetaImage headers and data. */
	private void mutations() throws IOException {
		final Random random = new Random(20261206);
		for (int c = 0; c < 400; c++) {
			final String base = FileFuzzTest.TIFF_BASES[random.nextInt(FileFuzzTest.TIFF_BASES.length)];
			final Path file = Files.write(dir.resolve("mutated-" + c + ".tif"), FileFuzzTest.mutate(Files.readAllBytes(
				dir.resolve(base)), random));
			openOrRefuse(file, OpenOptions.NONE);
			Files.delete(file);
		}
		final byte[] gzip = Files.readAllBytes(dir.resolve("float32.nii.gz"));
		for (int c = 0; c < 200; c++) {
			final Path file = Files.write(dir.resolve("mutated-" + c + ".nii.gz"), FileFuzzTest.mutateGzip(gzip, random));
			openOrRefuse(file, OpenOptions.NONE);
			Files.delete(file);
		}
		final double[] values = new double[4 * 5 * 6];
		for (int i = 0; i < values.length; i++)
			values[i] = random.nextGaussian();
		final byte[] raw = MetaImageFiles.bytes(MetaElementType.MET_FLOAT, values, ByteOrder.LITTLE_ENDIAN);
		final byte[] zipped = MetaImageFiles.deflate(raw);
		final Path metaImages = Files.createDirectories(dir.resolve("metaimage"));
		for (int c = 0; c < 300; c++) {
			MetaImageFuzzTest.writeMutatedCase(random, raw, zipped, metaImages);
			openOrRefuse(metaImages.resolve("case.mhd"), OpenOptions.NONE);
		}
	}

	/** @return a copy of {@code file}, named {@code name}, cut to two thirds of its bytes */
	static Path cutShort(final Path file, final String name) throws IOException {
		final byte[] bytes = Files.readAllBytes(file);
		return Files.write(file.resolveSibling(name), Arrays.copyOf(bytes, bytes.length * 2 / 3));
	}
}
