package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.stats.SliceStatistics;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats large volumes come in, written by other software ({@code reference/write_volumes.py}:
 * folders of slices by tifffile and Pillow, HDF5 by h5py, Zarr, OME-Zarr and N5 by zarr-python, DICOM
 * series by pydicom),
 * measured as numpy measures their voxels; the broken ones refused in one line naming the file (or
 * the chunk).
 */
class VolumeFormatsTest {

	@TempDir
	static Path dir;
	private static List<String[]> expected;

	@BeforeAll
	static void writeVolumes() throws Exception {
		expected = ReferenceFiles.write("write_volumes.py", dir, "volumes.tsv");
	}

	private static String pattern(final String column) {
		return column.equals("-") ? null : column;
	}

	@Test
	void everyVolumeMeasuresAsNumpyMeasuresIt() throws IOException {
		assertTrue(expected.size() >= 6, "volumes: " + expected.size());
		for (final String[] row : expected) {
			final Statistics s = new StatisticsCalculator().compute(ImageFiles.read(dir.resolve(row[0]), OpenOptions.NONE
				.pattern(pattern(row[1]))).image());
			final String what = row[0] + ": ";
			assertEquals(Long.parseLong(row[2]), s.count(), what + "count");
			assertEquals(Double.parseDouble(row[3]), s.mean(), 1e-12 * Math.abs(Double.parseDouble(row[3])), what +
				"mean");
			assertEquals(Double.parseDouble(row[4]), s.median(), 0, what + "median");
			assertEquals(Double.parseDouble(row[5]), s.variance(), 1e-11 * Double.parseDouble(row[5]), what +
				"variance");
			assertEquals(Double.parseDouble(row[7]), s.minimum(), 0, what + "minimum");
			assertEquals(Double.parseDouble(row[8]), s.maximum(), 0, what + "maximum");
		}
	}

	@Test
	void voxelSizesFromOmeZarrScalesAndHdf5ElementSizes() throws IOException {
		final double[] xyz = { 0.25, 0.5, 2.0 };
		Assertions.assertArrayEquals(xyz, ImageFiles.read(dir.resolve("zarr/image.ome.zarr"), OpenOptions.NONE).voxelSize(),
			0);
		Assertions.assertArrayEquals(xyz, ImageFiles.read(dir.resolve("one.h5"), OpenOptions.NONE).voxelSize(), 0);
	}

	@Test
	void aDicomSeriesIsChosenByItsUidAndSizedByItsPositions() throws IOException {
		final String uid = new String(Files.readAllBytes(dir.resolve("dicom-mixed-uid.txt")),
			StandardCharsets.US_ASCII).trim();
		final Statistics chosen = new StatisticsCalculator().compute(ImageFiles.read(dir.resolve("dicom-mixed"),
			OpenOptions.NONE.series(uid)).image());
		final Statistics same = new StatisticsCalculator().compute(ImageFiles.open(dir.resolve("dicom-mr")));
		assertEquals(same.describe(), chosen.describe());
		// Pixel Spacing is rows \ columns: y 0.75, x 0.5; the slices lie 1.25 apart
		Assertions.assertArrayEquals(new double[] { 0.5, 0.75, 1.25 }, ImageFiles.read(dir.resolve(
			"dicom-ct"), OpenOptions.NONE).voxelSize(), 1e-12);
		final ImageFileException e = assertThrows(ImageFileException.class, () -> ImageFiles.read(dir.resolve(
			"dicom-mixed"), OpenOptions.NONE.series("1.2.3")));
		assertTrue(e.getMessage().contains("no file of series 1.2.3") && e.getMessage().contains(uid), e.getMessage());
	}

	@Test
	void slicesAreInTheNaturalOrderOfTheirNames() throws IOException {
		// slice k + 1 holds k in its first voxel and only larger values elsewhere
		for (final String folder : new String[] { "tiff-uint16", "png16" }) {
			final List<Double> minima = new ArrayList<>();
			SliceStatistics.compute(ImageFiles.open(dir.resolve(folder)), null, 2, new StatisticsCalculator(), (z,
				s) -> minima.add(s.minimum()));
			assertEquals(Arrays.asList(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0), minima, folder);
		}
		final List<String> names = Arrays.asList("slice10.tif", "Slice3.tif", "slice1.tif", "slice002a.tif",
			"slice02.tif", "slice9b.tif", "a.tif", "slice9a.tif");
		names.sort(SliceFolder::natural);
		assertEquals(Arrays.asList("a.tif", "slice1.tif", "slice02.tif", "slice002a.tif", "Slice3.tif", "slice9a.tif",
			"slice9b.tif", "slice10.tif"), names);
	}

	@Test
	void foldersWhoseSlicesDisagreeAreRefusedNamingTheFile() throws IOException {
		final List<String[]> refused = ReferenceFiles.table(dir.resolve("volumes-refused.tsv"));
		assertTrue(refused.size() >= 5);
		for (final String[] row : refused) {
			final Path folder = dir.resolve(row[0]);
			final Exception e = assertThrows(Exception.class, () -> new StatisticsCalculator().compute(ImageFiles.read(
				folder, OpenOptions.NONE.pattern(pattern(row[1]))).image()), folder.toString());
			final Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
			assertTrue(cause instanceof ImageFileException, folder + ": " + e);
			final String message = cause.getMessage();
			assertTrue(message.startsWith(folder.toString()) && message.contains(row[2]) && !message.contains("\n"),
				message);
		}
		final Path file = dir.resolve("tiff-uint16").resolve("slice1.tif");
		assertTrue(assertThrows(ImageFileException.class, () -> ImageFiles.read(file, OpenOptions.NONE.pattern(
			"*.tif"))).getMessage().contains(
			"selects the files of a folder"));
	}
}
