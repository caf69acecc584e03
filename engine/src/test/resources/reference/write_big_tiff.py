"""Writes a 2 GiB float32 TIFF stack with tifffile, plane by plane: v(x, y, z) = x + 1024 * (z % 4).

Usage: python3 write_big_tiff.py FILE
"""
import sys

import numpy as np
import tifffile

W, H, D = 1024, 1024, 512
plane = np.arange(W, dtype=np.float32)[np.newaxis, :].repeat(H, axis=0)


def planes():
    for z in range(D):
        yield plane + np.float32(1024 * (z % 4))


tifffile.imwrite(sys.argv[1], planes(), shape=(D, H, W), dtype=np.float32, photometric="minisblack")
