"""Times vIQA's ImageArray.calculate_statistics on a raw volume: the numpy/scipy calls it makes.

Usage: python3 viqa_statistics.py FILE DTYPE SIZE RUNS
FILE holds SIZE^3 voxels of the numpy DTYPE ('u1', '<u2' or '<f4'). Prints the seconds of each
run, one per line. Run by `bench --viqa RUNS`.
"""
import sys
import time

import numpy as np
from scipy.stats import kurtosis, skew


def calculate_statistics(image):
    """vIQA's statistics, in its order and with its histogram bins; returns those its describe writes."""
    statistics = {"mean": np.mean(image), "median": np.median(image), "variance": np.var(image),
                  "standarddev": np.std(image), "skewness": skew(image, axis=None),
                  "kurtosis": kurtosis(image, axis=None)}
    bins = np.iinfo(image.dtype).max if image.dtype.kind in "ui" else 255
    np.histogram(image, bins=bins)
    statistics["minimum"] = np.min(image)
    statistics["maximum"] = np.max(image)
    return statistics


def main(path, dtype, size, runs):
    image = np.fromfile(path, dtype=dtype).reshape(size, size, size)
    for _ in range(runs):
        start = time.perf_counter()
        calculate_statistics(image)
        print(time.perf_counter() - start, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
