package io.github.imagearray.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.imagearray.io.ImageFiles;
import io.github.imagearray.io.MetaElementType;
import io.github.imagearray.stats.StatisticsCalculator;

/**
 * The application on a real standalone cluster: a master and two workers on 127.0.0.1, started from
 * a Spark distribution's jars (target/spark-home, which the build fills), the application jar shipped
 * to their executors. A 2 GiB volume is measured while one worker is killed during the first pass,
 * and a dataset of 100 files is pooled; both give what one machine gives. Everything started is
 * stopped. The documented spark-submit command line is run too, in local mode.
 */
class ClusterIT {

	private static final Path SPARK_HOME = Paths.get(System.getProperty("imagearray.sparkHome"));
	private static final String APPLICATION = System.getProperty("imagearray.applicationJar");
	private static final List<String> JVM_OPTIONS = Arrays.asList(System.getProperty("imagearray.jvmOptions").trim()
		.split("\\s+"));

	@TempDir
	static Path dir;

	private static final List<Process> started = new ArrayList<>();
	private static String master;
	private static Process doomedWorker;

	@BeforeAll
	static void startCluster() throws Exception {
		final int port = freePort();
		master = "spark://127.0.0.1:" + port;
		final Path masterLog = dir.resolve("master.log");
		started.add(daemon(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String
			.valueOf(port), "--webui-port", String.valueOf(freePort())));
		awaitLine(masterLog, "I have been elected leader", 1);
		for (int w = 1; w <= 2; w++) {
			final Path work = Files.createDirectories(dir.resolve("worker" + w));
			final Process worker = daemon(dir.resolve("worker" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
				"--host", "127.0.0.1", "--cores", "1", "--memory", "1200m", "--webui-port", String.valueOf(freePort()),
				"--work-dir", work.toString(), master);
			started.add(worker);
			doomedWorker = worker;
		}
		awaitLine(masterLog, "Registering worker", 2);
	}

	@AfterAll
	static void stopCluster() throws InterruptedException {
		for (final Process p : started) {
			// a worker's executors are its children; SIGTERM lets the worker stop them itself
			final List<ProcessHandle> children = new ArrayList<>();
			p.descendants().forEach(children::add);
			p.destroy();
			if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
			for (final ProcessHandle child : children) {
				child.destroyForcibly();
				child.onExit().join();
			}
		}
		for (final Process p : started)
			assertTrue(!p.isAlive() && p.descendants().count() == 0, "left running: " + p);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Starts a Spark daemon from the distribution's jars, its output in {@code log}. */
	private static Process daemon(final Path log, final String mainClass, final String... args) throws IOException {
		final List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.addAll(JVM_OPTIONS);
		command.add("-cp");
		command.add(SPARK_HOME.resolve("jars") + File.separator + "*");
		command.add(mainClass);
		command.addAll(Arrays.asList(args));
		final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SPARK_HOME", SPARK_HOME.toString());
		builder.environment().put("SPARK_SCALA_VERSION", "2.12");
		builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
		return builder.start();
	}

	private static void awaitLine(final Path log, final String text, final int times) throws Exception {
		final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < end) {
			final String content = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
			if (content.split(text, -1).length - 1 >= times) return;
			Thread.sleep(200);
		}
		throw new AssertionError("no '" + text + "' in " + log + ":\n" + new String(Files.readAllBytes(log),
			StandardCharsets.UTF_8));
	}

	private static JavaSparkContext connect(final String name) {
		return new JavaSparkContext(new SparkConf().setMaster(master).setAppName(name).setJars(new String[] {
			APPLICATION }).set("spark.executor.memory", "900m").set("spark.driver.host", "127.0.0.1").set(
				"spark.ui.enabled", "false").set("spark.executor.extraJavaOptions", String.join(" ", JVM_OPTIONS)));
	}

	/** Writes a float32 MetaImage of 1024 x 1024 x {@code depth} voxels, 4 MiB a plane, and returns it. */
	private static Path bigVolume(final int depth) throws IOException {
		final Path raw = dir.resolve("big.raw");
		final SplittableRandom random = new SplittableRandom(15);
		try (FileChannel channel = new RandomAccessFile(raw.toFile(), "rw").getChannel()) {
			final ByteBuffer plane = ByteBuffer.allocate(4 << 20).order(ByteOrder.LITTLE_ENDIAN);
			for (int z = 0; z < depth; z++) {
				plane.clear();
				while (plane.hasRemaining()) {
					final int r = random.nextInt(1 << 20);
					// CT-like: air, tissue, a few NaN
					plane.putFloat(r == 7 ? Float.NaN : r < 400_000 ? -1000f + r % 3 : (float) (r / 1000.0 - 600));
				}
				plane.flip();
				while (plane.hasRemaining())
					channel.write(plane);
			}
		}
		final Path mhd = dir.resolve("big.mhd");
		Files.write(mhd, ("ObjectType = Image\nNDims = 3\nDimSize = 1024 1024 " + depth +
			"\nElementType = MET_FLOAT\nBinaryDataByteOrderMSB = False\nElementDataFile = big.raw\n").getBytes(
				StandardCharsets.US_ASCII));
		return mhd;
	}

	@Test
	void aVolumeOf2GiBIsMeasuredExactlyWhileAWorkerIsKilled() throws Exception {
		final Path volume = bigVolume(512);
		assertEquals(2L << 30, Files.size(dir.resolve("big.raw")));
		final String expected = SparkRuns.stats(volume);
		final AtomicInteger tasksDone = new AtomicInteger(), jobs = new AtomicInteger();
		final AtomicBoolean killedInFirstPass = new AtomicBoolean(), executorLost = new AtomicBoolean();
		try (JavaSparkContext spark = connect("ClusterIT volume")) {
			spark.sc().addSparkListener(new SparkListener() {

				@Override
				public void onJobStart(final SparkListenerJobStart job) {
					jobs.incrementAndGet();
				}

				@Override
				public void onTaskEnd(final SparkListenerTaskEnd task) {
					// the first pass is the first job, of 32 tasks spread over both workers
					if (tasksDone.incrementAndGet() == 3 && jobs.get() == 1) {
						killedInFirstPass.set(true);
						doomedWorker.destroyForcibly();
					}
				}

				@Override
				public void onExecutorRemoved(final SparkListenerExecutorRemoved removed) {
					executorLost.set(true);
				}
			});
			final SparkRuns.Run run = SparkRuns.run(spark, "volume", volume.toString(), "--partitions", "32");
			assertEquals(0, run.status, run.toString());
			assertEquals(expected, run.out);
			assertTrue(killedInFirstPass.get(), "a worker killed in the first pass");
			// the listener hears of the lost executor asynchronously
			for (int wait = 0; wait < 600 && !executorLost.get(); wait++)
				Thread.sleep(100);
			assertTrue(executorLost.get(), "its executor lost");
		}
		assertTrue(!doomedWorker.isAlive());
	}

	@Test
	void aDatasetOf100FilesIsPooledExactly() throws Exception {
		final Path data = Files.createDirectories(dir.resolve("dataset"));
		final List<Double> all = new ArrayList<>();
		for (int k = 0; k < 100; k++) {
			final double[] v = SparkRuns.values(MetaElementType.MET_FLOAT, 16 * 16 * 8, 500 + k);
			for (int i = 0; i < v.length; i++) {
				v[i] = (float) v[i];
				all.add(v[i]);
			}
			SparkRuns.metaImage(data, String.format("vol%03d", k), MetaElementType.MET_FLOAT, "16 16 8", v);
		}
		final Path concatenated = SparkRuns.metaImage(Files.createDirectories(dir.resolve("all")), "all",
			MetaElementType.MET_FLOAT, "16 16 800", all.stream().mapToDouble(Double::doubleValue).toArray());
		final Path out = Files.createDirectories(dir.resolve("out"));
		try (JavaSparkContext spark = connect("ClusterIT dataset")) {
			final SparkRuns.Run run = SparkRuns.run(spark, "dataset", data.toString(), "--out", out.toString());
			assertEquals(0, run.status, run.toString());
		}
		final String stats = SparkRuns.stats(concatenated);
		assertEquals("{\"files\": 100, \"voxels\": 204800, " + stats.substring(1), new String(Files.readAllBytes(out
			.resolve("pooled.json")), StandardCharsets.UTF_8));
		assertEquals(101, Files.readAllLines(out.resolve("files.csv")).size());
	}

	@Test
	void theDocumentedSparkSubmitCommandPrintsTheJsonOfStats() throws Exception {
		final Path file = SparkRuns.metaImage(Files.createDirectories(dir.resolve("submit")), "ct", MetaElementType
			.MET_SHORT, "64 64 32", SparkRuns.values(MetaElementType.MET_SHORT, 64 * 64 * 32, 77));
		final Submitted ok = submit("volume", file.toString(), "--bins", "100");
		assertEquals(0, ok.status, ok.err);
		assertEquals(SparkRuns.json(new StatisticsCalculator().bins(100).compute(ImageFiles.open(file))), ok.out);
		final Submitted missing = submit("volume", file.resolveSibling("none.mhd").toString());
		assertEquals(1, missing.status, missing.err);
		assertEquals("", missing.out);
		assertTrue(missing.err.contains("imagearray: File not found: " + file.resolveSibling("none.mhd")), missing.err);
	}

	/** What spark-submit printed. */
	private static final class Submitted {

		int status;
		String out;
		String err;
	}

	/** Runs spark-submit --master local[2] --class ... imagearray-spark.jar ARGS, as the README says. */
	private static Submitted submit(final String... args) throws Exception {
		final List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add("-cp");
		command.add(SPARK_HOME.resolve("jars") + File.separator + "*");
		// what the spark-submit script runs
		command.add("org.apache.spark.deploy.SparkSubmit");
		command.addAll(Arrays.asList("--master", "local[2]", "--class", ImageArraySpark.class.getName(), APPLICATION));
		command.addAll(Arrays.asList(args));
		final Path out = Files.createTempFile(dir, "submit", ".out"), err = Files.createTempFile(dir, "submit", ".err");
		final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err
			.toFile());
		builder.environment().put("SPARK_HOME", SPARK_HOME.toString());
		final Process p = builder.start();
		if (!p.waitFor(3, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("spark-submit did not end");
		}
		final Submitted s = new Submitted();
		s.status = p.exitValue();
		s.out = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
		s.err = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
		return s;
	}
}
