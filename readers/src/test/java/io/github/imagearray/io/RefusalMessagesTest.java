package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.imagearray.OneLine;
import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.stats.StatisticsCalculator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never Java's words: every broken and unusual file the readers' tests make — the refused files of
 * {@code write_files.py}, {@code write_volumes.py} and {@code write_dicom.py} (TIFF structures,
 * folders, HDF5, Zarr, DICOM files and series), each reference file cut short, the fuzz tests'
 * mutated TIFF files, gzip streams, MetaImage headers and DICOM files (multi-frame, RLE, JPEG,
 * deflated), DICOM series folders with one file mutated, NiftiReaderTest's broken headers, and files
 * that are not images at all — is opened by {@link ImageFiles#read} and measured. Each one refused
 * must be refused in one printable line that names it and holds no exception class name and no JDK
 * message, as the command line prints it; a DICOM refusal also names the element (gggg,eeee) or the
 * frame where the problem lies in one.
 */
class RefusalMessagesTest {

	/** Words of Java's own messages, which a user cannot act on. */
	private static final String[] JAVA_WORDS = { "newPosition", "For input string", "empty String", "out of bounds",
		"null", "EOFException", "Exception", "java." };

	/**
	 * What a DICOM refusal names where the problem is: an element "(0028,1052)", a frame, a fragment
	 * or a file of a series; or, for a problem of the whole file, what it is.
	 */
	private static final Pattern DICOM_PLACE = Pattern.compile("\\([0-9A-F]{4},[0-9A-F]{4}\\)|frames? \\d|fragment \\d|" +
		"(truncated file|not a DICOM file|holds no image|deflate|transfer syntax|series|same position)");
	/** A value quoted in a message, and the most characters it may take, its escapes and "..." included. */
	private static final Pattern QUOTE = Pattern.compile("\"([^\"]*)\"");
	private static final int QUOTED = 40;

	@TempDir
	static Path dir;
	/** The files of write_dicom.py. */
	private static Path dicom;

	@BeforeAll
	static void writeFiles() throws Exception {
		ReferenceFiles.write("write_files.py", dir, "reference.tsv");
		ReferenceFiles.write("write_volumes.py", dir, "volumes.tsv");
		dicom = Files.createDirectories(dir.resolve("dicom"));
		ReferenceFiles.write("write_dicom.py", dicom, "dicom.tsv");
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
		if (message.contains("\n") || message.contains("\r")) return "more than one line: " + OneLine.printable(message);
		for (int i = 0; i < message.length(); i++)
			if (Character.isISOControl(message.charAt(i)) || message.charAt(i) == '\ufffd') return "unprintable " +
				"characters: " + OneLine.printable(message);
		if (!message.contains(file.toString())) return "does not name " + file + ": " + message;
		for (final String word : JAVA_WORDS)
			if (message.contains(word)) return "'" + word + "': " + message;
		final Matcher quoted = QUOTE.matcher(message);
		while (quoted.find())
			if (quoted.group(1).length() > QUOTED) return "a value quoted at length: " + message;
		return null;
	}

	/** @return what is wrong with a DICOM refusal of {@code file}, or null when it is one clear line saying where */
	private static String wrongDicomWords(final Path file, final String message) {
		final String wrong = wrongWords(file, message);
		if (wrong != null || DICOM_PLACE.matcher(message.replace(file.toString(), "")).find()) return wrong;
		return "names no element, frame or file of a series: " + message;
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
		final String message = refusal(path, options);
		if (message == null) return false;
		final String wrong = wrongWords(path, message);
		if (wrong != null) wanting.add(wrong);
		return true;
	}

	/** As {@link #openOrRefuse}, for a DICOM file or folder, whose refusal must also say where. */
	private boolean openOrRefuseDicom(final Path path) {
		final String message = refusal(path, OpenOptions.NONE);
		if (message == null) return false;
		final String wrong = wrongDicomWords(path, message);
		if (wrong != null) wanting.add(wrong);
		return true;
	}

	/**
	 * @return null when {@code path} is read and measured, else its refusal's message (unprintable
	 *         characters kept, for the check), one refusal more counted
	 */
	private String refusal(final Path path, final OpenOptions options) {
		String message;
		try {
			new StatisticsCalculator().threads(1).compute(ImageFiles.read(path, options).image());
			return null;
		}
		catch (final IOException | IllegalArgumentException e) {
			message = e.getMessage();
		}
		catch (final UncheckedIOException e) {
			message = e.getCause().getMessage();
		}
		catch (final RuntimeException | OutOfMemoryError e) {
			message = path + ": an internal error, " + e;
		}
		refused++;
		return message;
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
		brokenDicom();
		notImages();
		final int files = refused;
		mutations();
		dicomMutations();
		assertEquals("", String.join("\n", wanting), wanting.size() + " of " + refused + " refusals");
		assertTrue(files > 200 && refused > files + 800, "files refused " + files + ", with mutations " + refused);
		System.out.println("Refusal messages: " + refused + " refusals in " + (System.nanoTime() - start) / 1_000_000 +
			" ms");
	}

	/** The refused files of write_dicom.py, and each of its single files cut short. */
	private void brokenDicom() throws IOException {
		for (final String[] row : ReferenceFiles.table(dicom.resolve("dicom-refused.tsv")))
			if (!openOrRefuseDicom(dicom.resolve(row[0]))) wanting.add(row[0] + " was read");
		for (final String[] row : ReferenceFiles.table(dicom.resolve("dicom.tsv"))) {
			final Path file = dicom.resolve(row[0]);
			if (Files.isDirectory(file)) continue;
			final Path cut = cutShort(file, "cut-" + file.getFileName());
			if (!openOrRefuseDicom(cut)) wanting.add(cut + " was read");
			Files.delete(cut);
		}
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

	/**
	 * The DICOM fuzz test's mutations, fewer of them, and series folders of which one file is
	 * mutated: write_volumes.py's CT (implicit and explicit VR) and MR (big and little endian),
	 * write_dicom.py's unusual headers, JPEG Lossless and RLE series and two Enhanced CT files.
	 */
	private void dicomMutations() throws IOException {
		final Random random = new Random(20261207);
		for (int c = 0; c < 300; c++) {
			final String base = DicomFilesTest.MUTATED[random.nextInt(DicomFilesTest.MUTATED.length)];
			final Path file = Files.write(dir.resolve("mutated-" + c + ".dcm"), FileFuzzTest.mutate(Files.readAllBytes(
				dicom.resolve(base)), random));
			openOrRefuseDicom(file);
			Files.delete(file);
		}
		final Path[] series = { dir.resolve("dicom-ct"), dir.resolve("dicom-mr"), dicom.resolve("unusual"), dicom
			.resolve("ct-jpeg-sv1-dcmtk"), dicom.resolve("mr-rle-gdcm"), dicom.resolve("enhanced-ct-folder") };
		for (int c = 0; c < 400; c++) {
			final Path source = series[random.nextInt(series.length)];
			final Path copy = Files.createDirectories(dir.resolve("mutated-series-" + c));
			final List<Path> files = new ArrayList<>();
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
				for (final Path f : entries)
					files.add(Files.copy(f, copy.resolve(f.getFileName())));
			}
			// in name order: the directory's own order would pick another file on another machine
			files.sort(null);
			final Path mutated = files.get(random.nextInt(files.size()));
			Files.write(mutated, FileFuzzTest.mutate(Files.readAllBytes(mutated), random));
			openOrRefuseDicom(copy);
			for (final Path f : files)
				Files.delete(f);
			Files.delete(copy);
		}
	}

	/** @return a copy of {@code file}, named {@code name}, cut to two thirds of its bytes */
	static Path cutShort(final Path file, final String name) throws IOException {
		final byte[] bytes = Files.readAllBytes(file);
		return Files.write(file.resolveSibling(name), Arrays.copyOf(bytes, bytes.length * 2 / 3));
	}
}
