package io.github.imagearray.display;

import java.awt.EventQueue;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelListener;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.function.Consumer;

import javax.swing.Timer;

import ij.IJ;
import ij.ImageJ;
import ij.ImageListener;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import ij.gui.Toolbar;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import io.github.imagearray.bridge.ImagePlusImgs;
import io.github.imagearray.slices.Axis;
import io.github.imagearray.slices.OrthogonalSlices;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * The live window of vIQA's orthogonal slices of an ImageJ stack: a click (or drag) in a panel moves
 * the other two slices to that point, the mouse wheel and the arrow keys move the slice of the panel
 * under the mouse (Page Up and Down by ten), the status bar shows x, y and z (index and calibrated
 * position) and the stack's value under the cursor, and the stack's current slice follows z. The
 * panels are drawn from the stack at every change (also when the stack's pixels or its current
 * slice change), never from a copy. The window closes with its stack and then holds nothing of it.
 * The zoom tools and Ctrl with the wheel zoom the window as in any ImageJ window.
 * <p>
 * {@code OrthogonalView view = OrthogonalView.show(imp, new SliceFigure().voxelSize(1, 1, 2), 64, 64, -1);}
 */
public final class OrthogonalView implements ImageListener {

	private static final int PAGE = 10;
	/** How long after its stack closes the window closes, unless something else closed it. */
	private static final int CLOSE_DELAY_MS = 300;

	/** The stack shown; null once the view is closed. */
	private ImagePlus source;
	private SliceFigure style;
	private RandomAccessibleInterval<? extends RealType<?>> volume;
	private SliceFigure.Layout layout;
	/** The stack's x, y and z sizes the layout is for. */
	private long[] dimensions;
	private final long[] position = new long[3];
	private final ImagePlus figure;
	private ImageWindow window;
	/** The panel under the mouse or clicked last: the one the wheel and arrow keys move. */
	private int activePanel = 2;
	private Consumer<long[]> moved = p -> {};
	/** Slice changes of the source made by this view, whose (later) update events are its own. */
	private int ownSliceChanges;

	private OrthogonalView(final ImagePlus source, final SliceFigure style, final long[] slices) {
		this.source = source;
		this.style = style;
		volume = ImagePlusImgs.wrap(source);
		requireStack(volume);
		layout = style.layout(volume);
		dimensions = Intervals.dimensionsAsLongArray(volume);
		System.arraycopy(OrthogonalSlices.of(volume, slices).position(), 0, position, 0, 3);
		figure = style.render(volume, source.getTitle(), position);
	}

	/**
	 * @throws IllegalArgumentException for a 2D image, whose figure would ignore the slices: the
	 *           window and the exports of the menu command refuse it alike
	 */
	public static void requireStack(final RandomAccessibleInterval<?> volume) {
		if (volume.numDimensions() != 3) throw new IllegalArgumentException(
			"The image is 2D; orthogonal slices need a stack.");
	}

	/**
	 * Opens the window (there must be a display).
	 *
	 * @param slices the x, y and z to start at (negative: from the end)
	 * @throws IllegalArgumentException for a 2D or RGB image and slices out of range
	 */
	public static OrthogonalView show(final ImagePlus source, final SliceFigure style, final long... slices) {
		final OrthogonalView view = new OrthogonalView(source, style, slices);
		view.window = new ImageWindow(view.figure, view.new ViewCanvas());
		view.listenToKeysAndWheel();
		ImagePlus.addImageListener(view);
		view.followInSource();
		return view;
	}

	/** @return the view shown in {@code window}, or null when it shows something else */
	public static OrthogonalView of(final ImageWindow window) {
		return window != null && window.getCanvas() instanceof ViewCanvas ? ((ViewCanvas) window.getCanvas()).view()
			: null;
	}

	/** @return the 0-based x, y and z shown */
	public long[] position() {
		return position.clone();
	}

