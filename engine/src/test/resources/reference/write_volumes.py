"""Writes the formats large volumes come in with other software (tifffile and Pillow for folders of
slices, h5py for HDF5, zarr-python for Zarr, OME-Zarr and N5, pydicom for DICOM series) and numpy's statistics of their voxels, for the readers' tests.

Usage: python3 write_volumes.py DIR

DIR/volumes.tsv gets one line per volume that must be read: its name (a folder or file under DIR), a
glob that selects the folder's files or '-', then count, mean, median, variance, standard deviation,
minimum and maximum as numpy computes them (float64, exact median); DIR/volumes-refused.tsv one line
per volume that must be refused: its name, the glob or '-', and a word of the message.
"""
import os
import sys

import warnings

import h5py
import numcodecs
import numpy as np
import pydicom
import pydicom.encaps
import tifffile
import zarr
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import (CTImageStorage, ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian,
                         generate_uid)
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

# HDF5 from h5py: every type, contiguous and chunked (gzip with shuffle, LZF), chunks that do not
# divide the shape, both byte orders, 2D datasets, chunks never written (the fill value)
with h5py.File(os.path.join(out, "scan.h5"), "w") as f:
    exchange = f.create_group("exchange")
    for t in ["u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8", ">u2", ">i4", ">f8"]:
        if t[-2] in "ui":
            info = np.iinfo(np.dtype(t))
            top = min(info.max, 2 ** 52)
            a = rng.integers(max(info.min, -2 ** 52), top, size=(5, 14, 11), endpoint=True).astype(t)
        else:
            a = rng.normal(10, 50, size=(5, 14, 11)).astype(t)
        name = t.replace(">", "be")
        exchange.create_dataset(name, data=a)
        expect("scan.h5:/exchange/" + name, "-", a)
        exchange.create_dataset(name + "-gzip", data=a, chunks=(2, 4, 3), compression="gzip", shuffle=True)
        expect("scan.h5:/exchange/" + name + "-gzip", "-", a)
    exchange["data"] = exchange["f4"][()]  # the path the README's example names
    a = rng.normal(0, 1, size=(9, 8, 7)).astype("f4")
    exchange.create_dataset("lzf", data=a, chunks=(3, 8, 7), compression="lzf")
    expect("scan.h5:/exchange/lzf", "-", a)
    a = rng.integers(0, 1000, size=(30, 20)).astype("u2")
    f.create_dataset("plane", data=a, chunks=(7, 6), compression="gzip")
    expect("scan.h5:/plane", "-", a)
    d = f.create_dataset("sparse", shape=(4, 6, 5), dtype="f4", chunks=(2, 3, 5), fillvalue=-3.5)
    d[0:2, 0:3, :] = 1.25
    expect("scan.h5:/sparse", "-", d[()])
with h5py.File(os.path.join(out, "one.h5"), "w") as f:
    a = rng.normal(0, 1, size=(6, 5, 4)).astype("f4")
    f.create_group("entry").create_dataset("data", data=a).attrs["element_size_um"] = [2.0, 0.5, 0.25]
    f.create_dataset("dark", data=np.zeros((5, 4), "f4"))
expect("one.h5", "-", a)
refused.append(["scan.h5", "-", "name the dataset"])
refused.append(["scan.h5:/exchange", "-", "not a 2D or 3D dataset"])
refused.append(["scan.h5:/nothing", "-", "no dataset /nothing"])
with h5py.File(os.path.join(out, "half.h5"), "w") as f:
    f.create_dataset("data", data=np.zeros((4, 4, 4), np.float16))
