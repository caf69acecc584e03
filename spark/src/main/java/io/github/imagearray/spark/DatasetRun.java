package io.github.imagearray.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;

import io.github.imagearray.AtomicFiles;
import io.github.imagearray.FileStatistics;
import io.github.imagearray.Json;
import io.github.imagearray.StatisticsJson;
import io.github.imagearray.StatisticsTable;
import io.github.imagearray.stats.Statistics;

/**
 * One run of dataset mode: reads the files' headers, writes their rows, pools their voxels, and writes
 * each result to the output directory atomically, printing its path.
 */
final class DatasetRun {

	private final DatasetJob job;
	private final Path dir;
	private final boolean skipUnreadable;
	private final PrintStream out;
	/** Each unreadable file (with --skip-unreadable) and why. */
	private final Map<String, String> unreadable = new LinkedHashMap<>();

	DatasetRun(final JavaSparkContext spark, final Path dir, final int bins, final int partitions,
		final boolean skipUnreadable, final PrintStream out)
	{
		this.job = new DatasetJob(spark, bins, partitions);
		this.dir = dir;
		this.skipUnreadable = skipUnreadable;
		this.out = out;
	}

	/** @param groupOf each file's group, or null for none */
	void run(final List<String> files, final Map<String, String> groupOf) throws IOException {
		final List<DatasetJob.Header> readable = new ArrayList<>();
		for (final DatasetJob.Header h : job.headers(files))
			if (readable(h.file, h.problem)) readable.add(h);
		final String type = DatasetJob.pooledType(readable);
		final List<DatasetJob.Header> measured = new ArrayList<>();
		final StringBuilder csv = new StringBuilder(StatisticsTable.header(groupOf != null));
		final Iterator<FileStatistics> rows = job.rows(readable);
		final Iterator<DatasetJob.Header> headers = readable.iterator();
		AtomicFiles.write(dir.resolve("files.json"), stream -> {
			final PrintStream json = new PrintStream(stream, false, "UTF-8");
			final Json.Items items = new Json.Items(json);
			while (rows.hasNext()) {
				final FileStatistics row = rows.next();
				final DatasetJob.Header header = headers.next();
				if (!readable(row.file, row.problem)) continue;
				measured.add(header);
				final String group = groupOf == null ? null : groupOf.get(row.file);
				items.add(StatisticsJson.ofFile(row.file, group, row.voxels, row.statistics));
				csv.append(StatisticsTable.row(row.file, group, row.voxels, row.statistics));
			}
			items.end();
			json.flush();
		});
		out.println(dir.resolve("files.json"));
		ImageArraySpark.write(dir, "files.csv", csv.toString(), out);
		pooled(measured, type, groupOf);
		if (!unreadable.isEmpty()) {
			final StringBuilder list = new StringBuilder(StatisticsTable.UNREADABLE_HEADER);
			unreadable.forEach((file, problem) -> list.append(StatisticsTable.unreadableRow(file, problem)));
			ImageArraySpark.write(dir, "unreadable.csv", list.toString(), out);
		}
	}

	/** @return whether the file was read; with --skip-unreadable, lists one that was not, else throws */
	private boolean readable(final String file, final String problem) throws IOException {
		if (problem == null) return true;
		if (!skipUnreadable) throw new IOException(file + ": " + problem + " (--skip-unreadable lists such files " +
			"and goes on)");
		unreadable.put(file, problem);
		return false;
	}

	private void pooled(final List<DatasetJob.Header> files, final String type, final Map<String, String> groupOf)
		throws IOException
	{
		final Map<String, Statistics> pooled = job.pooled(files, type, groupOf);
		final Map<String, Object> all = counted("files", files.size(), DatasetJob.total(files, null, null), pooled.get(""));
		ImageArraySpark.write(dir, "pooled.json", Json.write(all) + "\n", out);
		if (groupOf == null) return;
		final List<Object> groups = new ArrayList<>();
		final StringBuilder csv = new StringBuilder("group,files,voxels," + StatisticsTable.statisticsColumns() + "\n");
		pooled.forEach((group, statistics) -> {
			if (group.isEmpty()) return;
			final long[] counts = DatasetJob.total(files, groupOf, group);
			final Map<String, Object> row = new LinkedHashMap<>();
			row.put("group", group);
			row.putAll(counted("files", counts[0], counts, statistics));
			groups.add(row);
			csv.append(StatisticsTable.field(group)).append(',').append(counts[0]).append(',').append(counts[1]).append(
				',').append(StatisticsTable.values(StatisticsJson.of(statistics))).append('\n');
		});
		ImageArraySpark.write(dir, "groups.json", Json.write(groups) + "\n", out);
		ImageArraySpark.write(dir, "groups.csv", csv.toString(), out);
	}

	private static Map<String, Object> counted(final String key, final long files, final long[] counts,
		final Statistics statistics)
	{
		final Map<String, Object> map = new LinkedHashMap<>();
		map.put(key, files);
		map.put("voxels", counts[1]);
		map.putAll(StatisticsJson.of(statistics));
		return map;
	}
}
