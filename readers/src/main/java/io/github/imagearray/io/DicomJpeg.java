package io.github.imagearray.io;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

import io.github.imagearray.OneLine;

/**
 * DICOM's JPEG transfer syntaxes, decoded by TwelveMonkeys' JPEG reader: Lossless (Process 14,
 * 1.2.840.10008.1.2.4.57, and its selection value 1, .70), exact for 8 to 16 bits, signed values
 * sign-extended from Bits Stored; and the lossy Baseline and Extended (.50, .51), whose values
 * differ from the scanner's (the caller warns). The reader is made here, not found through ImageIO's
 * global registry: the plugin's jar relocates TwelveMonkeys and must not add readers to Fiji's
 * ImageIO. TwelveMonkeys hands lossy streams to the JDK's own JPEG reader, found in a registry of
 * ours.
 * <p>
 * {@code short[] values = (short[]) DicomJpeg.decode(frameBytes, image, "ct.dcm: frame 1");}
 */
final class DicomJpeg {

	private static final String JDK_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";

	private DicomJpeg() {
	}

	/** @return whether the transfer syntax is one of the JPEG ones decoded */
	static boolean reads(final String syntax) {
		return syntax.equals(DicomImage.JPEG_LOSSLESS) || syntax.equals(DicomImage.JPEG_LOSSLESS_SV1) || lossy(syntax);
	}

	/** @return whether the transfer syntax is lossy JPEG (Baseline or Extended) */
	static boolean lossy(final String syntax) {
		return syntax.equals(DicomImage.JPEG_BASELINE) || syntax.equals(DicomImage.JPEG_EXTENDED);
	}

	/** @return a new TwelveMonkeys JPEG reader, with the JDK's reader as its delegate for lossy streams */
	private static ImageReader reader() throws IOException {
		final ServiceRegistry registry = new ServiceRegistry(Collections.<Class<?>> singletonList(ImageReaderSpi.class)
			.iterator());
		final Iterator<ImageReaderSpi> installed = IIORegistry.getDefaultInstance().getServiceProviders(
			ImageReaderSpi.class, true);
		while (installed.hasNext()) {
			final ImageReaderSpi spi = installed.next();
			if (spi.getClass().getName().equals(JDK_READER)) registry.registerServiceProvider(spi, ImageReaderSpi.class);
		}
		final JPEGImageReaderSpi twelveMonkeys = new JPEGImageReaderSpi();
		// registering in our own registry lets it find its delegate there, never in ImageIO's
		registry.registerServiceProvider(twelveMonkeys, ImageReaderSpi.class);
		return twelveMonkeys.createReaderInstance();
	}

	/**
	 * @param what the file and frame, for messages
	 * @return the frame's stored values, in the array of the image's stored type
	 */
	static Object decode(final byte[] data, final DicomImage image, final String what) throws IOException {
		final Raster raster;
		final ImageReader reader = reader();
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
			reader.setInput(in);
			// the size in the JPEG header, checked before the decoder allocates for it
			if (reader.getWidth(0) != image.columns || reader.getHeight(0) != image.rows) throw new ImageFileException(
				what + ": the JPEG data hold a " + reader.getWidth(0) + " x " + reader.getHeight(0) + " image, but the " +
					"header says " + image.columns + " x " + image.rows + ".");
			raster = reader.readRaster(0, null);
		}
		catch (final ImageFileException e) {
			throw e;
		}
		catch (final IOException | RuntimeException e) {
			throw new ImageFileException(what + ": the JPEG data cannot be decoded (" + words(e) + ").", e);
		}
		finally {
			reader.dispose();
		}
		if (raster.getWidth() != image.columns || raster.getHeight() != image.rows || raster.getNumBands() != 1)
			throw new ImageFileException(what + ": the JPEG data hold a " + raster.getWidth() + " x " + raster
				.getHeight() + " image of " + raster.getNumBands() + " components, but the header says " + image.columns +
				" x " + image.rows + " grey.");
		final MetaElementType type = image.storedType();
		final int pixels = image.rows * image.columns;
		final Object values = PlanarFile.newArray(type, pixels);
		final int shift = 32 - image.bitsStored;
		for (int i = 0; i < pixels; i++) {
			int v = raster.getSample(i % image.columns, i / image.columns, 0);
			// JPEG codes the bit pattern; two's complement values are sign-extended from Bits Stored
			if (image.signed == 1 && image.bitsStored < 32) v = v << shift >> shift;
			if (type.bytes() == 1) ((byte[]) values)[i] = (byte) v;
			else if (type.bytes() == 2) ((short[]) values)[i] = (short) v;
			else ((int[]) values)[i] = v;
		}
		return values;
	}

	/** @return the decoder's reason in words, without Java's exception names */
	private static String words(final Throwable e) {
		final String m = e.getMessage();
		if (m == null || m.trim().isEmpty() || m.contains("Exception") || m.contains("out of bounds") ||
			m.contains("null")) return "corrupt or truncated JPEG stream";
		return OneLine.printable(m.trim());
	}
}
