package io.github.imagearray;

import java.io.Serializable;
import java.util.Map;

/**
 * One file's row of a {@link StatisticsTable}: its statistics as {@link StatisticsJson#of} gives
 * them, or why it could not be read. Serializable, so that a Spark executor can hand it over.
 * <p>
 * {@code FileStatistics row = new FileStatistics("ct.nii.gz", s.count(), StatisticsJson.of(s), null);}
 */
public final class FileStatistics implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The file as the user named it. */
	public final String file;
	/** Its voxels; 0 when unknown because it could not be read. */
	public final long voxels;
	/** Its statistics by JSON key, or null when it could not be read. */
	public final Map<String, Object> statistics;
	/** Why it could not be read, one line, or null when it was measured. */
	public final String problem;

	public FileStatistics(final String file, final long voxels, final Map<String, Object> statistics,
		final String problem)
	{
		this.file = file;
		this.voxels = voxels;
		this.statistics = statistics;
		this.problem = problem;
	}
}
