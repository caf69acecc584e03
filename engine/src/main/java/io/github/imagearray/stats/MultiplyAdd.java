package io.github.imagearray.stats;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;

/**
 * {@code a * b + c}, fused into one instruction with one rounding where the processor has one:
 * {@code Math.fma} (Java 9 and later) when HotSpot uses the processor's FMA instructions
 * ({@code -XX:+UseFMA}, its default where they exist). Elsewhere, and on Java 8, it is computed
 * as written: {@code Math.fma} without the hardware is a slow software emulation.
 */
final class MultiplyAdd {

	private static final MethodType TYPE = MethodType.methodType(double.class, double.class, double.class,
		double.class);
	/** Math.fma where the hardware does it, else null. */
	private static final MethodHandle FUSED = fusedInHardware() ? fma() : null;
	private static final MethodHandle OPERATION = FUSED != null ? FUSED : separately();

	private MultiplyAdd() {
	}

	/** @return {@code a * b + c}, with one rounding or two */
	static double of(final double a, final double b, final double c) {
		try {
			return (double) OPERATION.invokeExact(a, b, c);
		}
		catch (final Throwable e) {
			// neither operation throws
			throw new IllegalStateException(e);
		}
	}

	/** @return whether {@link #of} is fused, with one rounding */
	static boolean isFused() {
		return FUSED != null;
	}

	private static MethodHandle separately() {
		try {
			return MethodHandles.lookup().findStatic(MultiplyAdd.class, "separately", TYPE);
		}
		catch (final ReflectiveOperationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private static double separately(final double a, final double b, final double c) {
		return a * b + c;
	}

	/** @return Math.fma, or null before Java 9 */
	private static MethodHandle fma() {
		try {
			return MethodHandles.lookup().findStatic(Math.class, "fma", TYPE);
		}
		catch (final ReflectiveOperationException e) {
			return null;
		}
	}

	/** @return whether this is HotSpot with UseFMA on */
	@SuppressWarnings("unchecked")
	private static boolean fusedInHardware() {
		try {
			final Class<? extends PlatformManagedObject> type = (Class<? extends PlatformManagedObject>) Class.forName(
				"com.sun.management.HotSpotDiagnosticMXBean");
			final Object bean = ManagementFactory.getPlatformMXBean(type);
			final Object option = type.getMethod("getVMOption", String.class).invoke(bean, "UseFMA");
			return "true".equals(option.getClass().getMethod("getValue").invoke(option));
		}
		catch (final ReflectiveOperationException | RuntimeException | LinkageError e) {
			return false;
		}
	}
}
