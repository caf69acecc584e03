package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Statistics of the values a {@link ValueTable} gives, against the brute-force reference over those
 * values written out voxel by voxel.
 */
class ValueTableTest {

	/** A CT in ImageJ's storage: signed values plus 32768, Hounsfield units = stored - 33792. */
	@Test
	void linearRescaleOfStoredValuesAsHounsfieldUnits() {
		final ArrayImg<UnsignedShortType, ShortArray> ct = ArrayImgs.unsignedShorts(37, 29, 11);
		final Random random = new Random(42);
		for (final UnsignedShortType t : ct)
			t.set(32768 + (random.nextInt(8) == 0 ? -1000 : random.nextInt(2000) - 200));
		final ValueTable hu = ValueTable.linear(PixelKind.UINT16, -33792, 1);
		assertTrue(hu.wholeNumbers());
		final double[] values = mapped(ct, hu);
		final Statistics s = new StatisticsCalculator().values(hu).compute(ct);
		ReferenceStatistics.of(values, (int) (max(values) - min(values) + 1)).assertAgrees(s);
		assertEquals(-2024, s.minimum());
	}

	/** A table that is not increasing, has fractions and holds NaN and both infinities. */
	@Test
	void anyFunctionWithNonFiniteValues() {
		final ArrayImg<UnsignedByteType, ByteArray> image = ArrayImgs.unsignedBytes(64, 50);
		final Random random = new Random(7);
		for (final UnsignedByteType t : image)
			t.set(random.nextInt(256));
		final double[] table = new double[256];
		for (int v = 0; v < 256; v++)
			table[v] = Math.cos(v / 9.0) * 1e3 + v / 7.0;
		table[3] = Double.NaN;
		table[200] = Double.POSITIVE_INFINITY;
		table[201] = Double.NEGATIVE_INFINITY;
		final ValueTable values = ValueTable.of(PixelKind.UINT8, table);
		final Statistics s = new StatisticsCalculator().values(values).compute(image);
		ReferenceStatistics.of(mapped(image, values), StatisticsCalculator.DEFAULT_FLOAT_BINS).assertAgrees(s);
		final ValueTable finite = ValueTable.of(PixelKind.UINT8, finiteOnly(table));
		final Statistics f = new StatisticsCalculator().bins(17).values(finite).compute(image);
		ReferenceStatistics.of(mapped(image, finite), 17).assertAgrees(f);
	}

	/** A table of signed 16-bit values: keys from -32768, a mask applied. */
	@Test
	void signedKindWithMask() {
		final ArrayImg<ShortType, ShortArray> image = ArrayImgs.shorts(40, 30);
		final Random random = new Random(3);
		for (final ShortType t : image)
			t.set((short) (random.nextInt(600) - 300));
		final ValueTable scaled = ValueTable.linear(PixelKind.INT16, 0.25, 0.5);
		assertEquals(0.25 - 0.5 * 300, scaled.value(-300));
		final Statistics s = new StatisticsCalculator().values(scaled).compute(image, Masks.nonZero(image));
		final double[] values = Arrays.stream(ReferenceStatistics.values(image)).filter(v -> v != 0).map(
			v -> 0.25 + 0.5 * v).toArray();
		ReferenceStatistics.of(values, StatisticsCalculator.DEFAULT_FLOAT_BINS).assertAgrees(s);
	}

	/**
	 * The identity table gives the stored values' statistics bit for bit where both count values;
	 * a small 16-bit image, whose stored values are sorted instead, agrees with the reference.
	 */
	@Test
	void identityEqualsStoredValues() {
		for (final long[] size : new long[][] { { 1000, 900 }, { 30, 20 } }) {
			final ArrayImg<UnsignedShortType, ShortArray> image = ArrayImgs.unsignedShorts(size);
			final Random random = new Random(size[0]);
			for (final UnsignedShortType t : image)
				t.set(random.nextInt(5000) + 100);
			final Statistics tabled = new StatisticsCalculator().values(ValueTable.linear(PixelKind.UINT16, 0, 1))
				.compute(image);
			final double[] values = ReferenceStatistics.values(image);
			ReferenceStatistics.of(values, (int) (max(values) - min(values) + 1)).assertAgrees(tabled);
			if (size[0] < 1000) continue;
			final Statistics stored = new StatisticsCalculator().compute(image);
			assertEquals(stored.describe(), tabled.describe());
			assertArrayEquals(stored.histogram().counts(), tabled.histogram().counts());
			assertArrayEquals(stored.histogram().edges(), tabled.histogram().edges());
		}
	}

	@Test
	void travelsWithThePlan() {
		final ArrayImg<UnsignedShortType, ShortArray> image = ArrayImgs.unsignedShorts(300, 200, 3);
		final Random random = new Random(11);
		for (final UnsignedShortType t : image)
			t.set(random.nextInt(65536));
		final ValueTable table = ValueTable.linear(PixelKind.UINT16, -5, 0.001);
		final StatisticsCalculator calculator = new StatisticsCalculator().values(table);
		StatisticsPlan plan = StatisticsPlan.fromBytes(calculator.plan(image).toBytes());
		final int spans = StatisticsPlan.spanCount(image);
		final PartialStatistics all = plan.accumulate(image, 0, spans / 2);
		all.merge(PartialStatistics.fromBytes(plan.accumulate(image, spans / 2, spans).toBytes()));
		plan.advance(all);
		plan = StatisticsPlan.fromBytes(plan.toBytes());
		assertEquals(calculator.compute(image).describe(), plan.statistics().describe());
	}

	@Test
	void refusesOtherKindsAndSizes() {
		assertThrows(IllegalArgumentException.class, () -> ValueTable.of(PixelKind.FLOAT32, new double[256]));
		assertThrows(IllegalArgumentException.class, () -> ValueTable.of(PixelKind.UINT16, new double[256]));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StatisticsCalculator()
			.values(ValueTable.linear(PixelKind.UINT8, 0, 1)).compute(ArrayImgs.unsignedShorts(4, 4)));
		assertEquals("The image holds UINT16 values, but the value table is for UINT8 values.", e.getMessage());
	}

	private static double[] mapped(final ArrayImg<? extends RealType<?>, ?> image,
		final ValueTable table)
	{
		return Arrays.stream(ReferenceStatistics.values(image)).map(v -> table.value((long) v)).toArray();
	}

	private static double[] finiteOnly(final double[] table) {
		return Arrays.stream(table).map(v -> Double.isFinite(v) ? v : 0).toArray();
	}

	private static double min(final double[] values) {
		return Arrays.stream(values).min().getAsDouble();
	}

	private static double max(final double[] values) {
		return Arrays.stream(values).max().getAsDouble();
	}
}
