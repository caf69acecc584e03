package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.stats.Masks;
import io.github.imagearray.stats.SliceStatistics;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Util;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM as other software writes it ({@code reference/write_dicom.py}): uncompressed series, unusual
 * headers, Enhanced CT and MR, RT Dose and SEG by pydicom; RLE, deflated and JPEG Lossless by DCMTK
 * and GDCM; measured as numpy measures the values pydicom gives (modality LUT or Dose Grid Scaling
 * applied), plane by plane in the order along the normal. Every broken or unread file is refused in
 * one line naming it, never in Java's words.
 */
class DicomFilesTest {

	@TempDir
	static Path dir;
	private static List<String[]> expected;

	@BeforeAll
	static void writeFiles() throws Exception {
		expected = ReferenceFiles.write("write_dicom.py", dir, "dicom.tsv");
	}

	@Test
	void everyFileMeasuresAsNumpyMeasuresPydicomsValues() throws IOException {
		assertTrue(expected.size() >= 20, "volumes: " + expected.size());
		for (final String[] row : expected) {
			final String what = row[0] + ": ";
			final List<String> warnings = new ArrayList<>();
			final ImageFile file = ImageFiles.read(dir.resolve(row[0]), OpenOptions.NONE.warnings(warnings::add));
			assertEquals(Arrays.asList(), warnings, what + "warnings");
			final Statistics s = new StatisticsCalculator().compute(file.image());
			assertEquals(Long.parseLong(row[1]), s.count(), what + "count");
			final double mean = Double.parseDouble(row[2]);
			assertEquals(mean, s.mean(), 1e-12 * Math.abs(mean), what + "mean");
			assertEquals(Double.parseDouble(row[3]), s.median(), 0, what + "median");
			assertEquals(Double.parseDouble(row[4]), s.variance(), 1e-11 * Double.parseDouble(row[4]), what +
				"variance");
			assertEquals(Double.parseDouble(row[6]), s.minimum(), 0, what + "minimum");
			assertEquals(Double.parseDouble(row[7]), s.maximum(), 0, what + "maximum");
			assertArrayEquals(new double[] { Double.parseDouble(row[8]), Double.parseDouble(row[9]), Double.parseDouble(
				row[10]) }, file.voxelSize(), 1e-9, what + "voxel size");
			final List<Double> means = new ArrayList<>();
			SliceStatistics.compute(file.image(), null, 2, new StatisticsCalculator(), (z, plane) -> means.add(plane
				.mean()));
			assertEquals(row.length - 11, means.size(), what + "planes");
			for (int z = 0; z < means.size(); z++) {
				final double m = Double.parseDouble(row[11 + z]);
				assertEquals(m, means.get(z), 1e-12 * Math.max(1, Math.abs(m)), what + "mean of plane " + z);
			}
		}
	}

	@Test
	void aNumberOfFramesTheHeapCannotHoldTheRecordsOfIsRefusedBeforeAnyIsMade() throws IOException {
		// 2^31 - 1 frames of one 1-bit pixel fit in a file of 256 MiB; their records, some 512 GiB, do not
		final Path dose = dir.resolve("rtdose.dcm");
		final OutOfHeapException e = assertThrows(OutOfHeapException.class, () -> DicomFrames.of(DicomDataSet.read(
			dose), Integer.MAX_VALUE));
		assertTrue(e.getMessage().startsWith(dose + " (2147483647 frames): the image needs 524287 MiB but the Java " +
			"heap has only "), e.getMessage());
	}

	@Test
	void aSegmentationIsRead1BitAs8Bit0And1() throws IOException {
		final ImageFile seg = ImageFiles.read(dir.resolve("seg.dcm"), OpenOptions.NONE);
		assertTrue(Util.getTypeFromInterval(seg.image()) instanceof UnsignedByteType);
		assertEquals("DICOM series, 15 x 7 x 3, UnsignedByteType, voxel size [1.0, 1.0, 2.0]", seg.description());
	}

	@Test
	void aSegmentationMasksTheImageOnItsGridAsNumpyDoes() throws IOException {
		for (final String[] row : ReferenceFiles.table(dir.resolve("dicom-masked.tsv"))) {
			final Statistics s = new StatisticsCalculator().compute(ImageFiles.open(dir.resolve(row[0])), Masks.nonZero(
				ImageFiles.open(dir.resolve(row[1]))));
			assertEquals(Long.parseLong(row[2]), s.count(), row[1]);
			assertEquals(Double.parseDouble(row[3]), s.mean(), 1e-12 * Math.abs(Double.parseDouble(row[3])), row[1]);
			assertEquals(Double.parseDouble(row[4]), s.median(), 0, row[1]);
		}
	}

	@Test
	void lossyJpegIsReadWithOneWarning() throws IOException {
		for (final String[] row : ReferenceFiles.table(dir.resolve("dicom-lossy.tsv"))) {
			final List<String> warnings = new ArrayList<>();
			final ImageFile file = ImageFiles.read(dir.resolve(row[0]), OpenOptions.NONE.warnings(warnings::add));
			assertEquals(1, warnings.size(), warnings.toString());
			assertTrue(warnings.get(0).contains("lossy JPEG (transfer syntax 1.2.840.10008.1.2.4.50)"), warnings.get(0));
			// decoders of lossy JPEG may differ by one in a value; pydicom decodes through Pillow (libjpeg)
			assertEquals(Double.parseDouble(row[1]), new StatisticsCalculator().compute(file.image()).mean(), 0.5,
				row[0]);
		}
	}

