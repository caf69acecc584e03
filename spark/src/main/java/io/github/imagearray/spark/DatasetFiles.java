package io.github.imagearray.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;

import io.github.imagearray.io.ImageFiles;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The files of dataset mode, on any file system that Spark's Hadoop client reaches: listed on the
 * driver, read by the executors. Local files ({@code file:} or a plain path) are read in place; others
 * are copied to the executor's temporary directory first (a file, a folder of slices or a DICOM
 * series whole, a MetaImage header with the data files of its name beside it).
 */
final class DatasetFiles {

	private DatasetFiles() {
	}

	/** What a task does with one opened volume. */
	@FunctionalInterface
	interface VolumeWork<R> {

		R apply(RandomAccessibleInterval<? extends RealType<?>> image) throws IOException;
	}

	/**
	 * @param inputs files, directories (their entries, each a volume) and globs
	 * @return the volumes, each once, in the order given and by name within a directory or glob
	 * @throws IOException naming an input that matches nothing
	 */
	static List<String> list(final List<String> inputs, final Configuration hadoop) throws IOException {
		final List<String> volumes = new ArrayList<>();
		for (final String input : inputs) {
			final org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
			final FileSystem fs = path.getFileSystem(hadoop);
			final FileStatus[] matched = fs.globStatus(path);
			if (matched == null || matched.length == 0) throw new IOException("No such file or directory: " + input);
			for (final FileStatus status : sorted(matched)) {
				if (status.isDirectory() && !isGlob(input) && matched.length == 1) {
					final FileStatus[] entries = sorted(fs.listStatus(status.getPath()));
					for (final FileStatus entry : entries)
						if (!hidden(entry) && !isMetaImageData(entry, entries)) add(volumes, entry);
				}
				else if (!hidden(status)) add(volumes, status);
			}
		}
		return volumes;
	}

	private static boolean isGlob(final String input) {
		return input.matches(".*[*?\\[{].*");
	}

	private static FileStatus[] sorted(final FileStatus[] statuses) {
		final FileStatus[] copy = statuses.clone();
		Arrays.sort(copy, Comparator.comparing(s -> s.getPath().toString()));
		return copy;
	}

	/** @return whether the entry is the data file ({@code .raw}, {@code .zraw}) of a MetaImage header beside it */
	private static boolean isMetaImageData(final FileStatus entry, final FileStatus[] entries) {
		final String name = entry.getPath().getName();
		final int dot = name.lastIndexOf('.');
		final String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (!extension.equals("raw") && !extension.equals("zraw")) return false;
		final String header = name.substring(0, dot) + ".mhd";
		for (final FileStatus other : entries)
			if (other.getPath().getName().equalsIgnoreCase(header)) return true;
		return false;
	}

	private static boolean hidden(final FileStatus status) {
		final String name = status.getPath().getName();
		return name.startsWith(".") || name.startsWith("_");
	}

	private static void add(final List<String> volumes, final FileStatus status) {
		final org.apache.hadoop.fs.Path path = status.getPath();
		final String name = "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
		if (!volumes.contains(name)) volumes.add(name);
	}

	/** Opens a volume on an executor and hands it to {@code work}; a copy made for it is deleted after. */
	static <R> R read(final String name, final VolumeWork<R> work) throws IOException {
		final org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(name);
		final String scheme = path.toUri().getScheme();
		if (scheme == null || scheme.equals("file")) return work.apply(ImageFiles.open(VolumeFile.localPath(name)));
		final Path copies = Files.createTempDirectory("imagearray-");
		try {
			return work.apply(ImageFiles.open(copy(path, copies)));
		}
		finally {
			try (Stream<Path> all = Files.walk(copies)) {
				all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static Path copy(final org.apache.hadoop.fs.Path path, final Path into) throws IOException {
		final Configuration hadoop = new Configuration();
		final FileSystem fs = path.getFileSystem(hadoop);
		final String name = path.getName();
		final Path local = into.resolve(name);
		final List<org.apache.hadoop.fs.Path> sources = new ArrayList<>();
		sources.add(path);
		if (name.toLowerCase(Locale.ROOT).endsWith(".mhd")) {
			final String base = name.substring(0, name.length() - 4);
			for (final FileStatus sibling : fs.listStatus(path.getParent(), p -> p.getName().startsWith(base + ".") && !p
				.equals(path)))
				sources.add(sibling.getPath());
		}
		for (final org.apache.hadoop.fs.Path source : sources)
			FileUtil.copy(fs, source, into.resolve(source.getName()).toFile(), false, hadoop);
		return local;
	}
}