	/** @return the stack shown, null once closed */
	public ImagePlus source() {
		return source;
	}

	/** @return the figure the window shows (redrawn in place) */
	public ImagePlus figure() {
		return figure;
	}

	/** @return the window, null once closed */
	public ImageWindow window() {
		return window;
	}

	/** @return whether the window is still open */
	public boolean isOpen() {
		return source != null;
	}

	/** @param listener told the new x, y and z whenever the slices move, by any means */
	public void onMove(final Consumer<long[]> listener) {
		moved = listener;
	}

	/**
	 * Moves to these slices (negative: from the end) and redraws.
	 *
	 * @throws IllegalArgumentException for an index out of range, naming it
	 */
	public void moveTo(final long... slices) {
		if (!EventQueue.isDispatchThread()) onEventThread(() -> update(style, slices));
		else update(style, slices);
	}

	/**
	 * Draws with a style (contrast, LUT, voxel size) at these slices (negative: from the end), in one
	 * redraw.
	 *
	 * @throws IllegalArgumentException for an index out of range, naming it
	 */
	public void update(final SliceFigure newStyle, final long... slices) {
		if (!EventQueue.isDispatchThread()) {
			onEventThread(() -> update(newStyle, slices));
			return;
		}
		if (!isOpen()) return;
		final long[] to = OrthogonalSlices.of(volume, slices).position();
		final boolean moves = !Arrays.equals(to, position);
		if (newStyle == style && !moves) return;
		if (newStyle != style) {
			style = newStyle;
			layout = style.layout(volume);
		}
		System.arraycopy(to, 0, position, 0, 3);
		redraw();
		if (!moves) return;
		followInSource();
		moved.accept(position());
	}

	/** @return the style drawn with */
	public SliceFigure style() {
		return style;
	}

	/** Moves the slice along {@code axis} by {@code delta}, stopping at the first and last. */
	public void step(final int axis, final long delta) {
		final long[] to = position();
		to[axis] = Math.max(0, Math.min(volume.dimension(axis) - 1, to[axis] + delta));
		moveTo(to);
	}

	/**
	 * What a click at figure pixel (x, y) does: in a panel, the two axes it shows move to the voxel
	 * there; elsewhere nothing.
	 */
	public void click(final double x, final double y) {
		final int p = layout.panelAt(x, y);
		if (p < 0) return;
		activePanel = p;
		final SliceFigure.Panel panel = layout.panels[p];
		final long[] to = position();
		to[panel.axes[0]] = panel.voxelAcross(x);
		to[panel.axes[1]] = panel.voxelUp(y);
		moveTo(to);
	}

	/**
	 * @return the status line for figure pixel (x, y): x, y and z with their calibrated positions
	 *         and the stack's value there (calibrated, with the stored value in parentheses, where the
	 *         stack has a calibration function, as ImageJ's status line), or null outside the panels
	 */
	public String status(final double x, final double y) {
		final int p = layout.panelAt(x, y);
		if (p < 0 || !isOpen()) return null;
		final SliceFigure.Panel panel = layout.panels[p];
		final long[] at = position();
		at[panel.axes[0]] = panel.voxelAcross(x);
		at[panel.axes[1]] = panel.voxelUp(y);
		final RandomAccess<? extends RealType<?>> access = volume.randomAccess();
		access.setPosition(at);
		final RealType<?> value = access.get();
		final Calibration c = source.getCalibration();
		final double[] calibrated = { c.getX(at[0]), c.getY(at[1], source.getHeight()), c.getZ(at[2]) };
		final StringBuilder line = new StringBuilder();
		for (int d = 0; d < 3; d++) {
			line.append(Axis.of(d).label()).append('=').append(at[d]);
			if (c.scaled()) line.append(" (").append(IJ.d2s(calibrated[d], 4, 9)).append(' ').append(c.getUnit()).append(
				')');
			line.append(", ");
		}
		if (!(value instanceof IntegerType)) return line.append("value=").append(IJ.d2s(value.getRealDouble(), 4, 9))
			.toString();
		final long stored = ((IntegerType<?>) value).getIntegerLong();
		if (!c.calibrated()) return line.append("value=").append(stored).toString();
		final double shown = c.getCValue((int) stored);
		return line.append("value=").append(shown == Math.rint(shown) ? Long.toString((long) shown) : IJ
			.d2s(shown, 4, 9)).append(" (").append(stored).append(')').toString();
	}

