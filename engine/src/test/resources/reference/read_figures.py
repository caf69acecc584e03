"""Reads the figures (PNG and TIFF) in a directory with Pillow and tifffile, for the export tests.

Usage: python3 read_figures.py DIR

DIR/figures.tsv gets one line per figure: its name, width, height, the resolution along x and y in
dots per inch as the file states it (Pillow's "dpi" for PNG, the TIFF XResolution and YResolution
tags with ResolutionUnit inch), and the number of samples per pixel.
"""
import os
import sys

import tifffile
from PIL import Image

out = sys.argv[1]
lines = []
for name in sorted(os.listdir(out)):
    path = os.path.join(out, name)
    if name.endswith(".png"):
        with Image.open(path) as image:
            dpi = image.info.get("dpi", (0, 0))
            lines.append([name, image.width, image.height, round(dpi[0], 3), round(dpi[1], 3), len(image.getbands())])
    elif name.endswith(".tif"):
        with tifffile.TiffFile(path) as tif:
            page = tif.pages[0]
            tags = page.tags
            assert tags["ResolutionUnit"].value == 2, "resolution unit is not inch"
            x = tags["XResolution"].value
            y = tags["YResolution"].value
            lines.append([name, page.imagewidth, page.imagelength, round(x[0] / x[1], 3), round(y[0] / y[1], 3),
                          page.samplesperpixel])
with open(os.path.join(out, "figures.tsv"), "w") as f:
    for line in lines:
        f.write("\t".join(str(v) for v in line) + "\n")
