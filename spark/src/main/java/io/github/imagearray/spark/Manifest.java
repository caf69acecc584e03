package io.github.imagearray.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset's manifest: a CSV file with a header row, a {@code file} column (paths relative to the
 * manifest's folder, absolute paths or URIs) and, optionally, a column that groups the files.
 */
final class Manifest {

	private Manifest() {
	}

	/**
	 * @param groupColumn the column that names each file's group, or null
	 * @return each file, in the manifest's order, with its group (null without a group column)
	 * @throws IOException naming the manifest and the line that cannot be used
	 */
	static Map<String, String> read(final Path manifest, final String groupColumn) throws IOException {
		final List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
		if (lines.isEmpty()) throw new IOException(manifest + " is empty: a manifest has a header row with a file column.");
		final List<String> header = fields(lines.get(0), manifest, 1);
		final int file = header.indexOf("file"), group = groupColumn == null ? -1 : header.indexOf(groupColumn);
		if (file < 0) throw new IOException(manifest + " has no column 'file' (its columns: " + String.join(", ",
			header) + ").");
		if (groupColumn != null && group < 0) throw new IOException(manifest + " has no column '" + groupColumn +
			"' (its columns: " + String.join(", ", header) + ").");
		final Map<String, String> files = new LinkedHashMap<>();
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).trim().isEmpty()) continue;
			final List<String> row = fields(lines.get(i), manifest, i + 1);
			if (row.size() != header.size()) throw new IOException(manifest + " line " + (i + 1) + " has " + row.size() +
				" fields, the header " + header.size() + ".");
			final String name = row.get(file);
			final String resolved = name.contains(":/") || Paths.get(name).isAbsolute() ? name : manifest
				.toAbsolutePath().getParent().resolve(name).normalize().toString();
			if (files.containsKey(resolved)) throw new IOException(manifest + " line " + (i + 1) + " lists " + name +
				" again.");
			files.put(resolved, group < 0 ? null : row.get(group));
		}
		if (files.isEmpty()) throw new IOException(manifest + " lists no files.");
		return files;
	}

	/** @return the fields of one CSV line: commas separate, double quotes quote ({@code ""} is a quote) */
	private static List<String> fields(final String line, final Path manifest, final int number) throws IOException {
		final List<String> fields = new ArrayList<>();
		final StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			final char c = line.charAt(i);
			if (quoted) {
				if (c != '"') field.append(c);
				else if (i + 1 < line.length() && line.charAt(i + 1) == '"') field.append(line.charAt(++i));
				else quoted = false;
			}
			else if (c == '"') quoted = true;
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else field.append(c);
		}
		if (quoted) throw new IOException(manifest + " line " + number + " ends inside a quoted field.");
		fields.add(field.toString());
		return fields;
	}
}