	@Test
	void brokenAndUnreadFilesAreRefusedInOneLineNamingTheFile() throws IOException {
		final List<String[]> refused = ReferenceFiles.table(dir.resolve("dicom-refused.tsv"));
		assertTrue(refused.size() >= 15, "refused: " + refused.size());
		for (final String[] row : refused) {
			final String message = refusal(dir.resolve(row[0]));
			assertTrue(message != null && message.contains(row[1]), row[0] + ": " + message);
		}
	}

	/**
	 * pydicom's own test files (GE, DCMTK, GDCM, highdicom…): those pydicom decodes as grey images in
	 * a syntax read here give pydicom's values, but for the few refused on purpose; every other one
	 * is read or refused in one line.
	 */
	@Test
	void pydicomsTestFilesAreReadAsPydicomReadsThemOrRefusedInOneLine() throws IOException {
		final List<String[]> files = ReferenceFiles.table(dir.resolve("pydicom-files.tsv"));
		assertTrue(files.size() > 50, "pydicom's test files: " + files.size());
		int compared = 0;
		for (final String[] row : files) {
			final Path file = Paths.get(row[0]);
			final String name = file.getFileName().toString();
			if (row.length == 1 || name.startsWith("liver_") || name.equals("MR_truncated.dcm")) {
				final String message = refusal(file);
				// the liver files keep 3 per-frame functional groups for 1 frame; MR_truncated lacks 62 bytes of pixels
				if (name.startsWith("liver_")) assertTrue(message != null && message.contains("3 items for 1 frame"), name +
					": " + message);
				if (name.equals("MR_truncated.dcm")) assertTrue(message != null && message.contains("truncated"), message);
				continue;
			}
			final Statistics s = new StatisticsCalculator().compute(ImageFiles.open(file));
			assertEquals(Long.parseLong(row[1]), s.count(), name);
			assertEquals(Double.parseDouble(row[2]), s.mean(), 1e-12 * Math.abs(Double.parseDouble(row[2])), name);
			assertEquals(Double.parseDouble(row[3]), s.median(), 0, name);
			assertEquals(Double.parseDouble(row[4]), s.minimum(), 0, name);
			assertEquals(Double.parseDouble(row[5]), s.maximum(), 0, name);
			compared++;
		}
		assertTrue(compared >= 12, "compared with pydicom: " + compared);
	}

	/**
	 * @return null when the file is read and measured; else its refusal, asserted to be one line
	 *         that names the file, without Java's words
	 */
	private static String refusal(final Path path) {
		try {
			new StatisticsCalculator().compute(ImageFiles.read(path, OpenOptions.NONE).image());
			return null;
		}
		catch (final IOException | UncheckedIOException e) {
			final Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
			assertTrue(cause instanceof ImageFileException, path + ": " + e);
			final String message = cause.getMessage();
			assertTrue(message.startsWith(path.toString()), message);
			RefusalMessagesTest.assertUserWords(path, message);
			return message;
		}
	}

	/**
	 * The files of {@code write_dicom.py} the fuzz tests mutate: multi-frame (Enhanced CT and MR,
	 * RT Dose, SEG), RLE, JPEG, deflated, unusual headers, and a file without image.
	 */
	static final String[] MUTATED = { "enhanced-ct.dcm", "enhanced-mr.dcm", "enhanced-ct-rle.dcm",
		"enhanced-ct-jpeg.dcm", "enhanced-ct-fragments.dcm", "rtdose.dcm", "seg.dcm", "sr.dcm", "ct-deflated-dcmtk/IM0",
		"unusual/IM0", "unusual/IM2", "acr-nema/IM0", "mr-rle-gdcm/IM0", "seg-labels.dcm" };

	@Test
	void mutatedDicomFilesAreMeasuredOrRefusedInOneLine() {
		final Random random = new Random(20261206);
		final long end = System.nanoTime() + 5_000_000_000L;
		final int[] outcome = new int[2];
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int c = 0; c < 2000 && System.nanoTime() < end; c++) {
				final byte[] mutated = FileFuzzTest.mutate(Files.readAllBytes(dir.resolve(MUTATED[random.nextInt(
					MUTATED.length)])), random);
				final Path file = dir.resolve("fuzz-" + c + ".dcm");
				Files.write(file, mutated);
				outcome[FileFuzzTest.measureOrRefuse(file) == null ? 1 : 0]++;
				Files.delete(file);
			}
		});
		assertTrue(outcome[0] > 100 && outcome[1] > 100, "measured " + outcome[0] + ", refused " + outcome[1]);
	}

	@Test
	void aFileThatHoldsNoImageIsLeftOutOfAFolderWithAWarning() throws IOException {
		final List<String> warnings = new ArrayList<>();
		final Statistics withReport = new StatisticsCalculator().compute(ImageFiles.read(dir.resolve("ct-with-report"),
			OpenOptions.NONE.warnings(warnings::add)).image());
		assertEquals(new StatisticsCalculator().compute(ImageFiles.open(dir.resolve("ct"))).describe(), withReport
			.describe());
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).startsWith(dir.resolve("ct-with-report").resolve("SR0001") +
			": holds no image: SOP class 1.2.840.10008.5.1.4.1.1.88.33 (Comprehensive SR)"), warnings.get(0));
	}

	@Test
	void aFolderOfFilesWithoutPreambleIsADicomSeries() throws IOException {
		final Path acr = dir.resolve("acr-nema");
		assertTrue(ImageFiles.read(acr, OpenOptions.NONE).format() instanceof DicomSeries);
		assertEquals(Arrays.asList(DicomImage.read(acr.resolve("IM0")).series), DicomSeries.seriesUids(acr));
	}
}
