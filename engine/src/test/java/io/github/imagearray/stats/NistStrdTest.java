package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.imglib2.img.array.ArrayImgs;

/**
 * The NIST StRD univariate datasets (public domain; test resources {@code nist-strd/}, whose README names
 * their source) against their certified mean and
 * standard deviation. NIST certifies the sample standard deviation (n - 1); ours is the population
 * one, s * sqrt((n - 1) / n).
 */
class NistStrdTest {

	static final Path DATA = resourceDirectory("/nist-strd/");

	private static Path resourceDirectory(final String name) {
		try {
			return Paths.get(NistStrdTest.class.getResource(name).toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** One dataset: its values and certified values. */
	static final class Dataset {

		final double[] values;
		final double mean;
		final double sampleSd;

		Dataset(final double[] values, final double mean, final double sampleSd) {
			this.values = values;
			this.mean = mean;
			this.sampleSd = sampleSd;
		}

		double populationSd() {
			final int n = values.length;
			return sampleSd * Math.sqrt((n - 1.0) / n);
		}
	}

	/** Reads both layouts: NIST's .dat and Commons Math's re-formatted one. */
	static Dataset read(final String name) throws IOException {
		final List<String> lines = Files.readAllLines(DATA.resolve(name + ".txt"), StandardCharsets.US_ASCII);
		final double mean = certified(lines, "(?:Sample Mean\\s+ybar:|^mean\\s*=)\\s*(\\S+)");
		final double sd = certified(lines, "(?:\\(denom. = n-1\\)\\s+s:|^standardDeviation\\s*=)\\s*(\\S+)");
		int start = 0;
		for (int i = 0; i < lines.size(); i++) {
			final String line = lines.get(i).trim();
			if (line.startsWith("Data: Y")) start = i + 2;
			else if (line.equals("# Data")) start = i + 2;
		}
		final List<Double> values = new ArrayList<>();
		for (final String line : lines.subList(start, lines.size()))
			if (!line.trim().isEmpty() && !line.startsWith("#")) values.add(Double.parseDouble(line.trim()));
		return new Dataset(values.stream().mapToDouble(Double::doubleValue).toArray(), mean, sd);
	}

	private static double certified(final List<String> lines, final String regex) {
		final Pattern p = Pattern.compile(regex);
		for (final String line : lines) {
			final Matcher m = p.matcher(line.trim());
			if (m.find()) return Double.parseDouble(m.group(1));
		}
		throw new AssertionError("No certified value " + regex);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3",
		"NumAcc4" })
	void meanToThirteenDigitsAndStandardDeviationAsExactReference(final String name) throws IOException {
		final Dataset d = read(name);
		final Statistics s = new StatisticsCalculator().compute(ArrayImgs.doubles(d.values, d.values.length));
		assertEquals(d.mean, s.mean(), 1e-13 * Math.abs(d.mean), "mean");
		// the decimal data are not all binary fractions: compare with the exact statistics of the stored doubles
		final ReferenceStatistics exact = ReferenceStatistics.of(d.values, 255);
		assertEquals(exact.mean, s.mean(), 1e-15 * Math.abs(exact.mean), "mean of the stored doubles");
		assertEquals(Math.sqrt(exact.variance), s.standardDeviation(), 1e-13 * Math.sqrt(exact.variance), "sd");
		assertEquals(d.populationSd(), s.standardDeviation(), 1e-8 * d.populationSd(), "certified sd");
		exact.assertAgrees(s);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PiDigits", "Lottery", "Lew", "NumAcc1" })
	void exactlyRepresentableDatasetsMatchCertifiedValuesInEveryFittingPixelType(final String name)
		throws IOException
	{
		final Dataset d = read(name);
		final int n = d.values.length;
		final List<Statistics> results = new ArrayList<>();
		results.add(new StatisticsCalculator().compute(ArrayImgs.doubles(d.values, n)));
		final float[] floats = new float[n];
		for (int i = 0; i < n; i++)
			floats[i] = (float) d.values[i];
		results.add(new StatisticsCalculator().compute(ArrayImgs.floats(floats, n)));
		if (name.equals("PiDigits")) {
			final byte[] bytes = new byte[n];
			for (int i = 0; i < n; i++)
				bytes[i] = (byte) d.values[i];
			results.add(new StatisticsCalculator().compute(ArrayImgs.unsignedBytes(bytes, n)));
		}
		if (name.equals("Lottery")) {
			final short[] shorts = new short[n];
			for (int i = 0; i < n; i++)
				shorts[i] = (short) d.values[i];
			results.add(new StatisticsCalculator().compute(ArrayImgs.unsignedShorts(shorts, n)));
		}
		for (final Statistics s : results) {
			assertEquals(d.mean, s.mean(), 1e-13 * Math.abs(d.mean), "mean");
			assertEquals(d.populationSd(), s.standardDeviation(), 1e-13 * d.populationSd(), "sd");
		}
		assertTrue(results.size() >= 2);
	}
}
