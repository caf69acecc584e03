package io.github.imagearray.bridge;

/** The size of a voxel along x, y and z, in a unit such as "µm" or "mm". Immutable. */
public final class VoxelSize {

	private final double[] size;
	private final String unit;

	public VoxelSize(final double[] size, final String unit) {
		this.size = size.clone();
		this.unit = unit;
	}

	/** @return the sizes along x, y and z */
	public double[] size() {
		return size.clone();
	}

	public String unit() {
		return unit;
	}

	@Override
	public String toString() {
		return size[0] + " x " + size[1] + " x " + size[2] + " " + unit;
	}
}