refused.append(["half.h5", "-", "float16 is not read"])
raw = open(os.path.join(out, "one.h5"), "rb").read()
open(os.path.join(out, "cut.h5"), "wb").write(raw[:len(raw) // 3])
refused.append(["cut.h5", "-", "cut.h5"])

# Zarr v2 from zarr-python: every type, each compressor, C and F order, chunks that do not divide
# the shape, chunks never written (the fill value, NaN too), and an OME-Zarr image of two levels
compressors = {"raw": None, "blosc": numcodecs.Blosc(), "zlib": numcodecs.Zlib(), "gzip": numcodecs.GZip(),
               "zstd": numcodecs.Zstd()}
for t in ["|u1", "|i1", "<u2", ">i2", "<u4", "<i4", "<u8", ">i8", "<f4", ">f8"]:
    for codec, compressor in compressors.items():
        order = "F" if codec in ("zlib", "raw") else "C"
        if t[1] in "ui":
            info = np.iinfo(np.dtype(t))
            a = rng.integers(max(info.min, -2 ** 52), min(info.max, 2 ** 52), size=(5, 9, 7), endpoint=True).astype(t)
        else:
            a = rng.normal(5, 20, size=(5, 9, 7)).astype(t)
        name = "zarr/%s-%s-%s.zarr" % (t[1:], "be" if t[0] == ">" else "le", codec)
        z = zarr.open(os.path.join(out, name), "w", shape=a.shape, chunks=(2, 4, 3), dtype=t, compressor=compressor,
                      order=order)
        z[:] = a
        expect(name, "-", a)
z = zarr.open(os.path.join(out, "zarr/sparse.zarr"), "w", shape=(4, 6, 5), chunks=(2, 3, 5), dtype="<f4",
              fill_value=np.nan)
z[0:2, 0:3, :] = 2.5
expect("zarr/sparse.zarr", "-", z[:][~np.isnan(z[:])])
z = zarr.open(os.path.join(out, "zarr/nested.zarr"), "w", shape=(3, 4, 5), chunks=(1, 2, 5), dtype="<u2",
              dimension_separator="/")
z[:] = rng.integers(0, 1000, size=(3, 4, 5))
expect("zarr/nested.zarr", "-", z[:])
root = zarr.open_group(os.path.join(out, "zarr/image.ome.zarr"), "w")
finest = rng.integers(0, 4000, size=(1, 1, 6, 8, 10)).astype("<u2")
root.create_dataset("0", data=finest, chunks=(1, 1, 3, 4, 5))
root.create_dataset("1", data=finest[:, :, :, ::2, ::2], chunks=(1, 1, 3, 4, 5))
root.attrs["multiscales"] = [{"version": "0.4", "name": "image", "axes": [
    {"name": "t", "type": "time"}, {"name": "c", "type": "channel"}, {"name": "z", "type": "space"},
    {"name": "y", "type": "space"}, {"name": "x", "type": "space"}], "datasets": [
    {"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1, 2.0, 0.5, 0.25]}]},
    {"path": "1", "coordinateTransformations": [{"type": "scale", "scale": [1, 1, 2.0, 1.0, 0.5]}]}]}]
expect("zarr/image.ome.zarr", "-", finest)
expect("zarr/image.ome.zarr/1", "-", finest[:, :, :, ::2, ::2])

# N5 through zarr-python's N5Store: gzip, raw, zstd and blosc blocks, edge blocks smaller
for codec, compressor in {"gzip": numcodecs.GZip(), "raw": None, "zstd": numcodecs.Zstd(),
                          "blosc": numcodecs.Blosc()}.items():
    for t in ["u1", "i2", "u4", "f4", "f8"]:
        a = (rng.normal(100, 30, size=(5, 9, 7))).astype(t)
        name = "n5/%s-%s.n5" % (t, codec)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z = zarr.create(store=zarr.N5Store(os.path.join(out, name)), shape=a.shape, chunks=(2, 4, 3), dtype=t,
                            compressor=compressor)
            z[:] = a
        expect(name, "-", a)

# broken stores: a corrupt chunk, a chunk cut short, filters, an unknown compressor, 4 axes
z = zarr.open(os.path.join(out, "zarr/corrupt.zarr"), "w", shape=(4, 4, 4), chunks=(2, 2, 2), dtype="<f4",
              compressor=numcodecs.Zlib())
z[:] = 1
chunk = os.path.join(out, "zarr/corrupt.zarr/1.0.1")
raw = bytearray(open(chunk, "rb").read())
raw[len(raw) // 2] ^= 0xFF
open(chunk, "wb").write(raw)
refused.append(["zarr/corrupt.zarr", "-", "1.0.1"])
z = zarr.open(os.path.join(out, "zarr/cut.zarr"), "w", shape=(4, 4, 4), chunks=(2, 2, 2), dtype="<u2",
              compressor=None)
z[:] = 3
chunk = os.path.join(out, "zarr/cut.zarr/0.1.1")
open(chunk, "wb").write(open(chunk, "rb").read()[:5])
refused.append(["zarr/cut.zarr", "-", "0.1.1"])
z = zarr.open(os.path.join(out, "zarr/delta.zarr"), "w", shape=(4, 4), chunks=(2, 2), dtype="<i4",
              filters=[numcodecs.Delta(dtype="<i4")])
z[:] = 1
refused.append(["zarr/delta.zarr", "-", "filters"])
z = zarr.open(os.path.join(out, "zarr/lz4.zarr"), "w", shape=(4, 4), chunks=(2, 2), dtype="<i4",
              compressor=numcodecs.LZ4())
z[:] = 1
refused.append(["zarr/lz4.zarr", "-", "lz4"])
z = zarr.open(os.path.join(out, "zarr/4d.zarr"), "w", shape=(2, 3, 4, 5), chunks=(1, 3, 4, 5), dtype="<u1")
z[:] = 1
refused.append(["zarr/4d.zarr", "-", "2 or 3 axes"])

# DICOM series from pydicom: files named out of order, implicit and explicit VR (and big endian),
# rescale slope and intercept (Hounsfield units), 8, 16 and 32-bit, signed or not
def dicom(path, pixels, z, series, syntax, slope=1.0, intercept=0.0, position=True, instance=True, rows=None):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = syntax
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = syntax != ExplicitVRBigEndian
    ds.is_implicit_VR = syntax == ImplicitVRLittleEndian
    ds.SOPClassUID = CTImageStorage
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.SeriesInstanceUID = series
    ds.Modality = "CT"
    if instance:
        ds.InstanceNumber = z + 1
    if position:
        ds.ImagePositionPatient = [-50.0, 20.0, 1.25 * z - 30]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.Rows, ds.Columns = pixels.shape if rows is None else (rows, pixels.shape[1])
    ds.PixelSpacing = [0.75, 0.5]
    ds.BitsAllocated = ds.BitsStored = pixels.dtype.itemsize * 8
    ds.HighBit = ds.BitsStored - 1
    ds.PixelRepresentation = 1 if pixels.dtype.kind == "i" else 0
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    if slope != 1 or intercept != 0:
        ds.RescaleSlope = slope
        ds.RescaleIntercept = intercept
    ds.PixelData = pixels.astype(pixels.dtype.newbyteorder(">" if syntax == ExplicitVRBigEndian else "<")).tobytes()
    ds.save_as(path, write_like_original=False)


def series_folder(name, volume, syntaxes, slope=1.0, intercept=0.0):
    path = folder(name)
    uid = generate_uid()
    for i, z in enumerate(rng.permutation(volume.shape[0])):
        dicom(os.path.join(path, "IM%04d" % i), volume[z], int(z), uid, syntaxes[i % len(syntaxes)], slope, intercept)
    return path, uid


ct = rng.integers(-1000, 3000, size=(7, 12, 10)).astype(np.int16)
series_folder("dicom-ct", ct, [ImplicitVRLittleEndian, ExplicitVRLittleEndian], 1.0, -1024.0)
expect("dicom-ct", "-", ct.astype(np.float64) - 1024)
mr = rng.integers(0, 60000, size=(5, 9, 11)).astype(np.uint16)
series_folder("dicom-mr", mr, [ExplicitVRBigEndian, ExplicitVRLittleEndian])
expect("dicom-mr", "-", mr)
# empty numeric strings (a DS or IS of zero length) are absent values, not errors (PS3.5 6.2)
empty = rng.integers(0, 1000, size=(3, 5, 6)).astype(np.uint16)
empty_path, _ = series_folder("dicom-empty-numbers", empty, [ExplicitVRLittleEndian, ImplicitVRLittleEndian])
for name in sorted(os.listdir(empty_path)):
    f = os.path.join(empty_path, name)
    ds = pydicom.dcmread(f)
    ds.RescaleIntercept = ""
    ds.RescaleSlope = ""
    ds.InstanceNumber = ""
    ds.save_as(f)
expect("dicom-empty-numbers", "-", empty)
pet = rng.integers(0, 10 ** 6, size=(4, 6, 8)).astype(np.int32)
series_folder("dicom-pet", pet, [ExplicitVRLittleEndian], 0.25, 3.0)
expect("dicom-pet", "-", pet.astype(np.float64) * 0.25 + 3.0)
small = rng.integers(0, 255, size=(3, 5, 6)).astype(np.uint8)
series_folder("dicom-8bit", small, [ImplicitVRLittleEndian])
expect("dicom-8bit", "-", small)
# one file without a position: the series is ordered by Instance Number
path = folder("dicom-no-position")
uid = generate_uid()
for z in range(mr.shape[0]):
    dicom(os.path.join(path, "IM%d" % z), mr[z], z, uid, ExplicitVRLittleEndian, position=z != 2)
expect("dicom-no-position", "-", mr)
# two series in one folder; the UID of the first chosen with --series
path, uid = series_folder("dicom-mixed", mr, [ExplicitVRLittleEndian])
other = generate_uid()
dicom(os.path.join(path, "OTHER"), mr[0], 0, other, ExplicitVRLittleEndian)
open(os.path.join(out, "dicom-mixed-uid.txt"), "w").write(uid)
refused.append(["dicom-mixed", "-", "2 series"])
path = folder("dicom-unordered")
uid = generate_uid()
for z in range(3):
    dicom(os.path.join(path, "IM%d" % z), mr[z], z, uid, ExplicitVRLittleEndian, position=z != 1, instance=z != 1)
refused.append(["dicom-unordered", "-", "IM1"])
path, uid = series_folder("dicom-other-size", mr, [ExplicitVRLittleEndian])
dicom(os.path.join(path, "IM0001"), mr[0][:8], 1, uid, ExplicitVRLittleEndian)
refused.append(["dicom-other-size", "-", "IM0001"])
path, uid = series_folder("dicom-cut", mr, [ExplicitVRLittleEndian])
raw = open(os.path.join(path, "IM0002"), "rb").read()
open(os.path.join(path, "IM0002"), "wb").write(raw[:-40])
refused.append(["dicom-cut", "-", "IM0002"])
path = folder("dicom-jpeg")
dicom(os.path.join(path, "IM0"), mr[0], 0, generate_uid(), ExplicitVRLittleEndian)
ds = pydicom.dcmread(os.path.join(path, "IM0"))
ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.50"
ds.PixelData = pydicom.encaps.encapsulate([b"\xff\xd8\xff\xd9"])
ds.save_as(os.path.join(path, "IM0"))
refused.append(["dicom-jpeg", "-", "the JPEG data cannot be decoded"])

with open(os.path.join(out, "volumes.tsv"), "w") as f:
    for row in reference:
        f.write("\t".join(repr(x) if isinstance(x, float) else str(x) for x in row) + "\n")
with open(os.path.join(out, "volumes-refused.tsv"), "w") as f:
    for row in refused:
        f.write("\t".join(row) + "\n")
