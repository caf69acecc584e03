"""Writes many small HDF5 files with h5py, as a describe of thousands of files reads them, and
numpy's sum of each, for the test that no file stays open once read.

Usage: python3 write_many_hdf5.py DIR COUNT

DIR/many-NNN.h5: a 4 x 8 x 8 uint16 dataset /data of seeded random values; even-numbered files
contiguous, odd ones in 2 x 4 x 4 gzip chunks. DIR/many-hdf5.tsv: one line per file: its name and
numpy's sum of its voxels (exact: an integer).
"""
import os
import sys

import h5py
import numpy as np

out, count = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(400)
with open(os.path.join(out, "many-hdf5.tsv"), "w") as table:
    for i in range(count):
        name = "many-%03d.h5" % i
        a = rng.integers(0, 65536, size=(4, 8, 8), dtype=np.uint16)
        with h5py.File(os.path.join(out, name), "w") as f:
            if i % 2 == 0:
                f.create_dataset("data", data=a)
            else:
                f.create_dataset("data", data=a, chunks=(2, 4, 4), compression="gzip")
        table.write("%s\t%d\n" % (name, int(a.sum(dtype=np.int64))))
