package io.github.imagearray;

import java.io.IOException;

/**
 * A piece of work that may meet a file it cannot read or write: what the command line, the Spark
 * application and the plugin's commands run and turn a failure of into one line for the user.
 * <p>
 * {@code IORunnable work = () -> StatisticsCsv.write(dir, "ct.csv", s); work.run();}
 */
@FunctionalInterface
public interface IORunnable {

	/** @throws IOException for a file that cannot be read or written */
	void run() throws IOException;
}
