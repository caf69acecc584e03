package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.NativeType;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.Unsigned12BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedLongType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pixel type and storage, compared with the brute-force {@link ReferenceStatistics}. */
class StatisticsCalculatorTest {

	/** The pixel types with a generator of typical values, duplicates and extremes included. */
	enum Kind {
		UINT8(UnsignedByteType::new, r -> () -> r.nextInt(256)),
		INT8(ByteType::new, r -> () -> r.nextInt(256) - 128),
		UINT16(UnsignedShortType::new, r -> () -> r.nextBoolean() ? r.nextInt(4096) : r.nextInt(65536)),
		INT16(ShortType::new, r -> () -> r.nextInt(65536) - 32768),
		UINT32(UnsignedIntType::new, r -> () -> r.nextBoolean() ? r.nextInt(1000) : (r.nextInt() & 0xffffffffL)),
		INT32(IntType::new, r -> () -> r.nextBoolean() ? r.nextInt(1000) - 500 : r.nextInt()),
		UINT64(UnsignedLongType::new, r -> () -> r.nextBoolean() ? r.nextInt(100) : ArrayDouble.unsigned(r
			.nextLong())),
		INT64(LongType::new, r -> () -> r.nextBoolean() ? r.nextInt(100) - 50 : r.nextLong()),
		FLOAT32(FloatType::new, r -> () -> r.nextInt(4) == 0 ? r.nextInt(50) : (float) (r.nextGaussian() * 1e3 +
			200)),
		FLOAT64(DoubleType::new, r -> () -> r.nextInt(4) == 0 ? r.nextInt(50) : r.nextGaussian() * 1e-3 + 7),
		UINT12(Unsigned12BitType::new, r -> () -> r.nextInt(4096));

		final Supplier<? extends RealType<?>> type;
		final Function<Random, DoubleSupplier> values;

		Kind(final Supplier<? extends RealType<?>> type, final Function<Random, DoubleSupplier> values) {
			this.type = type;
			this.values = values;
		}
	}

	/** Helpers for values that only a long can hold. */
	static final class ArrayDouble {

