package io.github.imagearray.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/**
 * Masks made by {@link Masks#nonZero} of array-, plane- and file-backed images (read from their
 * own arrays) and of views (read through cursors) against the brute-force reference of the voxels
 * inside them.
 */
class MaskedSpansTest {

	private static final int W = 700, H = 600, D = 4; // planes of 420,000 voxels: one span each

	@Test
	void nonZeroMasksOfEveryLayoutAgreeWithTheReference() {
		final Random r = new Random(21);
		final float[][] planes = new float[D][W * H];
		final byte[][] maskPlanes = new byte[D][W * H];
		final float[] flatMask = new float[W * H * D];
		final List<Double> inside = new ArrayList<>();
		for (int z = 0; z < D; z++)
			for (int i = 0; i < W * H; i++) {
				// a mean well away from 0: the float mean's conditioning when it cancels is issue #18's
				planes[z][i] = (float) (50 + r.nextGaussian() * 10);
				maskPlanes[z][i] = (byte) (r.nextInt(3) - 1); // -1, 0, 1: negative values are not zero either
				flatMask[z * W * H + i] = maskPlanes[z][i] == 0 ? 0 : r.nextInt(5) == 0 ? Float.NaN : 2.5f;
				if (maskPlanes[z][i] != 0) inside.add((double) planes[z][i]);
			}
		final double[] values = inside.stream().mapToDouble(Double::doubleValue).toArray();
		final ReferenceStatistics expected = ReferenceStatistics.of(values, 64);
		final StatisticsCalculator c = new StatisticsCalculator().bins(64);
		final long[] dims = { W, H, D };
		final PlanarImg<FloatType, FloatArray> image = PlanesOnDemand.<FloatType, FloatArray> create(dims,
			z -> new FloatArray(planes[z].clone()), FloatType::new);
		final PlanarImg<FloatType, FloatArray> ranged = PlanesOnDemand.<FloatType, FloatArray> create(dims, (p, from,
			length) -> Arrays.copyOfRange(planes[p], (int) from, (int) from + length), a -> new FloatArray(
				(float[]) a), FloatType::new);
		final PlanarImg<ByteType, ByteArray> mask = PlanesOnDemand.<ByteType, ByteArray> create(dims,
			z -> new ByteArray(maskPlanes[z].clone()), ByteType::new);
		// the same mask as floats where NaN counts as not zero, in one array
		final RandomAccessibleInterval<FloatType> floatMask = ArrayImgs.floats(flatMask, dims);
		for (final RandomAccessibleInterval<FloatType> img : new ArrayList<RandomAccessibleInterval<FloatType>>() {

			{
				add(image);
				add(ranged);
			}
		})
		{
			expected.assertAgrees(c.compute(img, Masks.nonZero(mask)));
			expected.assertAgrees(c.compute(img, Masks.nonZero(floatMask)));
			// a view of the mask: read through a cursor
			expected.assertAgrees(c.compute(img, Masks.nonZero(Views.translate(mask, 1, 2, 3))));
		}
	}
}
