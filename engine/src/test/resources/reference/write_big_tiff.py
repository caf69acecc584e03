"""Writes a 2 GiB float32 TIFF stack with tifffile, plane by plane: v(x, y, z) = x + 1024 * (z % 4); with
deflate-plane, the first 128 of those planes as one plane of 1024 x 131072 (512 MiB), deflate in strips of 64 rows:
v(x, y) = x + 1024 * (y // 1024 % 4).

Usage: python3 write_big_tiff.py FILE [deflate-plane]
"""
import sys

import numpy as np
import tifffile

W, H, D = 1024, 1024, 512
plane = np.arange(W, dtype=np.float32)[np.newaxis, :].repeat(H, axis=0)


def planes():
    for z in range(D):
        yield plane + np.float32(1024 * (z % 4))


if sys.argv[2:] == ["deflate-plane"]:
    tall = np.concatenate([plane + np.float32(1024 * (z % 4)) for z in range(128)])
    tifffile.imwrite(sys.argv[1], tall, photometric="minisblack", compression="zlib", rowsperstrip=64)
else:
    tifffile.imwrite(sys.argv[1], planes(), shape=(D, H, W), dtype=np.float32, photometric="minisblack")
