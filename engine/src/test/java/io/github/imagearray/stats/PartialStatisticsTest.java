package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.imagearray.stats.StatisticsCalculatorTest.Kind;

/**
 * Statistics driven pass by pass over parts of an image, with every plan and every partial result
 * written to bytes and read back and the parts merged out of order, are those of
 * {@link StatisticsCalculator#compute}, bit for bit, on every pixel type; parts that are
 * sub-intervals give the same exact statistics. Bytes that are not such a form are refused.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
class PartialStatisticsTest {

	@ParameterizedTest
	@EnumSource(Kind.class)
	void spanRangesReadBackAndMergedOutOfOrderGiveTheStatisticsBitForBit(final Kind kind) {
		// read through a cursor: spans of 65,536 voxels, 19 of them; and an image of one span, ranked by sorting
		final RandomAccessibleInterval<? extends RealType<?>> large = Views.translate((Img) StatisticsCalculatorTest
			.image(kind, false, 61, 64, 64, 300), 0, 0, 1);
		final RandomAccessibleInterval<? extends RealType<?>> small = (Img) StatisticsCalculatorTest.image(kind, false, 62,
			30, 20, 9);
		for (final RandomAccessibleInterval<? extends RealType<?>> image : Arrays.asList(large, small)) {
			final StatisticsCalculator calculator = new StatisticsCalculator().threads(2).bins(100);
			final int passes = assertSameBits(calculator.compute(image), inParts(calculator.plan(image), image));
			assertTrue(passes >= (kind.ordinal() < Kind.UINT32.ordinal() ? 1 : 2), passes + " passes");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Kind.class, names = { "UINT16", "INT16" })
	void sixteenBitImagesSmallEnoughToSortTravelAsBytes(final Kind kind) {
		// up to 4,096 voxels, 16-bit voxels are ranked by sorting their keys, not counted by value
		final RandomAccessibleInterval<? extends RealType<?>> image = (Img) StatisticsCalculatorTest.image(kind, false,
			66, 16, 16, 16);
		final StatisticsCalculator calculator = new StatisticsCalculator();
		assertEquals(2, assertSameBits(calculator.compute(image), inParts(calculator.plan(image), image)));
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void maskedSpanRangesGiveTheStatisticsInsideTheMaskBitForBit(final Kind kind) {
		final RandomAccessibleInterval<? extends RealType<?>> image = (Img) StatisticsCalculatorTest.image(kind, false,
			64, 64, 64, 40);
		final Img<UnsignedByteType> labels = ArrayImgs.unsignedBytes(64, 64, 40);
		final Random random = new Random(65);
		for (final UnsignedByteType t : labels)
			t.set(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(5));
		final RandomAccessibleInterval<BitType> mask = Masks.nonZero(labels);
		final StatisticsCalculator calculator = new StatisticsCalculator().threads(2);
		final StatisticsPlan plan = calculator.plan(image);
		final int spans = StatisticsPlan.spanCount(image);
		int passes = 0;
		while (!plan.isDone()) {
			final StatisticsPlan sent = StatisticsPlan.fromBytes(plan.toBytes());
			final PartialStatistics all = sent.accumulate(image, mask, spans / 2, spans);
			plan.advance(all.merge(PartialStatistics.fromBytes(sent.accumulate(image, mask, 0, spans / 2).toBytes())));
			passes++;
		}
		assertSameBits(calculator.compute(image, mask), new Object[] { plan.statistics(), passes });
		assertThrows(IllegalArgumentException.class, () -> calculator.plan(image).accumulate(image, Masks.nonZero(
			ArrayImgs.unsignedBytes(64, 64, 39)), 0, 1));
	}

	@Test
	void floatsWithAnAtomNanAndInfinitiesInSomeSpans() {
		// CT air (an atom that holds the median: its low bits counted in line), NaN and infinities in
		// two spans only
		final Img<FloatType> image = ArrayImgs.floats(1024, 1024, 3);
		final Random random = new Random(63);
		long i = 0;
		for (final FloatType t : image) {
			final long span = i++ / VoxelSource.SPAN;
			if (span == 1 && random.nextInt(1000) == 0) t.set(Float.NaN);
			else if (span == 2 && random.nextInt(5000) == 0) t.set(random.nextBoolean() ? Float.POSITIVE_INFINITY
				: Float.NEGATIVE_INFINITY);
			else t.set(random.nextInt(10) < 7 ? -1000f : (float) (random.nextGaussian() * 300 + 40));
		}
		final StatisticsCalculator calculator = new StatisticsCalculator();
		final Statistics s = calculator.compute(image);
		assertSameBits(s, inParts(calculator.plan(image), image));
		assertEquals(-1000, s.median(), 0);
		assertTrue(s.nanCount() > 0 && s.posInfCount() + s.negInfCount() > 0);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void slabsReadOnTheirOwnGiveTheSameExactStatistics(final Kind kind) {
		final Img<?> image = StatisticsCalculatorTest.image(kind, false, 64, 40, 30, 100);
		final StatisticsCalculator calculator = new StatisticsCalculator();
		final StatisticsPlan plan = calculator.plan((RandomAccessibleInterval) image);
		while (!plan.isDone()) {
			PartialStatistics all = null;
			for (int z = 0; z < 100; z += 30) {
				final PartialStatistics slab = plan.accumulate((RandomAccessibleInterval) Views.interval(image, new long[] {
					0, 0, z }, new long[] { 39, 29, Math.min(99, z + 29) }));
				all = all == null ? slab : all.merge(slab);
			}
			plan.advance(all);
		}
		final Statistics whole = calculator.compute((RandomAccessibleInterval) image), slabs = plan.statistics();
		// the slabs' blocks are not the whole image's, so the sums of each block may round differently:
		// in the last bits of the moments, and of skewness and kurtosis, shape measures near 0 here
		for (final String key : Statistics.DESCRIBE_KEYS) {
			final boolean shape = key.equals("skewness") || key.equals("kurtosis");
			assertEquals(whole.describe().get(key), slabs.describe().get(key), shape ? 1e-12 : Math.abs(whole.describe()
				.get(key)) * 1e-13, key);
		}
		assertEquals(whole.median(), slabs.median(), 0);
		for (final double p : Statistics.PERCENTILES)
			assertEquals(whole.percentile(p), slabs.percentile(p), 0);
		assertEquals(whole.histogram(), slabs.histogram());
		assertEquals(whole.count(), slabs.count());
	}

	@Test
	void bytesThatAreNotPartialStatisticsAreRefusedWithWhatIsWrong() {
		final Img<FloatType> image = ArrayImgs.floats(new float[] { 1, 2, 3, 4 }, 4);
		final StatisticsPlan plan = new StatisticsCalculator().plan(image);
		final byte[] bytes = plan.accumulate(image).toBytes();
		assertEquals("Not readable as partial statistics: the bytes end too early.", assertThrows(
			IllegalArgumentException.class, () -> PartialStatistics.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
			.getMessage());
		assertEquals("Not readable as partial statistics: These bytes are not partial statistics of ImageArray.",
			assertThrows(IllegalArgumentException.class, () -> PartialStatistics.fromBytes(new byte[] { 1, 2, 3, 4, 5 }))
				.getMessage());
		final byte[] otherVersion = bytes.clone();
		otherVersion[4] = 9;
		assertEquals("Not readable as partial statistics: partial statistics of version 9 cannot be read: only " +
			"version 2 can.", assertThrows(IllegalArgumentException.class, () -> PartialStatistics.fromBytes(
				otherVersion)).getMessage());
		final byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
		assertEquals("Not readable as partial statistics: bytes are left after its end.", assertThrows(
			IllegalArgumentException.class, () -> PartialStatistics.fromBytes(longer)).getMessage());
		assertEquals("Not readable as a statistics plan: These bytes hold partial statistics, not a statistics plan.",
			assertThrows(IllegalArgumentException.class, () -> StatisticsPlan.fromBytes(bytes)).getMessage());
		// a plan that says it is finished but carries no second pass: refused, not a NullPointerException later
		final byte[] finished = BinaryForm.bytes(1, out -> {
			out.writeByte(PixelKind.FLOAT32.ordinal());
			out.writeLong(4);
			out.writeInt(0);
			out.writeInt(StatisticsCalculator.MAX_DEFAULT_INTEGER_BINS);
			out.writeBoolean(false);
			out.writeInt(Statistics.PERCENTILES.length);
			for (final double p : Statistics.PERCENTILES)
				out.writeDouble(p);
			out.writeBoolean(false); // no value table
			out.writeByte(2);
			out.writeBoolean(true);
			for (int absent = 0; absent < 4; absent++)
				out.writeBoolean(false);
		});
		assertEquals("Not readable as a statistics plan: Pass 2 of a plan without what the first pass found.",
			assertThrows(IllegalArgumentException.class, () -> StatisticsPlan.fromBytes(finished)).getMessage());
		final PartialStatistics first = PartialStatistics.fromBytes(bytes);
		plan.advance(first);
		// the plan after its first pass, its pass and finished flag (bytes 77 and 78, after the six
		// percentiles' count and values and the flag of a value table) set as if done
		final byte[] doneTooEarly = plan.toBytes();
		doneTooEarly[25 + 4 + 8 * Statistics.PERCENTILES.length] = 2;
		doneTooEarly[26 + 4 + 8 * Statistics.PERCENTILES.length] = 1;
		assertEquals("Not readable as a statistics plan: Pass 2 of a finished plan without what the pass before it " +
			"found.", assertThrows(IllegalArgumentException.class, () -> StatisticsPlan.fromBytes(doneTooEarly))
				.getMessage());
		assertEquals("Partial statistics of pass 0 cannot be merged with those of pass 1.", assertThrows(
			IllegalArgumentException.class, () -> plan.accumulate(image).merge(first)).getMessage());
		assertEquals("Partial statistics of pass 0 cannot advance pass 1.", assertThrows(IllegalArgumentException.class,
			() -> plan.advance(first)).getMessage());
		assertEquals("The image holds UINT8 voxels, but the plan is for FLOAT32.", assertThrows(
			IllegalArgumentException.class, () -> plan.accumulate(ArrayImgs.unsignedBytes(4))).getMessage());
	}

	/**
	 * Drives a plan over three span ranges of {@code image}: the plan sent as bytes to each part
	 * as to another machine, each part's result sent back as bytes and merged last part first.
	 *
	 * @return the statistics and the number of passes
	 */
	private static Object[] inParts(final StatisticsPlan plan, final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int spans = StatisticsPlan.spanCount(image);
		final int[] ends = { 0, spans / 3, 2 * spans / 3, spans };
		int passes = 0;
		while (!plan.isDone()) {
			final byte[] sent = plan.toBytes();
			final List<byte[]> parts = new ArrayList<>();
			for (int p = 0; p < 3; p++)
				parts.add(StatisticsPlan.fromBytes(sent).accumulate(image, ends[p], ends[p + 1]).toBytes());
			final PartialStatistics all = PartialStatistics.fromBytes(parts.get(2));
			all.merge(PartialStatistics.fromBytes(parts.get(0))).merge(PartialStatistics.fromBytes(parts.get(1)));
			plan.advance(all);
			passes++;
		}
		return new Object[] { StatisticsPlan.fromBytes(plan.toBytes()).statistics(), passes };
	}

	/** @return the number of passes */
	private static int assertSameBits(final Statistics expected, final Object[] inParts) {
		final Statistics actual = (Statistics) inParts[0];
		assertEquals(expected.describe(), actual.describe());
		for (final double p : Statistics.PERCENTILES)
			assertEquals(expected.percentile(p), actual.percentile(p));
		assertArrayEquals(new long[] { expected.count(), expected.nanCount(), expected.posInfCount(), expected
			.negInfCount() }, new long[] { actual.count(), actual.nanCount(), actual.posInfCount(), actual
				.negInfCount() });
		assertEquals(expected.histogram(), actual.histogram());
		return (Integer) inParts[1];
	}
}
