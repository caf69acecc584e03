package io.github.imagearray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.github.imagearray.stats.Statistics;
import io.github.imagearray.stats.StatisticsCalculator;
import net.imglib2.img.array.ArrayImgs;

/** The table of many files' statistics: its columns (a contract of files.csv), rows and quoting. */
class StatisticsTableTest {

	@Test
	void theColumnsAreThoseOfFilesCsv() {
		final String statistics = "mean,median,variance,standarddev,skewness,kurtosis,minimum,maximum,count,nan_count," +
			"posinf_count,neginf_count,p1,p5,p25,p75,p95,p99";
		assertEquals(statistics, StatisticsTable.statisticsColumns());
		assertEquals("file,voxels," + statistics + "\n", StatisticsTable.header(false));
		assertEquals("file,group,voxels," + statistics + "\n", StatisticsTable.header(true));
	}

	@Test
	void aRowHoldsTheFileItsVoxelsAndItsStatistics() {
		// 1, 2, 3, 4 and a NaN: numpy and scipy give mean 2.5, median 2.5, variance 1.25, skewness 0,
		// kurtosis -1.36, percentiles 1.03, 1.15, 1.75, 3.25, 3.8499999999999996, 3.9699999999999998
		final Statistics s = new StatisticsCalculator().compute(ArrayImgs.doubles(new double[] { 4, 1, Double.NaN, 3,
			2 }, 5));
		assertEquals("scan.nii.gz,5,2.5,2.5,1.25," + Math.sqrt(1.25) + ",0.0,-1.36,1.0,4.0,4,1,0,0," +
			"1.03,1.15,1.75,3.25,3.8499999999999996,3.9699999999999998\n", StatisticsTable.row("scan.nii.gz", null, 5,
				StatisticsJson.of(s)));
		assertEquals("\"a,b.tif\",site 1,5,", StatisticsTable.row("a,b.tif", "site 1", 5, StatisticsJson.of(s))
			.substring(0, 19));
	}

	@Test
	void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
		assertEquals("plain.tif", StatisticsTable.field("plain.tif"));
		assertEquals("\"a,b\"", StatisticsTable.field("a,b"));
		assertEquals("\"say \"\"x\"\"\"", StatisticsTable.field("say \"x\""));
		assertEquals("\"two\nlines\"", StatisticsTable.field("two\nlines"));
		assertEquals("file,problem\n", StatisticsTable.UNREADABLE_HEADER);
		assertEquals("b.nii.gz,\"b.nii.gz: bad, very\"\n", StatisticsTable.unreadableRow("b.nii.gz", "b.nii.gz: bad, very"));
	}
}
