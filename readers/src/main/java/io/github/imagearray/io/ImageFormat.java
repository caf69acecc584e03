package io.github.imagearray.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One format of image files that ImageArray reads: it recognises its files (or folders) by their
 * name or what they hold, opens one once and gives its voxels, voxel size and a description.
 * {@link ImageFiles} holds one of each, in the order they are asked; a new format is one class
 * implementing this and one line there.
 * <p>
 * {@code ImageFile f = new NiftiReader().open(Paths.get("brain.nii.gz"), OpenOptions.NONE);}
 */
public interface ImageFormat {

	/** @return the format's name, as messages and descriptions give it: "TIFF", "NIfTI-1", ... */
	String name();

	/**
	 * @param path a file or folder that exists, or an HDF5 source ({@code scan.h5:/dataset})
	 * @return whether this format takes it, decided without reading any voxel
	 */
	boolean recognises(Path path, OpenOptions options);

	/**
	 * @return the image the path holds, its voxels read when needed
	 * @throws ImageFileException naming the file and the problem
	 */
	ImageFile open(Path path, OpenOptions options) throws IOException;
}
