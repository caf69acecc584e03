package io.github.imagearray;

import java.util.AbstractList;
import java.util.function.IntFunction;

import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.util.Fraction;

/**
 * Planar images whose planes are produced when asked for and not kept: disk-backed ImageJ virtual
 * stacks and MetaImage files larger than memory are read plane by plane, so an image never has to
 * fit in memory — only the planes being read at the moment do.
 * <p>
 * {@code PlanarImg<FloatType, FloatArray> img = PlanesOnDemand.create(dims, z -> new FloatArray(read(z)), FloatType::new);}
 */
public final class PlanesOnDemand {

	private PlanesOnDemand() {
	}

	/** Makes the linked type of a planar image, e.g. {@code FloatType::new}. */
	@FunctionalInterface
	public interface LinkedType<T extends NativeType<T>, A extends ArrayDataAccess<A>> {

		T of(PlanarImg<T, A> img);
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
		final int planes = PlanarImg.numberOfSlices(dims);
		final PlanarImg<T, A> img = new PlanarImg<>(new AbstractList<A>() {

			@Override
			public A get(final int index) {
				return load.apply(index);
			}

			@Override
			public int size() {
				return planes;
			}
		}, dims, new Fraction());
		img.setLinkedType(type.of(img));
		return img;
	}
}
