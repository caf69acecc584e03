"""Writes single-frame DICOM files as scanners do (pydicom), whose stored values a Modality LUT
(Rescale Slope and Intercept) turns into the values a user reads, and numpy's statistics of those
values, for the tests of calibrated images in ImageJ.

Usage: python3 write_calibrated.py DIR

DIR/calibrated.tsv gets one line per file: its name, then count, mean, median, variance, standard
deviation, minimum and maximum of the rescaled values as numpy computes them (float64, exact median).
"""
import os
import sys

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, MRImageStorage, generate_uid

out = sys.argv[1]
rng = np.random.default_rng(20261206)
rows = []


def dicom(name, sop_class, modality, stored, slope, intercept):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.SeriesInstanceUID = generate_uid()
    ds.Modality = modality
    ds.InstanceNumber = 1
    ds.ImagePositionPatient = [-60.0, -40.0, 12.5]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.Rows, ds.Columns = stored.shape
    ds.PixelSpacing = [0.7, 0.7]
    ds.SliceThickness = 1.25
    ds.BitsAllocated = ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 1 if stored.dtype.kind == "i" else 0
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.RescaleSlope = slope
    ds.RescaleIntercept = intercept
    ds.PixelData = stored.astype(stored.dtype.newbyteorder("<")).tobytes()
    ds.save_as(os.path.join(out, name), write_like_original=False)
    v = stored.astype(np.float64).ravel() * slope + intercept
    rows.append([name, v.size, v.mean(), np.median(v), v.var(), v.std(), v.min(), v.max()])


# a CT slice in ImageJ's commonest workflow: signed stored values, Hounsfield units = stored - 1024;
# air around a body of soft tissue with bone, as CT_small.dcm has
hu = np.full((48, 64), -1000, dtype=np.int32) + rng.integers(-24, 25, size=(48, 64))
yy, xx = np.mgrid[0:48, 0:64]
body = (yy - 24) ** 2 / 20.0 ** 2 + (xx - 32) ** 2 / 27.0 ** 2 < 1
hu[body] = rng.normal(40, 30, size=body.sum()).round().astype(np.int32)
bone = (yy - 30) ** 2 + (xx - 40) ** 2 < 36
hu[bone] = rng.integers(700, 1500, size=bone.sum())
dicom("ct.dcm", CTImageStorage, "CT", (hu + 1024).astype(np.int16), 1.0, -1024.0)

# an MR slice with a fractional rescale: unsigned stored values
mr = rng.integers(0, 4096, size=(40, 50)).astype(np.uint16)
dicom("mr.dcm", MRImageStorage, "MR", mr, 0.5, -20.25)

with open(os.path.join(out, "calibrated.tsv"), "w") as f:
    for row in rows:
        f.write("\t".join(repr(x) if isinstance(x, float) else str(x) for x in row) + "\n")
