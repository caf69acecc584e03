package io.github.imagearray.stats;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.util.Fraction;

/**
 * Planar images whose planes are produced when asked for and not kept: disk-backed ImageJ virtual
 * stacks and image files larger than memory are read plane by plane, so an image never has to fit
 * in memory — only the planes being read at the moment do. The two most recently read planes are
 * kept, so that readers that ask for the same plane several times in a row (cursors, or spans of
 * one plane) read it once.
 * <p>
 * Files that can read part of a plane give a {@link PlaneRanges}: the statistics engine then reads
 * each span of voxels on its own ({@link #ranges}) and never holds a whole plane, however large.
 * <p>
 * {@code PlanarImg<FloatType, FloatArray> img = PlanesOnDemand.create(dims, z -> new FloatArray(read(z)), FloatType::new);}
 */
public final class PlanesOnDemand {

	/** How many of the most recently read planes are kept. */
	private static final int KEPT_PLANES = 2;

	private PlanesOnDemand() {
	}

	/** Makes the linked type of a planar image, e.g. {@code FloatType::new}. */
	@FunctionalInterface
	public interface LinkedType<T extends NativeType<T>, A extends ArrayDataAccess<A>> {

		T of(PlanarImg<T, A> img);
	}

	/** Reads part of a plane. Called by several threads at once. */
	@FunctionalInterface
	public interface PlaneRanges {

		/**
		 * @return voxels {@code [from, from + length)} of plane {@code plane} (in flat order), as a
		 *         new primitive array of {@code length} elements
		 */
		Object read(int plane, long from, int length);
	}

	/**
	 * @param dims the image's dimensions; planes are the first two
	 * @param load produces plane i (0-based), anew each time it is called
	 * @param type links the pixel type to the image
	 * @return the image
	 */
	public static <T extends NativeType<T>, A extends ArrayDataAccess<A>> PlanarImg<T, A> create(final long[] dims,
		final IntFunction<A> load, final LinkedType<T, A> type)
	{
		return new OnDemandImg<>(dims, load, null, type);
	}

	/**
	 * @param dims the image's dimensions; planes are the first two
	 * @param ranges reads part of a plane
	 * @param wrap wraps a whole plane's primitive array, e.g. {@code a -> new FloatArray((float[]) a)}
	 * @param type links the pixel type to the image
	 * @return the image
	 */
	public static <T extends NativeType<T>, A extends ArrayDataAccess<A>> PlanarImg<T, A> create(final long[] dims,
		final PlaneRanges ranges, final Function<Object, A> wrap, final LinkedType<T, A> type)
	{
		final int planeLength = Math.toIntExact(dims[0] * (dims.length > 1 ? dims[1] : 1));
		return new OnDemandImg<>(dims, p -> wrap.apply(ranges.read(p, 0, planeLength)), ranges, type);
	}

	/** @return the part-of-a-plane reader of an image made by {@link #create(long[], PlaneRanges, Function, LinkedType)}, else null */
	public static PlaneRanges ranges(final RandomAccessibleInterval<?> image) {
		return image instanceof OnDemandImg ? ((OnDemandImg<?, ?>) image).ranges : null;
	}

	private static final class OnDemandImg<T extends NativeType<T>, A extends ArrayDataAccess<A>> extends
		PlanarImg<T, A>
	{

		private final PlaneRanges ranges;

		OnDemandImg(final long[] dims, final IntFunction<A> load, final PlaneRanges ranges, final LinkedType<T, A> type) {
			super(new RecentPlanes<>(PlanarImg.numberOfSlices(dims), load), dims, new Fraction());
			this.ranges = ranges;
			setLinkedType(type.of(this));
		}
	}

	/** The planes, each loaded when asked for; the most recent ones kept. */
	private static final class RecentPlanes<A> extends AbstractList<A> {

		private final int planes;
		private final IntFunction<A> load;
		private final Map<Integer, A> recent = new LinkedHashMap<Integer, A>(4, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(final Map.Entry<Integer, A> eldest) {
				return size() > KEPT_PLANES;
			}
		};

		RecentPlanes(final int planes, final IntFunction<A> load) {
			this.planes = planes;
			this.load = load;
		}

		@Override
		public A get(final int index) {
			synchronized (recent) {
				final A kept = recent.get(index);
				if (kept != null) return kept;
			}
			// loaded outside the lock, so that threads read different planes at once
			final A plane = load.apply(index);
			synchronized (recent) {
				recent.put(index, plane);
			}
			return plane;
		}

		@Override
		public int size() {
			return planes;
		}
	}
}
