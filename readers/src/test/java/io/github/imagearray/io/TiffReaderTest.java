package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CancellationException;

import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.TestImages;
import io.github.imagearray.io.TiffPages.Page;
import io.github.imagearray.io.TiffReader.Decoders;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TIFF reader's decoder is TwelveMonkeys' TIFF reader made directly, never looked up in Java's
 * ImageIO registry: it reads where no {@code META-INF/services} entry registers it (the plugin jar
 * relocates TwelveMonkeys and drops them, so that Fiji's ImageIO never sees our copy), and reading
 * registers nothing into ImageIO. A band of a page's rows is decoded from the strips that hold it.
 */
class TiffReaderTest {

	@TempDir
	static Path dir;

	private static final String SERVICES = "META-INF/services/";

	/** The test class path, with every {@code META-INF/services} entry hidden. */
	private static final class WithoutServices extends URLClassLoader {

		WithoutServices(final URL[] urls) {
			super(urls, ClassLoader.getSystemClassLoader().getParent());
		}

		@Override
		public URL findResource(final String name) {
			return name.startsWith(SERVICES) ? null : super.findResource(name);
		}

		@Override
		public Enumeration<URL> findResources(final String name) throws IOException {
			return name.startsWith(SERVICES) ? Collections.emptyEnumeration() : super.findResources(name);
		}
	}

	@BeforeAll
	static void writeFiles() throws Exception {
		ReferenceFiles.write("write_files.py", dir, "reference.tsv");
	}

	@Test
	void decodesWithoutImageIoServicesAndRegistersNothing() throws Exception {
		final Path lzw = dir.resolve("uint16-lzw.tif"), tiles = dir.resolve("float32-lzw3-tiles.tif");
		assertTrue(twelveMonkeysReaders(getClass().getClassLoader()) > 0,
			"on the ordinary class path TwelveMonkeys registers its readers");
		try (WithoutServices loader = new WithoutServices(testClassPath())) {
			assertEquals(0, twelveMonkeysReaders(loader), "services hidden");
			final Thread thread = Thread.currentThread();
			final ClassLoader context = thread.getContextClassLoader();
			thread.setContextClassLoader(loader);
			try {
				for (final Path file : new Path[] { lzw, tiles })
					assertArrayEquals(TestImages.values(ImageFiles.open(file)), valuesThrough(loader, file), 0, file
						.toString());
				// ImageIO scans the context class loader when first used: nothing of ours is there
				IIORegistry.getDefaultInstance().registerApplicationClasspathSpis();
				final Iterator<ImageReaderSpi> registered = IIORegistry.getDefaultInstance().getServiceProviders(
					ImageReaderSpi.class, false);
				while (registered.hasNext()) {
					final ImageReaderSpi spi = registered.next();
					assertTrue(spi.getClass().getClassLoader() != loader, spi.getClass() + " registered");
				}
			}
			finally {
				thread.setContextClassLoader(context);
			}
		}
	}

	/**
	 * A band of rows is decoded from the strips that hold it alone: with the first strip of tifffile's
	 * deflate file made undecodable, the rows of the engine's second span of the plane are still read,
	 * as from the file unchanged, while its first row is refused naming that strip. TwelveMonkeys,
	 * given the page, decodes it from its first row down to the last one asked for.
	 */
	@Test
	void aBandIsDecodedFromItsOwnStripsAlone() throws IOException {
		final Path file = dir.resolve("banded-deflate.tif"), broken = dir.resolve("first-strip-broken.tif");
		final List<Page> pages = TiffPages.read(file);
		final Page page = pages.get(0);
		assertEquals(143, page.offsets.length, "1000 rows in strips of 7");
		final byte[] bytes = Files.readAllBytes(file);
		// zlib then finds an unknown compression method
		Arrays.fill(bytes, (int) page.offsets[0], (int) (page.offsets[0] + page.byteCounts[0]), (byte) 0);
		Files.write(broken, bytes);
		final long from = 1 << 20;
		final int length = (int) (page.width * page.height - from);
		final Object expected = new Decoders(pages, TiffReader.elementType(page)).read(0, from, length);
		final List<Page> brokenPages = TiffPages.read(broken);
		final Decoders decoders = new Decoders(brokenPages, TiffReader.elementType(page));
		assertArrayEquals((short[]) expected, (short[]) decoders.read(0, from, length));
		final UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> decoders.read(0, 0, 1100));
		assertEquals(broken + ": page 1, strip 1 of 143 (deflate, " + page.byteCounts[0] + " bytes at byte " +
			page.offsets[0] + ") cannot be decoded after 0 of its 7 rows: unknown compression method.", refused
				.getCause().getMessage());
	}

	/**
	 * What the decoding of kept strips threw reaches the reader as itself: an Error (the heap
	 * exhausted, a class missing) is not turned into a corrupt strip.
	 */
	@Test
	void aDecodingThatThrowsAnErrorPassesItOn() {
		final NoClassDefFoundError missing = new NoClassDefFoundError("com/twelvemonkeys/io/enc/DecoderStream");
		final Decoders.KeptParts parts = new Decoders.KeptParts(null, 0, 0, 0, () -> {
			throw missing;
		});
		parts.values.run();
		assertSame(missing, assertThrows(NoClassDefFoundError.class, parts::values));
		final IOException failed = new IOException("invalid distance too far back");
		final Decoders.KeptParts corrupt = new Decoders.KeptParts(null, 0, 0, 0, () -> {
			throw failed;
		});
		corrupt.values.run();
		assertSame(failed, assertThrows(IOException.class, corrupt::values));
	}

	/**
	 * A read canceled by an interrupt ends with a CancellationException, its interrupt kept, never a
	 * strip said to be corrupt, and the strip it was decoding whole to keep is decoded by the next
	 * read: tifffile's 1024 x 4100 plane in one deflate strip, its top 256 rows.
	 */
	@Test
	void anInterruptedReadIsCanceledAndTheNextReadDecodes() throws IOException {
		final List<Page> pages = TiffPages.read(dir.resolve("spans-in-one-strip.tif"));
		final MetaElementType type = TiffReader.elementType(pages.get(0));
		final int length = 1024 * 256;
		final byte[] expected = (byte[]) new Decoders(pages, type).read(0, 0, length);
		final Decoders decoders = new Decoders(pages, type);
		Thread.currentThread().interrupt();
		try {
			assertThrows(CancellationException.class, () -> decoders.read(0, 0, length));
		}
		finally {
			assertTrue(Thread.interrupted(), "the interrupt is kept");
		}
		assertArrayEquals(expected, (byte[]) decoders.read(0, 0, length));
	}

	/**
	 * Strips kept are kept together while they fit, not one at a time: of tiffcp's 1024 x 4100 plane
	 * in three rows of 512 x 2048 LZW tiles, a band from the first row of tiles and one from the
	 * second are read, then the first row's tiles are zeroed in the file: its next band is still read, as it
	 * was, from the tiles kept. Kept one at a time, the second row would have replaced the first.
	 */
	@Test
	void stripsReadAtOnceAreKeptTogether() throws IOException {
		final Path file = dir.resolve("kept-together.tif");
		Files.copy(dir.resolve("spans-in-tiles.tif"), file, StandardCopyOption.REPLACE_EXISTING);
		final List<Page> pages = TiffPages.read(file);
		final Page page = pages.get(0);
		assertEquals(2048, TiffBand.partRows(page));
		final MetaElementType type = TiffReader.elementType(page);
		final int band = 1024 * 256;
		final byte[] expected = (byte[]) new Decoders(pages, type).read(0, band, band);
		final Decoders decoders = new Decoders(pages, type);
		decoders.read(0, 0, band);
		decoders.read(0, 2048 * 1024, band);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			for (int tile = 0; tile < 2; tile++)
				channel.write(ByteBuffer.allocate((int) page.byteCounts[tile]), page.offsets[tile]);
		}
		assertArrayEquals(expected, (byte[]) decoders.read(0, band, band));
	}

	/**
	 * No file stays open once its voxels are read: 400 compressed TIFF files opened and read in one
	 * run (as {@code describe} reads thousands) leave no more files open than before.
	 */
	@Test
	void noFileStaysOpenOnceRead() throws IOException {
		final Path file = dir.resolve("uint16-lzw.tif");
		final List<RandomAccessibleInterval<? extends RealType<?>>> images = new ArrayList<>();
		final long before = OpenFiles.count();
		for (int i = 0; i < 400; i++) {
			images.add(ImageFiles.open(file));
			TestImages.values(images.get(i));
		}
		final long after = OpenFiles.count();
		assertTrue(after < before + 20, after + " files open, " + before + " before");
	}

	/** @return the voxels of {@code file} as {@code ImageFiles.open} of {@code loader}'s own classes reads them */
	private static double[] valuesThrough(final ClassLoader loader, final Path file) throws Exception {
		final Object image = loader.loadClass(ImageFiles.class.getName()).getMethod("open", Path.class).invoke(null,
			file);
		final Class<?> images = loader.loadClass(TestImages.class.getName());
		assertTrue(images.getClassLoader() == loader, "TestImages of the class path without services");
		for (final java.lang.reflect.Method m : images.getMethods())
			if (m.getName().equals("values")) return (double[]) m.invoke(null, image);
		throw new AssertionError("TestImages.values");
	}

	private static int twelveMonkeysReaders(final ClassLoader loader) {
		int n = 0;
		for (final ImageReaderSpi spi : ServiceLoader.load(ImageReaderSpi.class, loader))
			if (spi.getClass().getName().startsWith("com.twelvemonkeys.")) n++;
		return n;
	}

	private static URL[] testClassPath() throws IOException {
		final String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		final List<URL> urls = new ArrayList<>();
		for (final String entry : path.split(File.pathSeparator))
			if (!entry.isEmpty()) urls.add(new File(entry).toURI().toURL());
		return urls.toArray(new URL[0]);
	}
}
