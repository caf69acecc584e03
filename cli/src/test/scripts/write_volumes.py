"""Writes COUNT float32 volumes of SIZE^3 random normal voxels as NIfTI (nibabel), for the many-files
benchmark.

Usage: python3 write_volumes.py DIR COUNT SIZE EXTENSION   (EXTENSION: nii.gz or nii)
"""
import os
import sys

import nibabel as nib
import numpy as np

out, count, size, extension = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = np.random.default_rng(27)
os.makedirs(out, exist_ok=True)
for i in range(count):
    data = rng.normal(100, 15, (size, size, size)).astype(np.float32)
    nib.save(nib.Nifti1Image(data, np.eye(4)), os.path.join(out, "v%03d.%s" % (i, extension)))
