"""Writes a few scans with nibabel, a broken one, and numpy's statistics of each, for the tests of
the command line on many files.

Usage: python3 write_scans.py DIR

DIR gets scan1.nii.gz ... scan6 (float32 with two NaN, int16, uint8, float64, uint16 as
.nii, a 2D float32), large.nii (uint8, 160 x 160 x 170), broken.nii.gz (scan2.nii.gz with one byte of its compressed data changed, so
that its gzip checksum fails), and scans.tsv: one line per scan with its name, the voxel count,
count (voxels that are not NaN), nan_count, then mean, median, variance, standard deviation,
skewness, kurtosis, minimum, maximum (numpy and scipy over the voxels that are not NaN) and the
percentiles 1, 5, 25, 75, 95, 99 (numpy's linear interpolation).
"""
import os
import sys

import nibabel as nib
import numpy as np
from scipy.stats import kurtosis, skew

out = sys.argv[1]
rng = np.random.default_rng(27)


def scan(name, data):
    img = nib.Nifti1Image(data, np.eye(4))
    img.header.set_data_dtype(data.dtype)
    nib.save(img, os.path.join(out, name))
    return name, data


scans = []
f32 = rng.normal(100, 15, (24, 20, 12)).astype(np.float32)
f32[0, 0, 0] = np.nan
f32[3, 4, 5] = np.nan
scans.append(scan("scan1.nii.gz", f32))
scans.append(scan("scan2.nii.gz", rng.integers(-1024, 3000, (32, 16, 10)).astype(np.int16)))
scans.append(scan("scan3.nii.gz", rng.integers(0, 256, (17, 13, 7)).astype(np.uint8)))
scans.append(scan("scan4.nii.gz", rng.lognormal(0, 1, (16, 16, 8)).astype(np.float64)))
scans.append(scan("scan5.nii", rng.integers(0, 65536, (20, 10, 6)).astype(np.uint16)))
scans.append(scan("scan6.nii.gz", rng.uniform(-1, 1, (30, 40)).astype(np.float32)))
# beyond the 4 Mi voxels up to which many files are measured on one thread each
scans.append(scan("large.nii", rng.integers(0, 200, (160, 160, 170)).astype(np.uint8)))

with open(os.path.join(out, "scan2.nii.gz"), "rb") as f:
    broken = bytearray(f.read())
broken[len(broken) // 2] ^= 0xFF
with open(os.path.join(out, "broken.nii.gz"), "wb") as f:
    f.write(bytes(broken))

with open(os.path.join(out, "scans.tsv"), "w") as f:
    for name, data in scans:
        values = data.astype(np.float64).ravel()
        kept = values[~np.isnan(values)]
        row = [name, values.size, kept.size, values.size - kept.size, np.mean(kept), np.median(kept), np.var(kept),
               np.std(kept), skew(kept), kurtosis(kept), np.min(kept), np.max(kept)]
        row += list(np.percentile(kept, [1, 5, 25, 75, 95, 99]))
        f.write("\t".join(repr(v) if isinstance(v, float) else str(v) for v in row) + "\n")
