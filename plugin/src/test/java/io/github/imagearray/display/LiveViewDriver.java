package io.github.imagearray.display;

import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.process.ColorProcessor;
import io.github.imagearray.bridge.ImagePlusImgs;

/**
 * Drives the live orthogonal view in a running ImageJ with a robot: started by {@code LiveViewIT}
 * under Xvfb with the assembled ImageJ's jars, the plugins folder given as {@code plugins.dir}.
 * Prints one line per failed check and exits with 1 if any failed; writes screenshots of the
 * window beside its dialog and a scale-4 export into the directory given.
 * <p>
 * {@code java -Dplugins.dir=target/ImageJ -cp ... io.github.imagearray.display.LiveViewDriver DIR}
 */
public final class LiveViewDriver {

	private static final String COMMAND = "ImageArray Orthogonal Slices...";
	private static final int X = 40, Y = 30, Z = 20;

	private final List<String> failures = new ArrayList<>();
	private final long started = System.currentTimeMillis();
	private int checks;
	private final Robot robot;
	private final File out;

	private LiveViewDriver(final File out) throws Exception {
		this.out = out;
		robot = new Robot();
		robot.setAutoDelay(30);
	}

	public static void main(final String[] args) throws Exception {
		final LiveViewDriver driver = new LiveViewDriver(new File(args[0]));
		new ImageJ();
		try {
			driver.run();
		}
		catch (final Throwable t) {
			t.printStackTrace(System.out);
			driver.failures.add("the driver stopped: " + t);
		}
		for (final String f : driver.failures)
			System.out.println("FAIL " + f);
		if (!driver.failures.isEmpty() && IJ.getLog() != null) System.out.println("ImageJ's Log:\n" + IJ.getLog());
		System.out.println(driver.checks + " checks, " + driver.failures.size() + " failed");
		System.exit(driver.failures.isEmpty() ? 0 : 1);
	}

	private void check(final boolean ok, final String what) {
		checks++;
		System.out.println(String.format("%6d ms %s %s", System.currentTimeMillis() - started, ok ? "ok  " : "FAIL", what));
		if (!ok) failures.add(what);
	}

	/** Waits up to 5 s for the condition, on the robot's pace. */
	private boolean await(final BooleanSupplier condition) {
		for (int i = 0; i < 100; i++) {
			robot.waitForIdle();
			if (condition.getAsBoolean()) return true;
			robot.delay(50);
		}
		return false;
	}

