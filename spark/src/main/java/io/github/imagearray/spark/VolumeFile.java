package io.github.imagearray.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.OpenOptions;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * A volume as every executor opens it for itself: a path on storage they all see (a shared file
 * system, {@code file://}), with the command line's choices of slice files and DICOM series.
 * Opening reads headers only; voxels are read when a pass reaches them, plane by plane.
 */
final class VolumeFile implements Serializable {

	private static final long serialVersionUID = 1L;

	/** As given: a path, or a {@code file:} URI. */
	final String name;
	private final String pattern;
	private final String series;

	VolumeFile(final String name, final String pattern, final String series) {
		this.name = name;
		this.pattern = pattern;
		this.series = series;
	}

	RandomAccessibleInterval<? extends RealType<?>> open() throws IOException {
		return ImageFiles.read(path(), OpenOptions.NONE.pattern(pattern).series(series)).image();
	}

	Path path() {
		return localPath(name);
	}

	/**
	 * @return the local path of a path or {@code file:} URI
	 * @throws IllegalArgumentException for a URI of another file system
	 */
	static Path localPath(final String name) {
		final URI uri = name.contains(":/") ? URI.create(name) : null;
		if (uri == null || uri.getScheme() == null || uri.getScheme().length() == 1) return Paths.get(name);
		if (uri.getScheme().equals("file")) return Paths.get(uri);
		throw new IllegalArgumentException(name + ": volume mode reads files on a path that every executor sees " +
			"(a shared file system, file://), not " + uri.getScheme() + ":.");
	}
}
