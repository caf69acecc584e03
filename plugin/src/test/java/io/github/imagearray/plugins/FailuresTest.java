package io.github.imagearray.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import io.github.imagearray.io.ImageFileException;
import org.junit.jupiter.api.Test;

/** The one line a command gives when it cannot do its work, and how a macro is told; no display needed. */
class FailuresTest {

	@Test
	void aMissingClassNamesItsLibraryInWords() {
		assertEquals("ImageArray needs Gson (com.google.gson), which is missing from Fiji's jars folder.", Failures
			.message(new NoClassDefFoundError("com/google/gson/JsonParser")));
		assertEquals("ImageArray needs jHDF (io.jhdf), which is missing from Fiji's jars folder.", Failures.message(
			new NoClassDefFoundError("io/jhdf/HdfFile")));
		assertEquals("ImageArray needs zstd-jni (com.github.luben.zstd), which is missing from Fiji's jars folder.",
			Failures.message(new NoClassDefFoundError("com/github/luben/zstd/ZstdInputStream")));
		// a library the table does not know: its package
		assertEquals("ImageArray needs the library of org.example.codec (class org.example.codec.Codec), which is " +
			"missing from Fiji's jars folder.", Failures.message(new NoClassDefFoundError("org/example/codec/Codec")));
	}

	@Test
	void theMissingClassIsFoundInTheCauses() {
		// a static initializer that met the missing class
		final ExceptionInInitializerError init = new ExceptionInInitializerError(new NoClassDefFoundError(
			"com/twelvemonkeys/imageio/plugins/tiff/TIFFImageReader"));
		assertEquals("ImageArray needs TwelveMonkeys ImageIO (com.twelvemonkeys), which is missing from Fiji's jars " +
			"folder.", Failures.message(init));
		// a class loader's own words name the class with dots
		final NoClassDefFoundError loader = new NoClassDefFoundError("com/google/gson/Gson");
		loader.initCause(new ClassNotFoundException("com.google.gson.Gson"));
		assertEquals("ImageArray needs Gson (com.google.gson), which is missing from Fiji's jars folder.", Failures
			.message(loader));
	}

	@Test
	void aClassLeftBrokenByAnEarlierFailureIsNamed() {
		final String message = Failures.message(new NoClassDefFoundError(
			"Could not initialize class io.github.imagearray.io.ZarrReader"));
		assertEquals("ImageArray cannot load io.github.imagearray.io.ZarrReader: a library it needs is missing from " +
			"Fiji's jars folder (see the first error since Fiji started).", message);
	}

	@Test
	void refusedInputKeepsItsOneLine() {
		assertEquals("bad.nii.gz: the gzip checksum (CRC-32) does not match the data.", Failures.message(
			new ImageFileException("bad.nii.gz: the gzip checksum (CRC-32) does not match the data.")));
		assertEquals("bins must be a whole number, not 0.5.", Failures.message(new IllegalArgumentException(
			"bins must be a whole number, not 0.5.")));
		assertEquals("v.raw: the file ends after 12 of 96 bytes.", Failures.message(new UncheckedIOException(
			new IOException("v.raw: the file ends after 12 of 96 bytes."))));
	}

	@Test
	void tooLittleMemorySaysWhereToGiveMore() {
		final String message = Failures.message(new OutOfMemoryError("Java heap space"));
		assertTrue(message.matches("Not enough memory: ImageJ may use \\d+ MB; give it more in Edit > Options > " +
			"Memory & Threads\\."), message);
	}

	@Test
	void runGivesTheLineOfARefusalAndLetsFaultsAndInterruptionsThrough() {
		final List<String> refused = new ArrayList<>();
		Failures.run(() -> {
			throw new NoClassDefFoundError("io/jhdf/HdfFile");
		}, refused::add);
		Failures.run(() -> {
			throw new IOException("v.h5: not an HDF5 file.");
		}, refused::add);
		Failures.run(() -> {}, refused::add);
		assertEquals(Arrays.asList("ImageArray needs jHDF (io.jhdf), which is missing from Fiji's jars folder.",
			"v.h5: not an HDF5 file."), refused);
		assertThrows(IllegalStateException.class, () -> Failures.run(() -> {
			throw new IllegalStateException("a fault");
		}, refused::add));
		assertThrows(CancellationException.class, () -> Failures.run(() -> {
			throw new CancellationException("Statistics computation was interrupted.");
		}, refused::add));
		assertEquals(2, refused.size());
	}

	@Test
	void aDialogFromTheMenuMacroErrorWithAWindowTheLogWithout() {
		assertEquals(Messages.Stop.DIALOG, Messages.stop(false, true, false));
		assertEquals(Messages.Stop.DIALOG, Messages.stop(false, false, true));
		assertEquals(Messages.Stop.MACRO_ERROR, Messages.stop(true, true, false));
		// ImageJ -batch: no window, nobody to close a dialog
		assertEquals(Messages.Stop.LOG, Messages.stop(true, false, false));
		// Fiji --headless
		assertEquals(Messages.Stop.LOG, Messages.stop(true, true, true));
		assertEquals(Messages.Stop.LOG, Messages.stop(true, false, true));
	}
}