		static double unsigned(final long v) {
			return ArraySpanReader.unsignedToDouble(v);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static <T extends NativeType<T> & RealType<T>> Img<T> image(final Kind kind, final boolean planar,
		final long seed, final long... dims)
	{
		final T type = (T) kind.type.get();
		final Img<T> img = planar ? new PlanarImgFactory<>(type).create(dims) : new ArrayImgFactory<>(type).create(
			dims);
		final DoubleSupplier values = kind.values.apply(new Random(seed));
		final Random raw = new Random(seed + 1);
		for (final T t : img) {
			if (t instanceof UnsignedLongType && raw.nextBoolean()) ((UnsignedLongType) t).set(raw.nextLong());
			else if (t instanceof LongType && raw.nextBoolean()) ((LongType) t).set(raw.nextLong());
			else t.setReal(values.getAsDouble());
		}
		return img;
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void arrayImagesAgreeWithReference(final Kind kind) {
		final Img<?> img = image(kind, false, 42, 37, 23, 11);
		check((RandomAccessibleInterval) img);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void planarImagesAgreeWithReference(final Kind kind) {
		check((RandomAccessibleInterval) image(kind, true, 43, 19, 17, 5));
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void viewsWithOffsetsSubintervalsAndPermutedAxesAgreeWithReference(final Kind kind) {
		final Img img = image(kind, false, 44, 21, 13, 9);
		check(Views.translate(img, -100, 7, 1 << 20));
		check(Views.interval(img, new long[] { 3, 2, 1 }, new long[] { 17, 10, 7 }));
		check(Views.permute(Views.translate(img, 5, -5, 0), 0, 2));
		check(Views.hyperSlice(img, 2, 4));
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void explicitBinsAgreeWithReference(final Kind kind) {
		final Img img = image(kind, false, 45, 30, 30);
		for (final int bins : new int[] { 1, 2, 7, 256, 1000 }) {
			final Statistics s = new StatisticsCalculator().bins(bins).compute(img);
			ReferenceStatistics.of(ReferenceStatistics.values(img), bins).assertAgrees(s);
		}
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void sameResultWithOneOrManyThreadsAndStoragesAcrossSpans(final Kind kind) {
		// more voxels than one span, so that several spans are merged
		final Img array = image(kind, false, 46, 64, 64, 300);
		final Img planar = image(kind, true, 46, 64, 64, 300);
		final Statistics one = new StatisticsCalculator().threads(1).compute(array);
		final Statistics three = new StatisticsCalculator().threads(3).compute(array);
		final Statistics fromPlanes = new StatisticsCalculator().threads(2).compute(planar);
		final Statistics fromCursor = new StatisticsCalculator().threads(2).compute(Views.translate(array, 1, 2, 3));
		for (final Statistics other : new Statistics[] { three, fromPlanes, fromCursor }) {
			assertEquals(one.describe(), other.describe());
			assertEquals(one.histogram(), other.histogram());
			for (final double p : Statistics.PERCENTILES)
				assertEquals(one.percentile(p), other.percentile(p), 0);
		}
		ReferenceStatistics.of(ReferenceStatistics.values(array), defaultBins(kind, array)).assertAgrees(one);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void masksLeaveOutTheVoxelsWhereTheyAreFalse(final Kind kind) {
		final Img img = image(kind, false, 47, 20, 15, 4);
		final Img<BitType> mask = ArrayImgs.bits(20, 15,
			4);
		final Random r = new Random(3);
		final List<Double> inside = new ArrayList<>();
		final Cursor<RealType<?>> c = Views.flatIterable((RandomAccessibleInterval<RealType<?>>) img).cursor();
		final Cursor<BitType> m = Views.flatIterable(mask).cursor();
		final double[] all = ReferenceStatistics.values(img);
		int i = 0;
		while (m.hasNext()) {
			final boolean in = r.nextInt(3) == 0;
			m.next().set(in);
			if (in) inside.add(all[i]);
			i++;
		}
		final double[] values = inside.stream().mapToDouble(Double::doubleValue).toArray();
		final Statistics s = new StatisticsCalculator().bins(100).compute(img, mask);
		ReferenceStatistics.of(values, 100).assertAgrees(s);
		// the mask's position in space does not matter, only its size
		assertEquals(s.describe(), new StatisticsCalculator().bins(100).compute(Views.translate(img, 4, 4, 4), mask)
			.describe());
		final IllegalArgumentException e = Assertions.assertThrows(
			IllegalArgumentException.class, () -> new StatisticsCalculator().compute(img, ArrayImgs
				.bits(20, 15, 3)));
		assertEquals("The mask is 20 x 15 x 3 but the image is 20 x 15 x 4.", e.getMessage());
	}

	/**
	 * Large float images take the fast path block by block: blocks with NaN or infinities fall
	 * back, values on and beside the bin edges are binned as numpy does, with any storage and
	 * number of threads.
	 */
	@Test
	void floatBlocksWithAndWithoutNonFiniteValuesAndValuesOnEdges() {
		final Img<FloatType> array = new ArrayImgFactory<>(new FloatType()).create(64, 64, 70);
		final Random r = new Random(48);
		final float[] edgeNeighbours = new float[21 * 7];
		for (int e = 0, k = 0; e <= 20; e++) {
			final float edge = (float) (e / 20.0 * 2 - 1);
			float f = Math.nextDown(Math.nextDown(Math.nextDown(edge)));
			for (int j = 0; j < 7; j++, f = Math.nextUp(f))
				edgeNeighbours[k++] = f;
		}
		long i = 0;
		for (final FloatType t : array) {
			final long block = i / BlockAccumulator.BLOCK;
			if (block % 17 == 3 && r.nextInt(500) == 0) t.set(Float.NaN);
			else if (block == 40 && r.nextInt(300) == 0) t.set(Float.POSITIVE_INFINITY);
			else if (block == 41 && r.nextInt(300) == 0) t.set(Float.NEGATIVE_INFINITY);
			else if (r.nextInt(4) == 0) t.set(edgeNeighbours[r.nextInt(edgeNeighbours.length)]);
			else t.set((float) Math.max(-1, Math.min(1, r.nextGaussian() * 0.3)));
			i++;
		}
		array.firstElement().set(-1);
		final double[] values = ReferenceStatistics.values(array);
		final Img<FloatType> planar = new PlanarImgFactory<>(new FloatType()).create(64, 64, 70);
		LoopBuilder.setImages(array, planar).forEachPixel((a, b) -> b.set(a));
		for (final int bins : new int[] { 20, 255, 7, 5000, 100_000 }) {
			final StatisticsCalculator calculator = new StatisticsCalculator().bins(bins);
			final Statistics one = calculator.threads(1).compute(array);
			ReferenceStatistics.of(values, bins).assertAgrees(one);
			for (final Statistics other : new Statistics[] { calculator.threads(3).compute(array), calculator.threads(2)
				.compute(planar), calculator.threads(2).compute(Views.translate(array, 1, 2, 3)) })
			{
				assertEquals(one.describe(), other.describe());
				assertEquals(one.histogram(), other.histogram());
			}
		}
	}

	/** Large float images without a fast path: constant, and NaN in every block. */
	@Test
	void largeConstantAndNanRiddledFloatImages() {
		final Img<FloatType> constant = new ArrayImgFactory<>(new FloatType()).create(300, 300);
		constant.forEach(t -> t.set(2.5f));
		final Img<FloatType> riddled = new ArrayImgFactory<>(new FloatType()).create(300, 300);
		final Random r = new Random(49);
		long i = 0;
		for (final FloatType t : riddled)
			t.set(i++ % 100 == 0 ? Float.NaN : (float) r.nextGaussian());
		for (final Img<FloatType> img : Arrays.asList(constant, riddled)) {
			final Statistics s = new StatisticsCalculator().threads(2).compute(img);
			ReferenceStatistics.of(ReferenceStatistics.values(img), 255).assertAgrees(s);
		}
	}

	private static void check(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final Statistics s = new StatisticsCalculator().compute(image);
		ReferenceStatistics.of(ReferenceStatistics.values(image), defaultBins(null, image)).assertAgrees(s);
		assertTrue(s.count() > 0);
	}

	/** The documented default: 255 bins for floating types, one per integer value up to 65,536. */
	private static int defaultBins(final Kind unused, final RandomAccessibleInterval<? extends RealType<?>> image) {
		final RealType<?> type = Views.flatIterable(image).firstElement();
		if (!(type instanceof IntegerType)) return 255;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		final Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
		while (c.hasNext()) {
			final double v = c.next().getRealDouble();
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		return (int) Math.min(65536, max - min + 1);
	}

	@Test
	void sixteenBitImagesSortedOrCountedAgreeWithTheReference() {
		// up to 4,096 voxels the keys are sorted, above the values counted
		for (final int n : new int[] { 1, 2, 4095, 4096, 4097, 9000 }) {
			final Random r = new Random(n);
			final short[] v = new short[n];
			final double[] values = new double[n];
			for (int i = 0; i < n; i++) {
				v[i] = (short) (r.nextInt(3) == 0 ? r.nextInt(65536) : 30000 + r.nextInt(50));
				values[i] = v[i] & 0xffff;
			}
			ReferenceStatistics.of(values, 100).assertAgrees(new StatisticsCalculator().bins(100).compute(
				ArrayImgs.unsignedShorts(v, n)));
			final double[] signed = new double[n];
			for (int i = 0; i < n; i++)
				signed[i] = v[i];
			ReferenceStatistics.of(signed, 100).assertAgrees(new StatisticsCalculator().bins(100).compute(
				ArrayImgs.shorts(v, n)));
		}
	}
}
