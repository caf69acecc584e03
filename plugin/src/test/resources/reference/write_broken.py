"""Writes the files of the macro error tests: each good one with nibabel or zarr-python, and broken copies.

Usage: python3 write_broken.py DIR

good.nii.gz    int16 8 x 6 x 4 (x fastest) from nibabel, values 0 to 191
bad-crc.nii.gz the same bytes with the gzip trailer's CRC-32 changed: the data decompress, the checksum fails
short.mhd      a MetaImage header (MET_SHORT 8 x 6 x 4) whose short.raw holds 100 of its 384 bytes
v.zarr         a Zarr v2 array (int16 4 x 6 x 8, zlib) from zarr-python, which ImageArray reads with Gson
two.h5         two 3D datasets from h5py (/a, /b: int16 4 x 6 x 8): which one to read must be named
"""
import os
import sys

import h5py
import nibabel
import numpy as np
import zarr

out = sys.argv[1]
values = np.arange(8 * 6 * 4, dtype=np.int16).reshape(4, 6, 8)

nibabel.save(nibabel.Nifti1Image(values.transpose(), np.eye(4)), os.path.join(out, "good.nii.gz"))
gz = bytearray(open(os.path.join(out, "good.nii.gz"), "rb").read())
# RFC 1952: the member ends with CRC-32 and ISIZE, 4 bytes each, little-endian
gz[-8] ^= 0xFF
open(os.path.join(out, "bad-crc.nii.gz"), "wb").write(gz)

with open(os.path.join(out, "short.mhd"), "w") as mhd:
    mhd.write("ObjectType = Image\nNDims = 3\nDimSize = 8 6 4\nElementType = MET_SHORT\n"
              "ElementByteOrderMSB = False\nElementDataFile = short.raw\n")
values.astype("<i2").tofile(os.path.join(out, "short.raw"))
with open(os.path.join(out, "short.raw"), "r+b") as raw:
    raw.truncate(100)

z = zarr.open(os.path.join(out, "v.zarr"), "w", shape=values.shape, chunks=(2, 3, 4), dtype="<i2",
              compressor=zarr.Zlib(level=1))
z[:] = values

with h5py.File(os.path.join(out, "two.h5"), "w") as h5:
    h5["a"] = values
    h5["b"] = values
