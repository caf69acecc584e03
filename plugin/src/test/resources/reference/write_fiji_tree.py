"""Writes, with software other than ImageArray, what FijiTreeIT imports and measures in the Fiji-like
tree: MetaImage files (numpy's raw voxels behind a header written here: .mhd with .raw, .mha with the
voxels inside, big endian), and for the Analyze > ImageArray commands a NIfTI volume with a mask and
labels of the same size (nibabel), with numpy's statistics of each.

Usage: python3 write_fiji_tree.py DIR

DIR/metaimage.tsv: one line per MetaImage file: name, count, mean, median, variance, standard
deviation, minimum, maximum (float64, exact median).
DIR/commands.tsv: one line per value a command must give: key, value. Keys: whole.*, mask.* (where
mask.nii is not zero), label.N.count and label.N.mean (N = 1..3 of labels.nii), slice.K.mean (K = 0..
along z, as the per-slice table counts), p0.175 and p99.825 (numpy's linear percentiles, what Auto Contrast at saturated=0.35 sets).
"""
import os
import sys

import nibabel
import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(20261206)


def row(name, data):
    v = np.asarray(data, dtype=np.float64).ravel()
    return [name, v.size, v.mean(), np.median(v), v.var(), v.std(), v.min(), v.max()]


def metaimage(name, data, element, msb=False, local=False):
    x, y, z = data.shape[2], data.shape[1], data.shape[0]
    header = ["ObjectType = Image", "NDims = 3", "DimSize = %d %d %d" % (x, y, z),
              "ElementSpacing = 0.5 0.5 2", "ElementByteOrderMSB = %s" % ("True" if msb else "False"),
              "ElementType = %s" % element]
    raw = data.astype(data.dtype.newbyteorder(">" if msb else "<")).tobytes()
    if local:
        with open(os.path.join(out, name), "wb") as f:
            f.write(("\n".join(header + ["ElementDataFile = LOCAL"]) + "\n").encode("ascii"))
            f.write(raw)
    else:
        stem = os.path.splitext(name)[0]
        open(os.path.join(out, stem + ".raw"), "wb").write(raw)
        open(os.path.join(out, name), "w").write("\n".join(header + ["ElementDataFile = %s.raw" % stem]) + "\n")
    return row(name, data)


# z, y, x as MetaImage stores them (x fastest)
metas = [
    metaimage("uint16.mhd", rng.integers(0, 60000, size=(5, 14, 11)).astype(np.uint16), "MET_USHORT"),
    metaimage("float32.mha", rng.normal(-50, 400, size=(4, 9, 13)).astype(np.float32), "MET_FLOAT", local=True),
    metaimage("int16-msb.mhd", rng.integers(-3000, 3000, size=(6, 8, 7)).astype(np.int16), "MET_SHORT", msb=True),
]
with open(os.path.join(out, "metaimage.tsv"), "w") as f:
    for m in metas:
        f.write("\t".join(str(v) if isinstance(v, (str, int)) else repr(float(v)) for v in m) + "\n")

# x, y, z as nibabel stores them; a CT-like 16-bit volume, a mask and three labels
volume = rng.integers(0, 4000, size=(24, 20, 7)).astype(np.uint16)
xs, ys = np.meshgrid(np.arange(24), np.arange(20), indexing="ij")
mask = np.repeat(((xs - 11) ** 2 + (ys - 9) ** 2 < 49)[:, :, None], 7, axis=2).astype(np.uint8)
labels = (rng.integers(0, 4, size=volume.shape)).astype(np.uint8)
for name, data in (("volume.nii", volume), ("mask.nii", mask), ("labels.nii", labels)):
    nibabel.save(nibabel.Nifti1Image(data, np.diag([0.5, 0.5, 2.0, 1.0])), os.path.join(out, name))
values = {}
for prefix, data in (("whole", volume), ("mask", volume[mask != 0])):
    r = row(prefix, data)
    for key, v in zip(("count", "mean", "median", "variance", "std", "minimum", "maximum"), r[1:]):
        values[prefix + "." + key] = v
for n in (1, 2, 3):
    values["label.%d.count" % n] = int((labels == n).sum())
    values["label.%d.mean" % n] = float(volume[labels == n].astype(np.float64).mean())
for k in range(volume.shape[2]):
    values["slice.%d.mean" % k] = float(volume[:, :, k].astype(np.float64).mean())
v = volume.astype(np.float64).ravel()
values["p0.175"] = float(np.percentile(v, 0.175))
values["p99.825"] = float(np.percentile(v, 99.825))
with open(os.path.join(out, "commands.tsv"), "w") as f:
    for key, value in values.items():
        f.write("%s\t%r\n" % (key, float(value)))
