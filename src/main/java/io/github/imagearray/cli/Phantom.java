package io.github.imagearray.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;

/**
 * A noisy 3D Shepp–Logan-like head phantom: the ten ellipsoids of the 3D Shepp–Logan phantom
 * (Kak & Slaney, "Principles of Computerized Tomographic Imaging", 1988, table 3.2) with Toft's
 * higher-contrast intensities, plus noise that is reproducible for a seed whatever the threads.
 * Values span about [-0.1, 1.1] for float32, [0, 255] for uint8 and [0, 4095] for uint16 (a
 * 12-bit CT range).
 */
final class Phantom {

	/** The voxel types a phantom can have. */
	enum Type {
		UINT8(200, 30), UINT16(3000, 500), FLOAT32(1, 0);

		private final double scale;
		private final double offset;

		Type(final double scale, final double offset) {
			this.scale = scale;
			this.offset = offset;
		}

		static Type parse(final String name) {
			for (final Type t : values())
				if (t.name().toLowerCase(Locale.ROOT).equals(name)) return t;
			throw new UsageException("--type must be uint8, uint16 or float32, not '" + name + "'.");
		}
	}

	/** x0, y0, z0, a, b, c, rotation about z (degrees), intensity. */
	private static final double[][] ELLIPSOIDS = { //
		{ 0, 0, 0, 0.69, 0.92, 0.9, 0, 1 }, //
		{ 0, -0.0184, 0, 0.6624, 0.874, 0.88, 0, -0.8 }, //
		{ -0.22, 0, -0.25, 0.41, 0.16, 0.21, 108, -0.2 }, //
		{ 0.22, 0, -0.25, 0.31, 0.11, 0.22, 72, -0.2 }, //
		{ 0, 0.35, -0.25, 0.21, 0.25, 0.5, 0, 0.1 }, //
		{ 0, 0.1, -0.25, 0.046, 0.046, 0.046, 0, 0.1 }, //
		{ -0.08, -0.605, -0.25, 0.046, 0.023, 0.02, 0, 0.1 }, //
		{ 0, -0.1, -0.25, 0.046, 0.046, 0.046, 0, 0.1 }, //
		{ 0, -0.605, -0.25, 0.023, 0.023, 0.023, 0, 0.1 }, //
		{ 0.06, -0.605, -0.25, 0.023, 0.046, 0.02, 0, 0.1 } };

	private static final double[] COS = new double[ELLIPSOIDS.length];
	private static final double[] SIN = new double[ELLIPSOIDS.length];

	static {
		for (int i = 0; i < ELLIPSOIDS.length; i++) {
			COS[i] = Math.cos(Math.toRadians(ELLIPSOIDS[i][6]));
			SIN[i] = Math.sin(Math.toRadians(ELLIPSOIDS[i][6]));
		}
	}

	private static final double NOISE = 0.05;

	private Phantom() {
	}

	/**
	 * @param type voxel type
	 * @param size edge length of the cube
	 * @param seed noise seed
	 * @return the phantom, one plane per z
	 */
	static PlanarImg<?, ?> create(final Type type, final int size, final long seed) {
		final long[] dims = { size, size, size };
		final PlanarImg<?, ?> img = type == Type.UINT8 ? PlanarImgs.unsignedBytes(dims) : type == Type.UINT16
			? PlanarImgs.unsignedShorts(dims) : PlanarImgs.floats(dims);
		final List<Integer> planes = new ArrayList<>();
		for (int z = 0; z < size; z++)
			planes.add(z);
		Parallelization.getTaskExecutor().forEach(planes, z -> fillPlane(type, size, seed, z,
			((ArrayDataAccess<?>) img.getPlane(z)).getCurrentStorageArray()));
		return img;
	}

	private static void fillPlane(final Type type, final int size, final long seed, final int z, final Object plane) {
		final SplittableRandom random = new SplittableRandom(seed * 1_000_003L + z);
		final double pz = 2.0 * z / (size - 1) - 1;
		for (int y = 0, i = 0; y < size; y++) {
			final double py = 1 - 2.0 * y / (size - 1);
			for (int x = 0; x < size; x++, i++) {
				final double px = 2.0 * x / (size - 1) - 1;
				// sum of four uniforms: a smooth, bell-shaped noise that is cheap to draw
				final double noise = (random.nextDouble() + random.nextDouble() + random.nextDouble() + random
					.nextDouble() - 2) * NOISE;
				final double v = (density(px, py, pz) + noise) * type.scale + type.offset;
				if (plane instanceof float[]) ((float[]) plane)[i] = (float) v;
				else if (plane instanceof short[]) ((short[]) plane)[i] = (short) clamp(Math.round(v), 65535);
				else ((byte[]) plane)[i] = (byte) clamp(Math.round(v), 255);
			}
		}
	}

	private static long clamp(final long v, final long max) {
		return Math.max(0, Math.min(max, v));
	}

	private static double density(final double x, final double y, final double z) {
		double d = 0;
		for (int i = 0; i < ELLIPSOIDS.length; i++) {
			final double[] e = ELLIPSOIDS[i];
			final double dx = x - e[0], dy = y - e[1], dz = z - e[2];
			final double u = dx * COS[i] + dy * SIN[i];
			final double v = -dx * SIN[i] + dy * COS[i];
			if ((u * u) / (e[3] * e[3]) + (v * v) / (e[4] * e[4]) + (dz * dz) / (e[5] * e[5]) <= 1) d += e[7];
		}
		return d;
	}
}
