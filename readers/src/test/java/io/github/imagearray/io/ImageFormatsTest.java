package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ShortProcessor;

/**
 * The registry of formats: each kind of input is recognised by exactly one format, which opens it
 * and gives its voxels, voxel size and description.
 */
class ImageFormatsTest {

	@TempDir
	Path dir;

	@Test
	void everyInputIsRecognisedByOneFormatThatOpensIt() throws Exception {
		final Path mhd = MetaImageFiles.write(dir, "ct", MetaImageFiles.header(MetaElementType.MET_SHORT, "3 2 2", false,
			"ct"), MetaImageFiles.bytes(MetaElementType.MET_SHORT, new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 },
				ByteOrder.LITTLE_ENDIAN));
		assertOpenedBy(MetaImageReader.class, mhd, OpenOptions.NONE, new double[] { 0.5, 0.5, 2 }, "3 x 2 x 2");

		final ImagePlus imp = new ImagePlus("t", new ShortProcessor(4, 3));
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().pixelHeight = 0.25;
		final Path tif = dir.resolve("t.TIF");
		assertTrue(new FileSaver(imp).saveAsTiff(tif.toString()));
		assertOpenedBy(TiffReader.class, tif, OpenOptions.NONE, new double[] { 0.25, 0.25, 0.25 }, "4 x 3");

		final Path slices = Files.createDirectories(dir.resolve("slices"));
		for (int z = 0; z < 3; z++)
			ImageIO.write(new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY), "png", slices.resolve("s" + z + ".png")
				.toFile());
		assertOpenedBy(SliceFolder.class, slices, OpenOptions.NONE.pattern("*.png"), new double[] { 1, 1, 1 },
			"5 x 4 x 3");

		// names alone decide for these: no file needs to exist to be recognised
		assertEquals(NiftiReader.class, recognising(dir.resolve("brain.nii.gz"), OpenOptions.NONE));
		assertEquals(Hdf5Reader.class, recognising(dir.resolve("scan.h5:/exchange/data"), OpenOptions.NONE));
	}

	@Test
	void whatNoFormatTakesIsRefusedNamingTheFile() throws Exception {
		final Path text = Files.write(dir.resolve("notes.txt"), new byte[] { 1 });
		final ImageFileException e = assertThrows(ImageFileException.class,
			() -> ImageFiles.read(text, OpenOptions.NONE));
		assertTrue(e.getMessage().startsWith(text + ": unsupported file type"), e.getMessage());
	}

	private static void assertOpenedBy(final Class<?> format, final Path path, final OpenOptions options,
		final double[] voxelSize, final String size) throws Exception
	{
		assertEquals(format, recognising(path, options));
		final ImageFile file = ImageFiles.read(path, options);
		assertEquals(format, file.format().getClass());
		assertArrayEquals(voxelSize, file.voxelSize(), 1e-12);
		assertTrue(file.description().startsWith(file.format().name() + ", " + size + ", "), file.description());
	}

	/** @return the class of the one format that recognises the path */
	private static Class<?> recognising(final Path path, final OpenOptions options) {
		final List<ImageFormat> formats = ImageFiles.formats().stream().filter(f -> f.recognises(path, options))
			.collect(Collectors.toList());
		assertEquals(1, formats.size(), path + " recognised by " + formats);
		return formats.get(0).getClass();
	}
}