	/** A volume whose voxels say where they are: v = x + 100 y + 10000 z; 0.5 x 0.5 x 2 mm voxels. */
	private static ImagePlus volume(final String title) {
		final ImageStack stack = new ImageStack(X, Y);
		for (int z = 0; z < Z; z++) {
			final float[] plane = new float[X * Y];
			for (int y = 0; y < Y; y++)
				for (int x = 0; x < X; x++)
					plane[x + X * y] = x + 100 * y + 10000 * z;
			stack.addSlice(null, plane);
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().pixelDepth = 2;
		imp.getCalibration().setUnit("mm");
		return imp;
	}

	/** @return an open view of {@code source} (any source for null), or null */
	private static OrthogonalView openView(final ImagePlus source) {
		final int[] ids = WindowManager.getIDList();
		if (ids == null) return null;
		for (final int id : ids) {
			final OrthogonalView view = OrthogonalView.of(WindowManager.getImage(id).getWindow());
			if (view != null && view.isOpen() && (source == null || view.source() == source)) return view;
		}
		return null;
	}

	/**
	 * A phantom for the screenshot: three ellipsoids of 200, 600 and 1000 in 64 x 64 x 32 voxels of
	 * 1 x 1 x 2 mm, with noise of 40.
	 */
	private static ImagePlus phantom() {
		final Random random = new Random(17);
		final ImageStack stack = new ImageStack(64, 64);
		final double[][] ellipsoids = { { 32, 32, 16, 28, 24, 14, 200 }, { 26, 30, 16, 10, 14, 8, 400 }, { 40, 36, 18, 6,
			6, 5, 400 } };
		for (int z = 0; z < 32; z++) {
			final float[] plane = new float[64 * 64];
			for (int y = 0; y < 64; y++)
				for (int x = 0; x < 64; x++) {
					double v = random.nextGaussian() * 40;
					for (final double[] e : ellipsoids) {
						final double dx = (x - e[0]) / e[3], dy = (y - e[1]) / e[4], dz = (z - e[2]) / e[5];
						if (dx * dx + dy * dy + dz * dz <= 1) v += e[6];
					}
					plane[x + 64 * y] = (float) v;
				}
			stack.addSlice(null, plane);
		}
		final ImagePlus imp = new ImagePlus("phantom", stack);
		imp.getCalibration().pixelDepth = 2;
		imp.getCalibration().setUnit("mm");
		return imp;
	}

	/** Waits until the view's window has stayed in one place for 300 ms (ImageJ may move a new one). */
	private void settle(final OrthogonalView view) {
		final ImageCanvas canvas = view.window().getCanvas();
		Point last = null;
		for (int still = 0, i = 0; still < 3 && i < 50; i++) {
			robot.waitForIdle();
			robot.delay(100);
			final Point now = canvas.isShowing() ? canvas.getLocationOnScreen() : null;
			still = now != null && now.equals(last) ? still + 1 : 0;
			last = now;
		}
	}

	/** @return the screen point of figure pixel (x, y) at scale 1, once the window has stopped moving */
	private Point onScreen(final OrthogonalView view, final double x, final double y) {
		settle(view);
		final ImageCanvas canvas = view.window().getCanvas();
		final Point at = canvas.getLocationOnScreen();
		final Rectangle source = canvas.getSrcRect();
		final double zoom = canvas.getMagnification();
		return new Point(at.x + (int) Math.round((x - source.x) * zoom), at.y + (int) Math.round((y - source.y) * zoom));
	}

	/** @return the figure point of the centre of the voxel at (across, up) of a panel */
	private static double[] centre(final SliceFigure.Panel panel, final long across, final long up) {
		return new double[] { panel.centreAcross(across), panel.centreUp(up) };
	}

	private void clickAt(final Point p) {
		robot.mouseMove(p.x, p.y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
	}

	/**
	 * Puts the window where no other one lies (below ImageJ's bar, left of the dialog) and waits
	 * until it stays there: without a window manager nothing else arranges the windows.
	 */
	private void place(final OrthogonalView view, final int x, final int y) {
		onEventThread(() -> view.window().setLocation(x, y));
		settle(view);
	}

	/** @return where a click goes, for messages */
	private static String where(final OrthogonalView view, final Point click) {
		return " (clicked at " + click.x + "," + click.y + "; canvas at " + view.window().getCanvas().getLocationOnScreen()
			+ ", zoom " + view.window().getCanvas().getMagnification() + ")";
	}

	/** Runs on the event thread and waits. */
	private static void onEventThread(final Runnable r) {
		try {
			EventQueue.invokeAndWait(r);
		}
		catch (final Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether the window shows exactly what the style draws at its position now. */
	private static boolean showsCurrentVolume(final OrthogonalView view, final ImagePlus source) {
		final int[] shown = (int[]) view.figure().getProcessor().getPixels();
		final int[] fresh = (int[]) view.style().render(ImagePlusImgs.wrap(source), source.getTitle(), view.position())
			.getProcessor().getPixels();
		return Arrays.equals(shown, fresh);
	}

	private void run() throws Exception {
		final ImagePlus source = volume("volume");
		source.show();
		IJ.run(source, COMMAND, "x=10 y=5 z=3");
		final OrthogonalView view = openView(null);
		check(view != null, "the command opens a live view");
		if (view == null) return;
		check(Arrays.equals(new long[] { 10, 5, 3 }, view.position()), "the view starts at x=10 y=5 z=3: " + Arrays
			.toString(view.position()));
		check(await(() -> source.getZ() == 4), "the stack shows slice z=3 (4th): " + source.getZ());
		final SliceFigure.Layout layout = view.style().layout(ImagePlusImgs.wrap(source));
		place(view, 0, 200);

		// a click in each panel moves the other two slices to the voxel clicked, the panel's own stays
		final long[][] targets = { { 7, 12 }, { 33, 2 }, { 4, 25 } };
		for (int p = 0; p < 3; p++) {
			final SliceFigure.Panel panel = layout.panels[p];
			final long[] before = view.position();
			final long[] wanted = before.clone();
			wanted[panel.axes[0]] = targets[p][0];
			wanted[panel.axes[1]] = targets[p][1];
			final double[] c = centre(panel, targets[p][0], targets[p][1]);
			final Point click = onScreen(view, c[0], c[1]);
			clickAt(click);
			check(await(() -> Arrays.equals(wanted, view.position())), "a click in panel " + p + " moves to " + Arrays
				.toString(wanted) + ": " + Arrays.toString(view.position()) + where(view, click));
			check(showsCurrentVolume(view, source), "panel " + p + ": the window is redrawn at the new position");
			check(await(() -> source.getZ() == view.position()[2] + 1), "the stack's slice follows z after panel " + p);
			// the redrawn pixels: the vertical slice line of this panel now runs through the clicked column
			final int line = SliceFigure.AXIS_COLORS[panel.axes[0]].getRGB() & 0xffffff;
			final ColorProcessor cp = (ColorProcessor) view.figure().getProcessor();
			final int column = (int) Math.floor(c[0]);
			check((cp.get(column, panel.top + 2) & 0xffffff) == line || (cp.get(column - 1, panel.top + 2) &
				0xffffff) == line, "panel " + p + ": the line of the axis across runs at the clicked column");
		}

		// the status line names the voxel under the cursor and its value
		final SliceFigure.Panel zPanel = layout.panels[2];
		final long[] at = view.position();
		final double[] hover = centre(zPanel, 21, 17);
		final Point hoverPoint = onScreen(view, hover[0], hover[1]);
		robot.mouseMove(hoverPoint.x, hoverPoint.y);
		final String expected = "x=21 (" + IJ.d2s(10.5, 4, 9) + " mm), y=17 (" + IJ.d2s(8.5, 4, 9) + " mm), z=" + at[2] +
			" (" + IJ.d2s(2.0 * at[2], 4, 9) + " mm), value=" + IJ.d2s(21 + 100 * 17 + 10000 * at[2], 4, 9);
		check(await(() -> expected.equals(ImageJ.getStatusBarText())), "status '" + ImageJ.getStatusBarText() +
			"', wanted '" + expected + "'");

		// the wheel over the z panel and the arrow keys step its slice
		robot.mouseWheel(-1);
		check(await(() -> view.position()[2] == at[2] + 1), "the wheel up moves z by one: " + view.position()[2]);
		robot.mouseWheel(2);
		check(await(() -> view.position()[2] == at[2] - 1), "the wheel down twice moves z back: " + view.position()[2]);
		final long[] beforeKeys = view.position();
		robot.keyPress(KeyEvent.VK_UP);
		robot.keyRelease(KeyEvent.VK_UP);
		check(await(() -> view.position()[2] == beforeKeys[2] + 1), "the up arrow steps z: " + view.position()[2]);
		robot.keyPress(KeyEvent.VK_PAGE_DOWN);
		robot.keyRelease(KeyEvent.VK_PAGE_DOWN);
		check(await(() -> view.position()[2] == Math.max(0, beforeKeys[2] + 1 - 10)), "page down steps z by 10: " +
			view.position()[2]);
		check(await(() -> source.getZ() == view.position()[2] + 1), "the stack follows the keys");

		// the stack changes: its pixels are read again, never a stale copy
		((float[]) source.getStack().getPixels((int) view.position()[2] + 1))[0] = -1e6f;
		source.updateAndDraw();
		check(await(() -> showsCurrentVolume(view, source)), "the window shows the stack's changed pixels");
		// the stack's own slice moves the view's z
		source.setSlice(12);
		check(await(() -> view.position()[2] == 11), "the view follows the stack's slice: " + view.position()[2]);

		final ImagePlus phantom = phantom();
		phantom.show();
		dialogBesideTheWindow(phantom);
		final File print = new File(out, "phantom-scale-4.png");
		IJ.run(phantom, COMMAND, "x=32 y=32 z=16 scale=4 scale_bar export=[" + print + "]");
		check(print.isFile(), "the phantom is exported at scale 4");
		phantom.changes = false;
		phantom.close();
		exportAtScaleFour(source);

		// the window closes with its stack and keeps nothing of it
		source.changes = false;
		source.close();
		check(await(() -> !view.isOpen() && openView(null) == null), "the windows close with their stacks");
		check(!ImagePlus.getListeners().contains(view), "the closed view listens no more");
		check(view.window() == null, "the closed view holds no window");
	}

	/** Run as from the menu: the dialog opens beside the window, and each follows the other. */
	private void dialogBesideTheWindow(final ImagePlus source) throws Exception {
		WindowManager.setCurrentWindow(source.getWindow());
		source.getWindow().toFront();
		IJ.doCommand(COMMAND);
		final Dialog[] dialog = new Dialog[1];
		check(await(() -> (dialog[0] = dialog()) != null && openView(source) != null), "the dialog and a view open");
		if (dialog[0] == null || openView(source) == null) return;
		final OrthogonalView view = openView(source);
		settle(view);
		// the window moved where nothing else lies: the dialog follows it
		place(view, 0, 200);
		final Rectangle window = view.window().getBounds();
		check(await(() -> dialog[0].isShowing()), "the dialog is shown");
		final Rectangle box = dialog[0].getBounds();
		check(!box.intersects(window), "the dialog " + box + " sits beside the window " + window + ", not over it");
		robot.delay(300);
		ImageIO.write(robot.createScreenCapture(window.union(box)), "png", new File(out, "live-view.png"));
		// a click in the window moves the dialog's sliders
		final SliceFigure.Panel zPanel = view.style().layout(ImagePlusImgs.wrap(source)).panels[2];
		final double[] c = centre(zPanel, 30, 8);
		final Point click = onScreen(view, c[0], c[1]);
		clickAt(click);
		final List<TextField> fields = textFields(dialog[0]);
		check(await(() -> fields.get(0).getText().equals("30") && fields.get(1).getText().equals("8")),
			"the dialog's x and y follow the click: " + fields.get(0).getText() + ", " + fields.get(1).getText() + where(
				view, click));
		// and the dialog's field moves the window
		fields.get(2).setText("9");
		check(await(() -> view.position()[2] == 9), "the dialog's z moves the window: " + view.position()[2]);
		final Button ok = button(dialog[0], "OK");
		final Point okAt = ok.getLocationOnScreen();
		clickAt(new Point(okAt.x + ok.getWidth() / 2, okAt.y + ok.getHeight() / 2));
		check(await(() -> !dialog[0].isShowing()), "OK closes the dialog");
		check(await(() -> view.isOpen() && Arrays.equals(new long[] { 30, 8, 9 }, view.position())),
			"after OK the window stays live at 30, 8, 9: " + Arrays.toString(view.position()));
		check(await(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().contains(
			"Orthogonal Slices"))), "the command's thread ends");
	}

	private static Dialog dialog() {
		for (final Window w : Window.getWindows())
			if (w instanceof Dialog && w.isShowing() && COMMAND.replace("...", "").equals(((Dialog) w).getTitle()))
				return (Dialog) w;
		return null;
	}

	private static List<TextField> textFields(final Container c) {
		final List<TextField> found = new ArrayList<>();
		for (final Component child : c.getComponents()) {
			if (child instanceof TextField) found.add((TextField) child);
			else if (child instanceof Container) found.addAll(textFields((Container) child));
		}
		return found;
	}

	private static Button button(final Container c, final String label) {
		for (final Component child : c.getComponents()) {
			if (child instanceof Button && label.equals(((Button) child).getLabel().trim())) return (Button) child;
			if (child instanceof Container) {
				final Button b = button((Container) child, label);
				if (b != null) return b;
			}
		}
		return null;
	}

	/** A macro export at scale 4: four times the window's size, lines 6 pixels wide in their colour. */
	private void exportAtScaleFour(final ImagePlus source) throws Exception {
		final File png = new File(out, "slices-scale-4.png");
		IJ.run(source, COMMAND, "x=20 y=15 z=10 scale=4 scale_bar export=[" + png + "]");
		check(png.isFile(), "the macro exports " + png);
		if (!png.isFile()) return;
		final BufferedImage image = ImageIO.read(png);
		final SliceFigure style = new SliceFigure().voxelSize(0.5, 0.5, 2).unit("mm");
		final SliceFigure.Layout layout = style.layout(ImagePlusImgs.wrap(source));
		check(image.getWidth() == 4 * layout.width && image.getHeight() == 4 * layout.height, "the export is " + image
			.getWidth() + " x " + image.getHeight() + ", four times " + layout.width + " x " + layout.height);
		// the z-slice's vertical line at x = 20: 6 pixels of the x colour at 4 times its centre
		final SliceFigure.Panel zPanel = layout.panels[2];
		final int centre = (int) Math.round(4 * zPanel.centreAcross(20));
		final int x = SliceFigure.AXIS_COLORS[0].getRGB() & 0xffffff;
		boolean crisp = true;
		for (int dx = -3; dx < 3; dx++)
			crisp &= (image.getRGB(centre + dx, 4 * zPanel.top + 4) & 0xffffff) == x;
		check(crisp, "the line at scale 4 is 6 pixels of its colour");
		check((image.getRGB(centre - 4, 4 * zPanel.top + 4) & 0xffffff) != x && (image.getRGB(centre + 3, 4 *
			zPanel.top + 4) & 0xffffff) != x, "and no wider");
		// scale_bar: a black bar under the z-slice, ending at its right edge
		final int barRow = 4 * (zPanel.top + zPanel.height + 8) + 8;
		final int right = 4 * (zPanel.left + zPanel.width);
		check((image.getRGB(right - 2, barRow) & 0xffffff) == 0 && (image.getRGB(right + 2, barRow) & 0xffffff) ==
			0xffffff, "the scale bar ends at the z-slice's right edge");
	}
}
