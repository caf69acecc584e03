package io.github.imagearray.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.stats.PlanesOnDemand;
import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

/**
 * Volumes beyond memory and beyond 2^31 voxels, with values computed from the position (no
 * storage) and statistics checked against closed forms. The tests run with surefire's 512 MB heap.
 */
class LargeVolumeTest {

	private static final int W = 2048, H = 2048;
	private static final int N = W * H;
	private static final int MOD = 251;

	/** One plane, v(x, y) = (x + y W) mod 251, shared by every z: the volume needs no storage. */
	private static byte[] plane() {
		final byte[] p = new byte[N];
		for (int i = 0; i < N; i++)
			p[i] = (byte) (i % MOD);
		return p;
	}

	/** How often residue r occurs in a plane of N voxels: N / 251, one more for r below N mod 251. */
	private static long perPlane(final int r) {
		return N / MOD + (r < N % MOD ? 1 : 0);
	}

	@Test
	void moreThanThreeBillionVoxels() {
		final int depth = 720; // 3.02e9 voxels
		final byte[] plane = plane();
		final PlanarImg<UnsignedByteType, ByteArray> img = PlanesOnDemand.<UnsignedByteType, ByteArray> create(
			new long[] { W, H, depth }, z -> new ByteArray(plane), UnsignedByteType::new);
		final Statistics s = new StatisticsCalculator().compute(img);
		final long count = (long) N * depth;
		assertTrue(count > 3_000_000_000L);
		assertEquals(count, s.count());
		assertEquals(0, s.minimum(), 0);
		assertEquals(MOD - 1, s.maximum(), 0);
		long sum = 0;
		for (int r = 0; r < MOD; r++)
			sum += r * perPlane(r);
		assertEquals((double) sum / N, s.mean(), 1e-12 * s.mean());
		// the median: ranks (n-1)/2 and n/2 of the sorted values, from the closed-form counts
		assertEquals(valueOfRank((count - 1) / 2, depth) / 2.0 + valueOfRank(count / 2, depth) / 2.0, s.median(), 0);
		assertEquals(count, s.histogram().total());
	}

	private static int valueOfRank(final long rank, final int depth) {
		long below = 0;
		for (int r = 0; r < MOD; r++) {
			below += perPlane(r) * depth;
			if (rank < below) return r;
		}
		throw new AssertionError();
	}

	@Test
	void virtualStacksAreReadPlaneByPlaneNeverWhole() {
		// 96 planes of 2048 x 2048 floats: 1.5 GiB, three times surefire's heap
		final int depth = 96;
		final AtomicInteger loads = new AtomicInteger();
		final VirtualStack stack = new VirtualStack(W, H, null, null) {

			@Override
			public Object getPixels(final int n) {
				loads.incrementAndGet();
				final float[] p = new float[N];
				for (int i = 0; i < N; i++)
					p[i] = (i % 1000) + n * 0.5f;
				return p;
			}

			@Override
			public int getSize() {
				return depth;
			}

			@Override
			public int getBitDepth() {
				return 32;
			}

			@Override
			public ImageProcessor getProcessor(final int n) {
				return new FloatProcessor(W, H, (float[]) getPixels(n));
			}
		};
		final ImagePlus imp = new ImagePlus("virtual", (ImageStack) stack);
		loads.set(0);
		final Statistics s = new StatisticsCalculator().compute(ImagePlusImgs.wrap(imp));
		assertEquals((long) N * depth, s.count());
		assertEquals(0.5, s.minimum(), 0);
		assertEquals(999 + depth * 0.5, s.maximum(), 0);
		// mean of i % 1000 over a plane, plus the mean plane offset 0.5 (1 + depth) / 2
		double planeSum = 0;
		for (int i = 0; i < N; i++)
			planeSum += i % 1000;
		assertEquals(planeSum / N + 0.5 * (1 + depth) / 2, s.mean(), 1e-9);
		assertTrue(loads.get() >= 2 * depth, "each pass reads every plane: " + loads.get());
	}
}
