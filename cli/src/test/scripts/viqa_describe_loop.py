"""vIQA's describe in a Python loop over files, as a vIQA user measures a folder of scans: for each
file, read it with nibabel, compute vIQA's statistics (the numpy/scipy calls of
ImageArray.calculate_statistics, from viqa_statistics.py) and write its one-row statistics CSV.
vIQA itself is not installed here (PyPI is out of reach); this stands in for it.

Usage: python3 viqa_describe_loop.py OUT_DIR FILE...
"""
import csv
import os
import sys

import nibabel as nib
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "io", "github",
                                "imagearray", "cli"))
from viqa_statistics import calculate_statistics  # noqa: E402


def describe(path, out):
    # the file's own type, as vIQA's ImageArray keeps it
    image = np.asanyarray(nib.load(path).dataobj)
    statistics = calculate_statistics(image)
    name = os.path.basename(path).split(".")[0] + ".csv"
    with open(os.path.join(out, name), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(statistics.keys())
        writer.writerow(repr(float(v)) for v in statistics.values())


if __name__ == "__main__":
    for file in sys.argv[2:]:
        describe(file, sys.argv[1])
