"""Writes the formats large volumes come in with other software (tifffile and Pillow for folders of
slices) and numpy's statistics of their voxels, for the readers' tests.

Usage: python3 write_volumes.py DIR

DIR/volumes.tsv gets one line per volume that must be read: its name (a folder or file under DIR), a
glob that selects the folder's files or '-', then count, mean, median, variance, standard deviation,
minimum and maximum as numpy computes them (float64, exact median); DIR/volumes-refused.tsv one line
per volume that must be refused: its name, the glob or '-', and a word of the message.
"""
import os
import sys

import numpy as np
import tifffile
from PIL import Image

out = sys.argv[1]
rng = np.random.default_rng(20261203)
reference = []
refused = []


def expect(name, pattern, data):
    v = np.asarray(data, dtype=np.float64).ravel()
    reference.append([name, pattern, v.size, v.mean(), np.median(v), v.var(), v.std(), v.min(), v.max()])


def folder(name):
    path = os.path.join(out, name)
    os.makedirs(path, exist_ok=True)
    return path


# slice folders: z in the numbers of the names, slice k holding the value k in its first voxel so
# that a wrong order shows in per-slice statistics; 12 slices so that names 1..12 test natural order
def slices(name, dtype, writer, count=12, shape=(20, 30)):
    path = folder(name)
    if np.issubdtype(dtype, np.integer):
        volume = rng.integers(0, min(np.iinfo(dtype).max, 60000), size=(count,) + shape).astype(dtype)
    else:
        volume = (rng.normal(0, 300, size=(count,) + shape) - 1000).astype(dtype)
    for z in range(count):
        volume[z, 0, 0] = z
        writer(os.path.join(path, "slice%d" % (z + 1)), volume[z])
    return volume


v = slices("tiff-uint16", np.uint16, lambda f, a: tifffile.imwrite(f + ".tif", a, photometric="minisblack"))
expect("tiff-uint16", "-", v)
v = slices("tiff-float32", np.float32,
           lambda f, a: tifffile.imwrite(f + ".tiff", a, photometric="minisblack", compression="zlib"))
expect("tiff-float32", "-", v)
v = slices("png8", np.uint8, lambda f, a: Image.fromarray(a, mode="L").save(f + ".png"))
expect("png8", "-", v)
v = slices("png16", np.uint16, lambda f, a: Image.fromarray(a.astype(np.uint16)).save(f + ".png"))
expect("png16", "-", v)
v = slices("bmp8", np.uint8, lambda f, a: Image.fromarray(a, mode="L").save(f + ".bmp"))
expect("bmp8", "-", v)

# a preview beside the slices: refused without a pattern, left out with one
v = slices("with-preview", np.uint16, lambda f, a: tifffile.imwrite(f + ".tif", a, photometric="minisblack"))
Image.fromarray(np.zeros((5, 5), np.uint8), mode="L").save(os.path.join(out, "with-preview", "preview.png"))
expect("with-preview", "*.tif", v)
refused.append(["with-preview", "-", "preview.png"])

# slices that disagree: one of another size, one of another type, an RGB one
v = slices("other-size", np.uint16, lambda f, a: tifffile.imwrite(f + ".tif", a, photometric="minisblack"))
tifffile.imwrite(os.path.join(out, "other-size", "slice7.tif"), np.zeros((21, 30), np.uint16),
                 photometric="minisblack")
refused.append(["other-size", "-", "slice7.tif"])
v = slices("other-type", np.uint16, lambda f, a: tifffile.imwrite(f + ".tif", a, photometric="minisblack"))
tifffile.imwrite(os.path.join(out, "other-type", "slice3.tif"), np.zeros((20, 30), np.float32),
                 photometric="minisblack")
refused.append(["other-type", "-", "slice3.tif"])
v = slices("rgb-png", np.uint8, lambda f, a: Image.fromarray(a, mode="L").save(f + ".png"))
Image.fromarray(np.zeros((20, 30, 3), np.uint8), mode="RGB").save(os.path.join(out, "rgb-png", "slice5.png"))
refused.append(["rgb-png", "-", "slice5.png"])
folder("empty")
refused.append(["empty", "-", "no TIFF, PNG or BMP files"])

with open(os.path.join(out, "volumes.tsv"), "w") as f:
    for row in reference:
        f.write("\t".join(repr(x) if isinstance(x, float) else str(x) for x in row) + "\n")
with open(os.path.join(out, "volumes-refused.tsv"), "w") as f:
    for row in refused:
        f.write("\t".join(row) + "\n")
