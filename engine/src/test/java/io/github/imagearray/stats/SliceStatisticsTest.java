package io.github.imagearray.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Per-slice statistics against each slice measured on its own as a view of the image. */
class SliceStatisticsTest {

	private static final long[] DIMS = { 7, 5, 6 };

	private static float[] values(final int n, final long seed) {
		final Random r = new Random(seed);
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = r.nextInt(10) == 0 ? Float.NaN : (float) (r.nextGaussian() * 100);
		return v;
	}

	private static RandomAccessibleInterval<BitType> mask(final long seed) {
		final Random r = new Random(seed);
		final RandomAccessibleInterval<BitType> mask = ArrayImgs.bits(DIMS);
		for (final BitType b : Views.flatIterable(mask))
			b.set(r.nextInt(3) > 0);
		return mask;
	}

	/** The rows as the slices measured one by one through {@link Views#hyperSlice}. */
	private static List<Statistics> oneByOne(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<BitType> mask, final int axis, final StatisticsCalculator c)
	{
		final List<Statistics> rows = new ArrayList<>();
		for (long i = 0; i < image.dimension(axis); i++) {
			final RandomAccessibleInterval<? extends RealType<?>> slice = Views.hyperSlice(image, axis, image.min(axis) + i);
			rows.add(mask == null ? c.compute(slice) : c.compute(slice, Views.hyperSlice(mask, axis, mask.min(axis) + i)));
		}
		return rows;
	}

	private static void assertSame(final Statistics expected, final Statistics actual, final String what) {
		assertEquals(expected.count(), actual.count(), what);
		assertEquals(expected.nanCount(), actual.nanCount(), what);
		assertEquals(expected.mean(), actual.mean(), 1e-12 * Math.abs(expected.mean()), what);
		assertEquals(expected.variance(), actual.variance(), 1e-12 * expected.variance(), what);
		assertEquals(expected.median(), actual.median(), 0, what);
		assertEquals(expected.minimum(), actual.minimum(), 0, what);
		assertEquals(expected.maximum(), actual.maximum(), 0, what);
		for (final double p : Statistics.PERCENTILES)
			assertEquals(expected.percentile(p), actual.percentile(p), 0, what + " p" + p);
		assertArrayEquals(expected.histogram().counts(), actual.histogram().counts(), what);
	}

	@Test
	void everyAxisWithAndWithoutMaskInSlabsOfAnySize() {
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(values(7 * 5 * 6, 1), DIMS);
		// a translated view: slices are counted from 0 whatever the image's minimum
		final RandomAccessibleInterval<FloatType> image = Views.translate(img, 3, -2, 10);
		final RandomAccessibleInterval<BitType> mask = mask(2);
		final StatisticsCalculator c = new StatisticsCalculator().bins(9);
		for (int axis = 0; axis < 3; axis++)
			for (final RandomAccessibleInterval<BitType> m : new ArrayList<RandomAccessibleInterval<BitType>>() {

				{
					add(null);
					add(mask);
				}
			})
			{
				final List<Statistics> expected = oneByOne(image, m, axis, c);
				for (final long perSlab : new long[] { 1, 2, 4, 100 }) {
					final List<Statistics> rows = new ArrayList<>();
					final List<Long> indices = new ArrayList<>();
					SliceStatistics.compute(image, m, axis, c, (slice, s) -> {
						indices.add(slice);
						rows.add(s);
					}, perSlab);
					assertEquals(DIMS[axis], rows.size());
					for (int i = 0; i < rows.size(); i++) {
						assertEquals(i, (long) indices.get(i));
						assertSame(expected.get(i), rows.get(i), "axis " + axis + ", slab " + perSlab + ", slice " + i +
							(m == null ? "" : " in mask"));
					}
				}
			}
	}

	@Test
	void planesReadOnDemandAreReadOnceWhateverTheAxis() {
		final short[][] planes = new short[6][35];
		final Random r = new Random(3);
		for (final short[] p : planes)
			for (int i = 0; i < p.length; i++)
				p[i] = (short) (r.nextInt(2000) - 1000);
		final AtomicInteger loads = new AtomicInteger();
		final PlanarImg<ShortType, ShortArray> img = PlanesOnDemand.<ShortType, ShortArray> create(DIMS, z -> {
			loads.incrementAndGet();
			return new ShortArray(planes[z].clone());
		}, ShortType::new);
		final StatisticsCalculator c = new StatisticsCalculator();
		for (int axis = 0; axis < 3; axis++) {
			final List<Statistics> expected = oneByOne(img, null, axis, c);
			loads.set(0);
			final List<Statistics> rows = new ArrayList<>();
			SliceStatistics.compute(img, null, axis, c, (slice, s) -> rows.add(s));
			assertEquals(6, loads.get(), "plane reads for axis " + axis);
			for (int i = 0; i < rows.size(); i++)
				assertSame(expected.get(i), rows.get(i), "axis " + axis + ", slice " + i);
		}
	}

	@Test
	void anAxisTheImageLacksOrAMaskOfAnotherSizeIsRefused() {
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(values(35, 4), 7, 5);
		assertThrows(IllegalArgumentException.class, () -> SliceStatistics.compute(img, null, 2,
			new StatisticsCalculator(), (i, s) -> {}));
		assertThrows(IllegalArgumentException.class, () -> SliceStatistics.compute(img, ArrayImgs.bits(7, 6), 0,
			new StatisticsCalculator(), (i, s) -> {}));
	}
}