	/**
	 * Runs a change on the event thread, where the window's clicks, keys and ImageJ's news of the
	 * stack arrive too, and waits for it: one change at a time, also from a plugin's or macro's thread.
	 *
	 * @throws IllegalArgumentException as the change throws it
	 */
	private static void onEventThread(final Runnable change) {
		try {
			EventQueue.invokeAndWait(change);
		}
		catch (final InvocationTargetException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw new IllegalStateException(e.getCause());
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Closes the window; the stack stays open. */
	public void close() {
		if (window != null) window.close();
		dispose();
	}

	@Override
	public void imageOpened(final ImagePlus imp) {
	}

	@Override
	public void imageClosed(final ImagePlus imp) {
		if (imp == source) {
			// a macro's close("*") may be closing this window too: two threads disposing one window can
			// hang the one that waits for the event thread, so close it a moment later, if still open
			final ImageWindow shown = window;
			dispose();
			final Timer later = new Timer(CLOSE_DELAY_MS, e -> {
				if (shown != null && !shown.isClosed() && shown.isDisplayable()) shown.close();
			});
			later.setRepeats(false);
			later.start();
		}
		else if (imp == figure) dispose();
	}

	@Override
	public void imageUpdated(final ImagePlus imp) {
		if (imp != source) return;
		final long z = source.getZ() - 1;
		if (ownSliceChanges > 0 && z == position[2]) {
			ownSliceChanges--;
			return;
		}
		// the stack changed: its pixels, its size or its current slice
		volume = ImagePlusImgs.wrap(source);
		if (volume.numDimensions() != 3) {
			close();
			return;
		}
		if (!Arrays.equals(Intervals.dimensionsAsLongArray(volume), dimensions)) {
			dimensions = Intervals.dimensionsAsLongArray(volume);
			layout = style.layout(volume);
		}
		final long[] to = position();
		for (int d = 0; d < 3; d++)
			to[d] = Math.min(to[d], volume.dimension(d) - 1);
		to[2] = Math.max(0, Math.min(z, volume.dimension(2) - 1));
		System.arraycopy(to, 0, position, 0, 3);
		redraw();
		moved.accept(position());
	}

	/** Forgets the stack: removes the listener and every reference to its pixels. */
	private void dispose() {
		// later: ImageJ tells its listeners by index, and one removed now would skip the next
		EventQueue.invokeLater(() -> ImagePlus.removeImageListener(this));
		source = null;
		volume = null;
		window = null;
		moved = p -> {};
	}

	private void redraw() {
		final ImagePlus drawn = style.render(volume, source.getTitle(), position);
		final ImageProcessor shown = figure.getProcessor();
		// the same size: into the pixels shown (a new processor would let ImageJ place the window anew)
		if (shown.getWidth() == drawn.getWidth() && shown.getHeight() == drawn.getHeight()) {
			System.arraycopy(drawn.getProcessor().getPixels(), 0, shown.getPixels(), 0, shown.getPixelCount());
			figure.updateAndDraw();
		}
		else figure.setProcessor(drawn.getProcessor());
		figure.setTitle(drawn.getTitle());
	}

	/** Shows the slice at z in the source stack, in its own channel and frame. */
	private void followInSource() {
		if (source.getZ() == position[2] + 1) return;
		ownSliceChanges++;
		source.setPosition(source.getC(), (int) position[2] + 1, source.getT());
	}

	/**
	 * Arrow keys and Page Up/Down move the active panel's slice, other keys go to ImageJ as usual; the
	 * wheel steps the slice of the panel under the mouse, with Ctrl it zooms.
	 */
	private void listenToKeysAndWheel() {
		final ImageJ ij = IJ.getInstance();
		final ImageCanvas canvas = window.getCanvas();
		if (ij != null) {
			canvas.removeKeyListener(ij);
			window.removeKeyListener(ij);
		}
		final KeyListener keys = new KeyListener() {

			@Override
			public void keyPressed(final KeyEvent e) {
				final int step = step(e.getKeyCode());
				if (step != 0 && !e.isControlDown() && !e.isMetaDown()) {
					step(activePanel, step);
					e.consume();
				}
				else if (ij != null) ij.keyPressed(e);
			}

			@Override
			public void keyReleased(final KeyEvent e) {
				if (ij != null) ij.keyReleased(e);
			}

			@Override
			public void keyTyped(final KeyEvent e) {
				if (ij != null && step(e.getKeyCode()) == 0) ij.keyTyped(e);
			}
		};
		canvas.addKeyListener(keys);
		window.addKeyListener(keys);
		for (final MouseWheelListener l : window.getMouseWheelListeners())
			window.removeMouseWheelListener(l);
		for (final MouseWheelListener l : canvas.getMouseWheelListeners())
			canvas.removeMouseWheelListener(l);
		final MouseWheelListener wheel = e -> {
			if (e.isControlDown() || e.isMetaDown()) {
				window.mouseWheelMoved(e);
				return;
			}
			final int p = layout.panelAt(canvas.offScreenXD(e.getX()), canvas.offScreenYD(e.getY()));
			if (p >= 0) activePanel = p;
			step(activePanel, -e.getWheelRotation());
		};
		canvas.addMouseWheelListener(wheel);
	}

	private static int step(final int keyCode) {
		switch (keyCode) {
			case KeyEvent.VK_UP:
			case KeyEvent.VK_RIGHT:
				return 1;
			case KeyEvent.VK_DOWN:
			case KeyEvent.VK_LEFT:
				return -1;
			case KeyEvent.VK_PAGE_UP:
				return PAGE;
			case KeyEvent.VK_PAGE_DOWN:
				return -PAGE;
			default:
				return 0;
		}
	}

	/** The canvas: clicks and drags move the slices unless a zoom tool is chosen. */
	private final class ViewCanvas extends ImageCanvas {

		private static final long serialVersionUID = 1L;

		ViewCanvas() {
			super(figure);
		}

		OrthogonalView view() {
			return OrthogonalView.this;
		}

		private boolean zooming(final MouseEvent e) {
			final int tool = Toolbar.getToolId();
			return tool == Toolbar.MAGNIFIER || tool == Toolbar.HAND || IJ.spaceBarDown() || e.isPopupTrigger();
		}

		@Override
		public void mousePressed(final MouseEvent e) {
			if (zooming(e)) super.mousePressed(e);
			else {
				// the arrow keys then go to this window
				requestFocus();
				click(offScreenXD(e.getX()), offScreenYD(e.getY()));
			}
		}

		@Override
		public void mouseDragged(final MouseEvent e) {
			if (zooming(e)) super.mouseDragged(e);
			else click(offScreenXD(e.getX()), offScreenYD(e.getY()));
		}

		@Override
		public void mouseReleased(final MouseEvent e) {
			if (zooming(e)) super.mouseReleased(e);
		}

		@Override
		public void mouseMoved(final MouseEvent e) {
			super.mouseMoved(e);
			final double x = offScreenXD(e.getX()), y = offScreenYD(e.getY());
			final int p = layout.panelAt(x, y);
			if (p >= 0) activePanel = p;
			final String line = status(x, y);
			if (line != null) IJ.showStatus(line);
		}
	}
}
