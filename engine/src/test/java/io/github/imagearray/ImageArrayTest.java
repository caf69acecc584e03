package io.github.imagearray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.imagearray.stats.Statistics;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArrayTest {

	@TempDir
	Path dir;

	private static ImageArray<FloatType> volume() {
		final float[] v = new float[4 * 3 * 2];
		for (int i = 0; i < v.length; i++)
			v[i] = (i * 7) % 5 + i / 10f;
		return new ImageArray<>(ArrayImgs.floats(v, 4, 3, 2));
	}

	@Test
	void statisticsAreUnsetUntilCalculated() {
		final ImageArray<FloatType> a = volume();
		assertFalse(a.hasStatistics());
		final List<Runnable> getters = Arrays.asList(a::getMean, a::getMedian, a::getVariance,
			a::getStandardDeviation, a::getSkewness, a::getKurtosis, a::getHistogram, a::getMinimum, a::getMaximum,
			a::getStatistics);
		for (final Runnable getter : getters)
			assertEquals("Not set. Run calculateStatistics() first.", assertThrows(IllegalStateException.class,
				getter::run).getMessage());
		final Statistics s = a.calculateStatistics();
		assertTrue(a.hasStatistics());
		assertEquals(s.mean(), a.getMean(), 0);
		assertEquals(s.median(), a.getMedian(), 0);
		assertEquals(s.standardDeviation(), a.getStandardDeviation(), 0);
		assertEquals(0, a.getMinimum(), 0);
	}

	@Test
	void isAnImageThatDelegatesEverything() {
		final ImageArray<FloatType> a = volume();
		assertEquals(3, a.numDimensions());
		assertEquals(24, a.size());
		assertEquals(3, a.max(0));
		assertEquals(a.image().getAt(1, 2, 1).get(), a.getAt(1, 2, 1).get(), 0);
		assertEquals(a.image().getAt(3, 0, 1).get(), Views.hyperSlice(a, 2, 1).getAt(3, 0).get(), 0);
		float sum = 0;
		for (final FloatType t : a)
			sum += t.get();
		assertEquals(a.calculateStatistics().mean() * 24, sum, 1e-4);
	}

	@Test
	void describeWritesVIQAsCsvAndReturnsTheStatistics() throws IOException {
		final ImageArray<FloatType> a = volume();
		final Map<String, Double> map = a.describe(dir, "stats");
		assertTrue(a.hasStatistics());
		assertEquals(Arrays.asList(Statistics.DESCRIBE_KEYS), new ArrayList<>(map.keySet()));
		final List<String> lines = Files.readAllLines(dir.resolve("stats.csv"), StandardCharsets.UTF_8);
		assertEquals(2, lines.size());
		assertEquals("mean,median,variance,standarddev,skewness,kurtosis,minimum,maximum", lines.get(0));
		final double[] written = Arrays.stream(lines.get(1).split(",")).mapToDouble(Double::parseDouble).toArray();
		assertArrayEquals(map.values().stream().mapToDouble(Double::doubleValue).toArray(), written, 0);
		assertEquals(a.getSkewness(), written[4], 0);
	}

	@Test
	void csvExtensionIsAppendedOnlyWhenMissing() throws IOException {
		final ImageArray<FloatType> a = volume();
		a.describe(dir, "one.csv");
		a.describe(dir, "two.CSV");
		a.describe(dir, "three.txt");
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(Arrays.asList("one.csv", "three.txt.csv", "two.CSV"), files.map(p -> p.getFileName()
				.toString()).sorted().collect(Collectors.toList()));
		}
	}

	@Test
	void csvUsesDotsWhateverTheLocale() throws IOException {
		final Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.GERMANY);
			volume().describe(dir, "de");
		}
		finally {
			Locale.setDefault(before);
		}
		final String row = Files.readAllLines(dir.resolve("de.csv")).get(1);
		assertEquals(8, row.split(",").length);
		assertTrue(row.contains("."));
	}

	@Test
	void withoutDirectoryOrFileNameItWarnsAndWritesNothing() throws IOException {
		final List<LogRecord> records = new ArrayList<>();
		final Handler handler = new Handler() {

			@Override
			public void publish(final LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {}

			@Override
			public void close() {}
		};
		final Logger log = Logger.getLogger(ImageArray.class.getName());
		log.addHandler(handler);
		try {
			final ImageArray<FloatType> a = volume();
			assertEquals(8, a.describe(null, "x").size());
			assertEquals(8, a.describe(dir, null).size());
		}
		finally {
			log.removeHandler(handler);
		}
		assertEquals(2, records.size());
		assertTrue(records.get(0).getMessage().contains("No directory or file name"));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void missingOrUnusableDirectoryIsOneClearError() throws IOException {
		final ImageArray<FloatType> a = volume();
		final Path missing = dir.resolve("no such dir");
		assertEquals("Directory does not exist: " + missing, assertThrows(IOException.class, () -> a.describe(missing,
			"s")).getMessage());
		final Path file = Files.createFile(dir.resolve("plain"));
		assertEquals("Not a directory: " + file, assertThrows(IOException.class, () -> a.describe(file, "s"))
			.getMessage());
		assertThrows(IllegalArgumentException.class, () -> a.describe(dir, "sub/s"));
	}

	@Test
	void existingCsvIsReplacedWholeAndNoTemporaryFileRemains() throws IOException {
		Files.write(dir.resolve("s.csv"), "old content that is longer than the new one ...................\n"
			.getBytes(StandardCharsets.UTF_8));
		volume().describe(dir, "s");
		assertEquals(StatisticsCsv.HEADER, Files.readAllLines(dir.resolve("s.csv")).get(0));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count());
		}
	}

	@Test
	void theImageIsNeverChanged() throws IOException {
		final ImageArray<FloatType> a = volume();
		final float[] pixels = ((ArrayImg<FloatType, FloatArray>) a.image()).update(null).getCurrentStorageArray();
		final float[] before = pixels.clone();
		a.calculateStatistics();
		a.describe(dir, "s");
		assertArrayEquals(before, pixels, 0);
	}

	@Test
	void nonFiniteValuesAreWrittenAsPythonDoes() {
		assertEquals("nan", StatisticsCsv.format(Double.NaN));
		assertEquals("inf", StatisticsCsv.format(Double.POSITIVE_INFINITY));
		assertEquals("-inf", StatisticsCsv.format(Double.NEGATIVE_INFINITY));
		assertEquals("0.1", StatisticsCsv.format(0.1));
	}

}
