"""Writes image files with other software (tifffile, nibabel, libtiff's tiffcp) and numpy's statistics of
their voxels, for the readers' tests.

Usage: python3 write_files.py DIR

DIR/reference.tsv gets one line per file that must be read: its name, then count, mean, median, variance,
standard deviation, minimum, maximum and the sum of the values as numpy computes them (float64, exact
median); DIR/refused.tsv one line per file that must be refused: its name and a word of the message.
"""
import os
import struct
import subprocess
import sys

import nibabel
import numpy as np
import tifffile

out = sys.argv[1]
rng = np.random.default_rng(20261201)
reference = []
refused = []

INTEGER_TYPES = [np.uint8, np.int8, np.uint16, np.int16, np.uint32, np.int32]


def voxels(dtype, shape):
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
    return (rng.normal(3, 100, size=shape) * rng.choice([1e-3, 1, 1e3], size=shape)).astype(dtype)


def expect(name, data):
    v = np.asarray(data, dtype=np.float64).ravel()
    reference.append([name, v.size, v.mean(), np.median(v), v.var(), v.std(), v.min(), v.max()])


def tiffcp(args, source, target):
    subprocess.run(["tiffcp"] + args + [os.path.join(out, source), os.path.join(out, target)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def path(name):
    return os.path.join(out, name)


# TIFF: every sample format, strips and tiles, compressions, predictors, BigTIFF, stacks
for dtype in INTEGER_TYPES + [np.float32, np.float64]:
    t = np.dtype(dtype).name
    a = voxels(dtype, (4, 40, 52))
    tifffile.imwrite(path(f"{t}.tif"), a, photometric="minisblack")
    expect(f"{t}.tif", a)
    tifffile.imwrite(path(f"{t}-be.tif"), a.astype(a.dtype.newbyteorder(">")), photometric="minisblack",
                     byteorder=">")
    expect(f"{t}-be.tif", a)
    tifffile.imwrite(path(f"{t}-deflate.tif"), a, photometric="minisblack", compression="zlib", rowsperstrip=7,
                     predictor=bool(np.issubdtype(dtype, np.integer)))
    expect(f"{t}-deflate.tif", a)
    tifffile.imwrite(path(f"{t}-tiles.tif"), a, photometric="minisblack", tile=(16, 32), compression="zlib")
    expect(f"{t}-tiles.tif", a)
    tifffile.imwrite(path(f"{t}-bigtiff.tif"), a, photometric="minisblack", bigtiff=True)
    expect(f"{t}-bigtiff.tif", a)
    tifffile.imwrite(path(f"{t}-2d.tif"), a[1], photometric="minisblack")
    expect(f"{t}-2d.tif", a[1])
    # libtiff re-encodes: LZW with the horizontal predictor, PackBits, deflate with the float predictor
    tiffcp(["-c", "lzw:2", "-r", "5"], f"{t}.tif", f"{t}-lzw.tif")
    expect(f"{t}-lzw.tif", a)
    tiffcp(["-c", "packbits"], f"{t}.tif", f"{t}-packbits.tif")
    expect(f"{t}-packbits.tif", a)
    if np.issubdtype(dtype, np.floating):
        tiffcp(["-c", "zip:3"], f"{t}.tif", f"{t}-predictor3.tif")
        expect(f"{t}-predictor3.tif", a)
        tiffcp(["-c", "lzw:3", "-t", "-w", "16", "-l", "16"], f"{t}.tif", f"{t}-lzw3-tiles.tif")
        expect(f"{t}-lzw3-tiles.tif", a)

# planes of more than 2**20 voxels, which the statistics read in spans of 2**20 voxels that begin and end inside a
# row, a strip or a row of tiles: each span is decoded from the strips or tiles that hold it
a = voxels(np.uint16, (2, 1000, 1100))
tifffile.imwrite(path("banded-deflate.tif"), a, photometric="minisblack", compression="zlib", rowsperstrip=7,
                 predictor=True)
expect("banded-deflate.tif", a)
tiffcp(["-c", "lzw:2", "-r", "5"], "banded-deflate.tif", "banded-lzw.tif")
expect("banded-lzw.tif", a)
tiffcp(["-c", "packbits", "-r", "3"], "banded-deflate.tif", "banded-packbits.tif")
expect("banded-packbits.tif", a)
tiffcp(["-c", "lzw:2", "-t", "-w", "64", "-l", "48"], "banded-deflate.tif", "banded-lzw-tiles.tif")
expect("banded-lzw-tiles.tif", a)
tiffcp(["-c", "zip", "-r", "1000"], "banded-deflate.tif", "banded-one-strip.tif")
expect("banded-one-strip.tif", a)
# a strip and a row of tiles that hold several spans: decoded whole once for all of them
a = voxels(np.uint8, (4100, 1024))
tifffile.imwrite(path("spans-in-one-strip.tif"), a, photometric="minisblack", compression="zlib", rowsperstrip=4100)
expect("spans-in-one-strip.tif", a)
tiffcp(["-c", "lzw", "-t", "-w", "512", "-l", "2048"], "spans-in-one-strip.tif", "spans-in-tiles.tif")
expect("spans-in-tiles.tif", a)
a = voxels(np.float32, (1000, 1100))
tifffile.imwrite(path("banded-float32.tif"), a, photometric="minisblack")
tiffcp(["-c", "zip:3", "-r", "9"], "banded-float32.tif", "banded-float32-predictor3.tif")
expect("banded-float32-predictor3.tif", a)
os.remove(path("banded-float32.tif"))

# the values the issue found measured wrong: int8 around -0.5 and int32 beyond float32
a = np.tile(np.array([-128, 127], dtype=np.int8), (8, 8))
tifffile.imwrite(path("int8-symmetric.tif"), a, photometric="minisblack")
expect("int8-symmetric.tif", a)
a = np.array([[30393007, 30393006], [1, -5]], dtype=np.int32)
tifffile.imwrite(path("int32-large.tif"), a, photometric="minisblack")
expect("int32-large.tif", a)

# ImageJ hyperstack metadata and calibration
a = voxels(np.uint16, (6, 30, 20))
tifffile.imwrite(path("imagej.tif"), a, imagej=True, resolution=(1 / 0.5, 1 / 0.5),
                 metadata={"spacing": 2.5, "unit": "um", "axes": "ZYX"})
expect("imagej.tif", a)

# OME-TIFF with physical sizes, and a plane 65,536 pixels wide
a = voxels(np.uint16, (2, 3, 4))
tifffile.imwrite(path("ome.ome.tif"), a, photometric="minisblack",
                 metadata={"axes": "ZYX", "PhysicalSizeX": 0.25, "PhysicalSizeY": 0.3, "PhysicalSizeZ": 1.5})
expect("ome.ome.tif", a)
a = voxels(np.uint8, (2, 65536))
tifffile.imwrite(path("wide.tif"), a, photometric="minisblack")
expect("wide.tif", a)

# strips stored in reverse order (the last strip first in the file)
a = voxels(np.uint16, (24, 10))
tifffile.imwrite(path("forward.tif"), a, photometric="minisblack", rowsperstrip=4)
with tifffile.TiffFile(path("forward.tif")) as f:
    page = f.pages[0]
    strips = [(o, n) for o, n in zip(page.dataoffsets, page.databytecounts)]
raw = bytearray(open(path("forward.tif"), "rb").read())
data = [bytes(raw[o:o + n]) for o, n in strips]
start = min(o for o, _ in strips)
position = start
new_offsets = [0] * len(strips)
for i in reversed(range(len(strips))):
    raw[position:position + len(data[i])] = data[i]
    new_offsets[i] = position
    position += len(data[i])
# rewrite the StripOffsets values (tag 273, LONG or SHORT) in the first IFD
with tifffile.TiffFile(path("forward.tif")) as f:
    tag = f.pages[0].tags["StripOffsets"]
    value_offset, dtype_code = tag.valueoffset, tag.dtype
fmt = "<I" if dtype_code == 4 else "<H"

for i, o in enumerate(new_offsets):
    struct.pack_into(fmt, raw, value_offset + i * struct.calcsize(fmt), o)
open(path("reversed-strips.tif"), "wb").write(raw)
expect("reversed-strips.tif", a)
os.remove(path("forward.tif"))

# refused TIFFs
a = voxels(np.uint16, (8, 12, 3))
tifffile.imwrite(path("rgb48.tif"), a, photometric="rgb")
refused.append(["rgb48.tif", "samples per pixel"])
with tifffile.TiffWriter(path("mixed-sizes.tif")) as w:
    w.write(voxels(np.uint8, (10, 10)), photometric="minisblack")
    w.write(voxels(np.uint8, (12, 10)), photometric="minisblack")
refused.append(["mixed-sizes.tif", "page 2 is"])
with tifffile.TiffWriter(path("mixed-types.tif")) as w:
    w.write(voxels(np.uint8, (10, 10)), photometric="minisblack")
    w.write(voxels(np.uint16, (10, 10)), photometric="minisblack")
refused.append(["mixed-types.tif", "page 2 is"])
tifffile.imwrite(path("float16.tif"), rng.normal(size=(10, 10)).astype(np.float16), photometric="minisblack")
refused.append(["float16.tif", "16 bits"])

# the last IFD points back to the first: an IFD loop
tifffile.imwrite(path("loop.tif"), voxels(np.uint8, (3, 10, 10)), photometric="minisblack")
with tifffile.TiffFile(path("loop.tif")) as f:
    first, last = f.pages[0].offset, f.pages[2].offset
raw = bytearray(open(path("loop.tif"), "rb").read())
entries = struct.unpack_from("<H", raw, last)[0]
struct.pack_into("<I", raw, last + 2 + 12 * entries, first)
open(path("loop.tif"), "wb").write(raw)
refused.append(["loop.tif", "loops"])

# 500 bytes that claim 20000 x 20000 16-bit pixels in one strip
ifd = [(256, 4, 20000), (257, 4, 20000), (258, 3, 16), (259, 3, 1), (262, 3, 1), (273, 4, 200), (277, 3, 1),
       (278, 4, 20000), (279, 4, 800000000)]
raw = bytearray(500)
struct.pack_into("<2sHI", raw, 0, b"II", 42, 8)
struct.pack_into("<H", raw, 8, len(ifd))
for i, (tag, kind, value) in enumerate(ifd):
    struct.pack_into("<HHII" if kind == 4 else "<HHIHxx", raw, 10 + 12 * i, tag, kind, 1, value)
open(path("huge-claim.tif"), "wb").write(raw)
refused.append(["huge-claim.tif", "beyond the end of the file"])

# strips that overlap the file's own structure or one another (libtiff's tiffcp writes the strips, then the IFD)
def tag_field(f, page, name):
    """Where the value of tag `name` of page `page` is stored, and its struct format."""
    tag = f.pages[page].tags[name]
    return tag.valueoffset, {3: "H", 4: "I", 16: "Q"}[tag.dtype], f.byteorder


def set_values(name, target, page, tag, changes):
    """Copies `name` to `target` with values of a tag changed: changes maps index -> new value, or a function of the old."""
    raw = bytearray(open(path(name), "rb").read())
    with tifffile.TiffFile(path(name)) as f:
        at, kind, order = tag_field(f, page, tag)
    size = struct.calcsize(kind)
    for i, v in changes.items():
        old = struct.unpack_from(order + kind, raw, at + i * size)[0]
        struct.pack_into(order + kind, raw, at + i * size, v(old) if callable(v) else v)
    open(path(target), "wb").write(raw)


def shorten_last_strip(name, target, cut):
    """Writes `name` with `cut` bytes of its last strip's data missing, its byte count unchanged: the IFD behind
    the strip moves forward into it, as when a writer declares more bytes than it wrote."""
    raw = bytearray(open(path(name), "rb").read())
    with tifffile.TiffFile(path(name)) as f:
        assert not f.is_bigtiff and len(f.pages) == 1
        page = f.pages[0]
        end = page.dataoffsets[-1] + page.databytecounts[-1]
        assert page.offset >= end
        pointers = [tag.offset + 8 for tag in page.tags.values() if tag.valueoffset != tag.offset + 8]
    order = "<" if raw[0:2] == b"II" else ">"
    for at in [4] + pointers:
        value = struct.unpack_from(order + "I", raw, at)[0]
        if value >= end:
            struct.pack_into(order + "I", raw, at, value - cut)
    del raw[end - cut:end]
    open(path(target), "wb").write(raw)


a = voxels(np.uint16, (40, 52))
tifffile.imwrite(path("plain.tif"), a, photometric="minisblack")
tiffcp(["-r", "1000"], "plain.tif", "one-strip.tif")
shorten_last_strip("one-strip.tif", "one-strip-into-ifd.tif", 100)
refused.append(["one-strip-into-ifd.tif", "page 1, strip 1 of 1 (bytes 8-4167) overlaps the IFD of page 1"])
tiffcp(["-r", "5"], "plain.tif", "strips.tif")
shorten_last_strip("strips.tif", "last-strip-into-ifd.tif", 60)
refused.append(["last-strip-into-ifd.tif", "page 1, strip 8 of 8 (bytes 3648-4167) overlaps the IFD of page 1"])
set_values("strips.tif", "strips-overlap.tif", 0, "StripOffsets", {2: lambda o: o - 100})
refused.append(["strips-overlap.tif", "page 1, strip 3 of 8 (bytes 948-1467) overlaps page 1, strip 2 of 8"])
with tifffile.TiffFile(path("uint16-lzw.tif")) as f:
    counts_at = f.pages[0].tags["StripByteCounts"].valueoffset
set_values("uint16-lzw.tif", "strip-on-tag-values.tif", 0, "StripOffsets", {7: counts_at})
set_values("strip-on-tag-values.tif", "strip-on-tag-values.tif", 0, "StripByteCounts", {7: 16})
refused.append(["strip-on-tag-values.tif", "page 1, strip 8 of 8 (bytes %d-%d) overlaps the values of tag 279 of page 1"
                % (counts_at, counts_at + 15)])
with tifffile.TiffFile(path("float32-tiles.tif")) as f:
    tile_at = f.pages[1].tags["TileByteCounts"].valueoffset
set_values("float32-tiles.tif", "tile-on-tag-values.tif", 1, "TileOffsets", {3: tile_at - 4})
refused.append(["tile-on-tag-values.tif", "page 2, tile 4 of 6"])
with tifffile.TiffFile(path("int8-bigtiff.tif")) as f:
    ifd_at = f.pages[0].offset
set_values("int8-bigtiff.tif", "bigtiff-strip-on-ifd.tif", 2, "StripOffsets", {0: ifd_at + 8})
refused.append(["bigtiff-strip-on-ifd.tif", "page 3, strip 1 of 1 (bytes %d-%d) overlaps the IFD of page 1"
                % (ifd_at + 8, ifd_at + 8 + 2080 - 1)])
with tifffile.TiffFile(path("imagej.tif")) as f:
    description_at = f.pages[0].tags["ImageDescription"].valueoffset
set_values("imagej.tif", "strip-on-description.tif", 0, "StripOffsets", {0: description_at})
refused.append(["strip-on-description.tif", "overlaps the values of tag 270 of page 1"])
# an uncompressed last strip whose byte count is padded to a whole strip of 6 rows, its tail on the IFD: the 4 rows
# it holds are all there, and only they are read
tiffcp(["-r", "6"], "plain.tif", "six-rows.tif")
set_values("six-rows.tif", "padded-last-strip.tif", 0, "StripByteCounts", {6: 6 * 52 * 2})
expect("padded-last-strip.tif", tifffile.imread(path("plain.tif")))
os.remove(path("six-rows.tif"))
os.remove(path("plain.tif"))
os.remove(path("one-strip.tif"))

# two strips that are one copy of identical bytes (same offset and byte count) are read, as libtiff and tifffile read them
a = np.tile(voxels(np.uint8, (4, 30)), (3, 1))
tifffile.imwrite(path("plain.tif"), a, photometric="minisblack")
tiffcp(["-r", "4"], "plain.tif", "copies.tif")
with tifffile.TiffFile(path("copies.tif")) as f:
    first = f.pages[0].dataoffsets[0]
set_values("copies.tif", "shared-strips.tif", 0, "StripOffsets", {1: first, 2: first})
assert (tifffile.imread(path("shared-strips.tif")) == a).all()
expect("shared-strips.tif", a)
os.remove(path("plain.tif"))
os.remove(path("copies.tif"))

# compressed strips that end early: byte counts cut to a third (LZW, PackBits) or a strip of 0 bytes
set_values("uint16-lzw.tif", "lzw-strip-ends-early.tif", 0, "StripByteCounts", {2: lambda n: n // 3})
refused.append(["lzw-strip-ends-early.tif", "page 1, strip 3 of 8 (LZW"])
set_values("int16-packbits.tif", "packbits-strip-ends-early.tif", 2, "StripByteCounts", {0: lambda n: n // 3})
refused.append(["packbits-strip-ends-early.tif", "page 3, strip 1 of 1 (PackBits"])
set_values("float32-lzw3-tiles.tif", "lzw-tile-ends-early.tif", 0, "TileByteCounts", {5: lambda n: n // 3})
refused.append(["lzw-tile-ends-early.tif", "page 1, tiles 5 to 8 of 12 (a row of tiles, LZW) ends early"])
# the same in a strip, and a row of tiles, that hold several spans and are decoded whole for them
set_values("spans-in-one-strip.tif", "strip-of-spans-ends-early.tif", 0, "StripByteCounts", {0: lambda n: n // 3})
refused.append(["strip-of-spans-ends-early.tif", "page 1, strip 1 of 1 (deflate"])
set_values("spans-in-tiles.tif", "tiles-of-spans-end-early.tif", 0, "TileByteCounts", {2: lambda n: n // 3})
refused.append(["tiles-of-spans-end-early.tif", "page 1, tiles 3 to 4 of 6 (a row of tiles, LZW) ends early"])
set_values("float32-deflate.tif", "deflate-strip-empty.tif", 1, "StripByteCounts", {4: 0})
refused.append(["deflate-strip-empty.tif", "page 2, strip 5 of 6 holds 0 bytes"])

# NIfTI-1 from nibabel: every datatype, .nii and .nii.gz, both byte orders, scaling
for dtype in INTEGER_TYPES + [np.int64, np.uint64, np.float32, np.float64]:
    t = np.dtype(dtype).name
    if dtype in (np.int64, np.uint64):  # values a double holds exactly
        a = (rng.integers(0 if dtype == np.uint64 else -2 ** 52, 2 ** 52, size=(9, 8, 7))).astype(dtype)
    else:
        a = voxels(dtype, (9, 8, 7))
    for ext in ("nii", "nii.gz"):
        image = nibabel.Nifti1Image(a, np.diag([0.5, 0.75, 2.0, 1.0]), dtype=dtype)
        image.header.set_slope_inter(1, 0)
        nibabel.save(image, path(f"{t}.{ext}"))
        expect(f"{t}.{ext}", np.asanyarray(nibabel.load(path(f"{t}.{ext}")).dataobj))
    big = nibabel.Nifti1Image(a, np.eye(4), nibabel.Nifti1Header().as_byteswapped(">"), dtype=dtype)
    big.header.set_slope_inter(1, 0)
    nibabel.save(big, path(f"{t}-be.nii"))
    expect(f"{t}-be.nii", np.asanyarray(nibabel.load(path(f"{t}-be.nii")).dataobj))

a = voxels(np.int16, (9, 8, 7))
image = nibabel.Nifti1Image(a, np.eye(4))
image.header.set_data_dtype(np.int16)
image.header.set_slope_inter(2.5, -1024)
nibabel.save(image, path("scaled.nii.gz"))
expect("scaled.nii.gz", nibabel.load(path("scaled.nii.gz")).get_fdata())
for slope in ("nan", "inf"):
    image = nibabel.Nifti1Image(a, np.eye(4))
    image.header.set_data_dtype(np.int16)
    nibabel.save(image, path(f"slope-{slope}.nii"))
    raw = bytearray(open(path(f"slope-{slope}.nii"), "rb").read())
    struct.pack_into("<ff", raw, 112, float(slope), 7.0)
    open(path(f"slope-{slope}.nii"), "wb").write(raw)
    expect(f"slope-{slope}.nii", nibabel.load(path(f"slope-{slope}.nii")).get_fdata())

# 4,3,1,2: three dimensions larger than 1
a = voxels(np.float32, (4, 3, 1, 2))
nibabel.save(nibabel.Nifti1Image(a, np.eye(4)), path("dims-4-3-1-2.nii"))
expect("dims-4-3-1-2.nii", a)

with open(os.path.join(out, "reference.tsv"), "w") as f:
    for row in reference:
        f.write("\t".join(repr(x) if isinstance(x, float) else str(x) for x in row) + "\n")
with open(os.path.join(out, "refused.tsv"), "w") as f:
    for row in refused:
        f.write("\t".join(row) + "\n")
