package io.github.imagearray.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.github.imagearray.ReferenceFiles;
import io.github.imagearray.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HDF5 files written by h5py, many read in one run as {@code describe} reads them. */
class Hdf5ReaderTest {

	@TempDir
	Path dir;

	/**
	 * No file stays open once its voxels are read: 400 files of h5py (contiguous and gzip chunks)
	 * opened and read in one run leave no more open than the reader keeps between reads, and each
	 * holds the values numpy sums.
	 */
	@Test
	void noMoreFilesStayOpenThanKept() throws Exception {
		ReferenceFiles.run("write_many_hdf5.py", dir, dir.toString(), "400");
		final List<String[]> sums = ReferenceFiles.table(dir.resolve("many-hdf5.tsv"));
		assertEquals(400, sums.size());
		// the first read loads jhdf's classes, whose jars stay open
		TestImages.values(ImageFiles.open(dir.resolve(sums.get(0)[0])));
		final long before = OpenFiles.count();
		for (final String[] file : sums) {
			double sum = 0;
			for (final double v : TestImages.values(ImageFiles.open(dir.resolve(file[0]))))
				sum += v;
			assertEquals(Long.parseLong(file[1]), sum, 0, file[0]);
		}
		final long after = OpenFiles.count();
		assertTrue(after <= before + Hdf5Reader.IDLE_FILES, after + " files open, " + before + " before");
	}
}
