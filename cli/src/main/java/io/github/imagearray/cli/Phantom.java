package io.github.imagearray.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.github.imagearray.command.UsageException;

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

	/**
	 * The shapes of float32 data a benchmark can run on: the noisy phantom and the features of
	 * real volumes that strain an engine.
	 */
	enum Data {
		/** The noisy phantom, about [-0.1, 1.1]. */
		PHANTOM,
		/**
		 * A CT-like volume in Hounsfield units: the phantom times 1000 minus 1000 inside the head, and
		 * exactly -1024 (air, or the padding outside the field of view) outside it: about 70 % of the
		 * voxels, which hold the median and the lower percentiles.
		 */
		CT_AIR,
		/** The phantom with 50 voxels at +1e30 and 50 at -1e30 (hot pixels, metal, sentinels). */
		OUTLIERS,
		/** 1000 plus 0 to 15 ulps: all values within 16 consecutive floats. */
		NARROW,
		/** exp(3 z) for standard normal z: values over about 13 orders of magnitude. */
		LOGNORMAL;

		static Data parse(final String name) {
			for (final Data d : values())
				if (d.label().equals(name)) return d;
			throw new UsageException("--data must be phantom, ct-air, outliers, narrow or lognormal, not '" + name +
				"'.");
		}

		String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	private static final double NOISE = 0.05;
	private static final float AIR = -1024;
	private static final int OUTLIERS = 100;

	private Phantom() {
	}

	/**
	 * @param type voxel type
	 * @param size edge length of the cube
	 * @param seed noise seed
	 * @return the phantom, one plane per z
	 */
	static PlanarImg<?, ?> create(final Type type, final int size, final long seed) {
		return create(type, Data.PHANTOM, size, seed);
	}

	/**
	 * @param data the shape of the values; other than {@link Data#PHANTOM} for float32 only
	 * @return the volume, one plane per z
	 */
	static PlanarImg<?, ?> create(final Type type, final Data data, final int size, final long seed) {
		if (data != Data.PHANTOM && type != Type.FLOAT32) throw new UsageException("--data " + data.label() +
			" goes with --type float32.");
		final long[] dims = { size, size, size };
		final PlanarImg<?, ?> img = type == Type.UINT8 ? PlanarImgs.unsignedBytes(dims) : type == Type.UINT16
			? PlanarImgs.unsignedShorts(dims) : PlanarImgs.floats(dims);
		final List<Integer> planes = new ArrayList<>();
		for (int z = 0; z < size; z++)
			planes.add(z);
		Parallelization.getTaskExecutor().forEach(planes, z -> fillPlane(type, data, size, seed, z,
			((ArrayDataAccess<?>) img.getPlane(z)).getCurrentStorageArray()));
		if (data == Data.OUTLIERS) {
			final SplittableRandom random = new SplittableRandom(seed);
			final long plane = (long) size * size;
			for (int i = 0; i < OUTLIERS; i++) {
				final long at = random.nextLong(plane * size);
				((float[]) ((ArrayDataAccess<?>) img.getPlane((int) (at / plane))).getCurrentStorageArray())[(int) (at %
					plane)] = i % 2 == 0 ? 1e30f : -1e30f;
			}
		}
		return img;
	}

	private static void fillPlane(final Type type, final Data data, final int size, final long seed, final int z,
		final Object plane)
	{
		final SplittableRandom random = new SplittableRandom(seed * 1_000_003L + z);
		final double pz = 2.0 * z / (size - 1) - 1;
		for (int y = 0, i = 0; y < size; y++) {
			final double py = 1 - 2.0 * y / (size - 1);
			for (int x = 0; x < size; x++, i++) {
				final double px = 2.0 * x / (size - 1) - 1;
				// sum of four uniforms: a smooth, bell-shaped noise that is cheap to draw
				final double noise = (random.nextDouble() + random.nextDouble() + random.nextDouble() + random
					.nextDouble() - 2) * NOISE;
				final double density = density(px, py, pz);
				final double v = (density + noise) * type.scale + type.offset;
				if (plane instanceof float[]) ((float[]) plane)[i] = data == Data.PHANTOM ? (float) v : value(data,
					inside(0, px, py, pz), density, noise, random);
				else if (plane instanceof short[]) ((short[]) plane)[i] = (short) clamp(Math.round(v), 65535);
				else ((byte[]) plane)[i] = (byte) clamp(Math.round(v), 255);
			}
		}
	}

	private static float value(final Data data, final boolean inHead, final double density, final double noise,
		final SplittableRandom random)
	{
		switch (data) {
			case CT_AIR:
				return inHead ? (float) ((density + noise) * 1000 - 1000) : AIR;
			case NARROW:
				return Float.intBitsToFloat(Float.floatToIntBits(1000f) + (int) clamp((long) ((density + noise + 0.1) * 10),
					15));
			case LOGNORMAL:
				// Box-Muller: a standard normal from two uniforms
				return (float) Math.exp(3 * Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI *
					random.nextDouble()));
			default:
				return (float) (density + noise);
		}
	}

	private static long clamp(final long v, final long max) {
		return Math.max(0, Math.min(max, v));
	}

	private static double density(final double x, final double y, final double z) {
		double d = 0;
		for (int i = 0; i < ELLIPSOIDS.length; i++)
			if (inside(i, x, y, z)) d += ELLIPSOIDS[i][7];
		return d;
	}

	/** @return whether a point lies inside ellipsoid {@code i}; the first is the head */
	private static boolean inside(final int i, final double x, final double y, final double z) {
		final double[] e = ELLIPSOIDS[i];
		final double dx = x - e[0], dy = y - e[1], dz = z - e[2];
		final double u = dx * COS[i] + dy * SIN[i];
		final double v = -dx * SIN[i] + dy * COS[i];
		return (u * u) / (e[3] * e[3]) + (v * v) / (e[4] * e[4]) + (dz * dz) / (e[5] * e[5]) <= 1;
	}
}
