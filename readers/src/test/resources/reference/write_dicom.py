"""Writes DICOM files as scanners, archives and toolkits write them — pydicom for the uncompressed,
unusual and multi-frame ones (Enhanced CT and MR with per-frame functional groups, RT Dose, SEG,
files that hold no image), DCMTK (dcmcrle, dcmcjpeg, dcmconv) and GDCM (gdcmconv) for the compressed
ones — and numpy's statistics of the values they mean (the modality LUT, or Dose Grid Scaling,
applied), for the DICOM reader's tests.

Usage: python3 write_dicom.py DIR

DIR/dicom.tsv: one line per volume to read: its name (a file or folder under DIR), count, mean,
median, variance, standard deviation, minimum, maximum (numpy, float64, exact median), the voxel
size x, y, z, then the mean of each plane in the order along the slice normal.
DIR/dicom-refused.tsv: one line per file or folder to refuse: its name and a word of the message.
DIR/dicom-lossy.tsv: one line per lossy JPEG volume: its name and pydicom's (Pillow's) mean of it.
The compressed files are compared with the uncompressed files the tools made them from (lossless);
the RLE ones also with pydicom's own RLE decoder.
"""
import glob
import os
import shutil
import subprocess
import sys

import numpy as np
import pydicom
import pydicom.data
import pydicom.encaps
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixel_data_handlers.numpy_handler import pack_bits
from pydicom.pixel_data_handlers.util import apply_modality_lut
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, generate_uid

out = sys.argv[1]
rng = np.random.default_rng(20261206)
reference, refused, lossy = [], [], []
CT, MR = "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4"
ENHANCED_CT, ENHANCED_MR = "1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.5.1.4.1.1.4.1"
RT_DOSE, SEG = "1.2.840.10008.5.1.4.1.1.481.2", "1.2.840.10008.5.1.4.1.1.66.4"
SR, ECG = "1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.9.1.1"


def expect(name, planes, voxel):
    """planes: the values of each plane, in the order along the normal."""
    v = np.concatenate([np.asarray(p, dtype=np.float64).ravel() for p in planes])
    means = [np.asarray(p, dtype=np.float64).mean() for p in planes]
    reference.append([name, v.size, v.mean(), np.median(v), v.var(), v.std(), v.min(), v.max()] + list(voxel) + means)


def refuse(name, word):
    refused.append([name, word])


def path(*names):
    p = os.path.join(out, *names)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def run(*command):
    subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def base(sop, syntax=ExplicitVRLittleEndian, series=None):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = syntax
    meta.ImplementationClassUID = generate_uid()
    ds = Dataset()
    ds.file_meta = meta
    ds.preamble = b"\0" * 128
    ds.is_little_endian = syntax != ExplicitVRBigEndian
    ds.is_implicit_VR = syntax == ImplicitVRLittleEndian
    ds.SOPClassUID = sop
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = series or generate_uid()
    ds.PatientName = "Test^Phantom"
    return ds


def pixels(ds, volume, bits_stored=None):
    """Image Pixel module and native Pixel Data of frames (z, y, x)."""
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = volume.shape[1:]
    ds.BitsAllocated = volume.dtype.itemsize * 8
    ds.BitsStored = bits_stored or ds.BitsAllocated
    ds.HighBit = ds.BitsStored - 1
    ds.PixelRepresentation = 1 if volume.dtype.kind == "i" else 0
    order = ">" if not ds.is_little_endian else "<"
    ds.PixelData = volume.astype(volume.dtype.newbyteorder(order)).tobytes()
    if volume.shape[0] > 1:
        ds.NumberOfFrames = volume.shape[0]


def single(file, plane, z, series, sop=CT, syntax=ExplicitVRLittleEndian, slope=1.0, intercept=0.0):
    ds = base(sop, syntax, series)
    ds.Modality = "CT" if sop == CT else "MR"
    ds.InstanceNumber = z + 1
    ds.ImagePositionPatient = [-40.0, 12.5, 2.5 * z - 10]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [0.8, 0.6]
    if slope != 1 or intercept != 0:
        ds.RescaleSlope, ds.RescaleIntercept = slope, intercept
    pixels(ds, plane[None])
    ds.save_as(file, write_like_original=False)
    return ds


# --- an uncompressed CT series (pydicom), the source of the compressed ones -------------------------
ct = rng.integers(-1024, 3000, size=(3, 16, 20)).astype(np.int16)
ct[1, 0, 0], ct[2, 0, 0] = -32768, 32767
series = generate_uid()
for z in range(3):
    single(path("ct", "IM%d" % (2 - z)), ct[z], z, series, intercept=-1024.0)
ct_planes = [p.astype(np.float64) - 1024 for p in ct]
expect("ct", ct_planes, (0.6, 0.8, 2.5))
mr = rng.integers(0, 4096, size=(3, 16, 20)).astype(np.uint16)
series = generate_uid()
for z in range(3):
    single(path("mr", "IM%d" % z), mr[z], z, series, sop=MR)
expect("mr", list(mr), (0.6, 0.8, 2.5))

# signed values of 12 bits stored in 16: JPEG codes 12-bit patterns, which the reader sign-extends
ct12 = rng.integers(-2048, 2048, size=(3, 16, 20)).astype(np.int16)
ct12[0, 0, 0], ct12[0, 0, 1] = -2048, 2047
series = generate_uid()
for z in range(3):
    ds = single(path("ct12", "IM%d" % z), ct12[z], z, series)
    ds.BitsStored, ds.HighBit = 12, 11
    ds.save_as(path("ct12", "IM%d" % z), write_like_original=False)
assert np.array_equal(pydicom.dcmread(path("ct12", "IM0")).pixel_array, ct12[0])
expect("ct12", list(ct12), (0.6, 0.8, 2.5))

# --- compressed by DCMTK and GDCM, file by file, from the uncompressed series -----------------------
def compressed(name, source, command):
    os.makedirs(os.path.join(out, name), exist_ok=True)
    for f in sorted(os.listdir(path(source))):
        command(path(source, f), path(name, f))


compressed("ct-rle-dcmtk", "ct", lambda a, b: run("dcmcrle", a, b))
compressed("ct-rle-gdcm", "ct", lambda a, b: run("gdcmconv", "--rle", a, b))
compressed("ct-deflated-dcmtk", "ct", lambda a, b: run("dcmconv", "+td", a, b))
compressed("ct-jpeg-sv1-dcmtk", "ct", lambda a, b: run("dcmcjpeg", "+e1", a, b))
compressed("ct-jpeg-sv6-dcmtk", "ct", lambda a, b: run("dcmcjpeg", "+el", "+sv", "6", a, b))
compressed("ct-jpeg-gdcm", "ct", lambda a, b: run("gdcmconv", "--jpeg", a, b))
compressed("ct12-jpeg-sv1-dcmtk", "ct12", lambda a, b: run("dcmcjpeg", "+e1", a, b))
compressed("ct12-jpeg-gdcm", "ct12", lambda a, b: run("gdcmconv", "--jpeg", a, b))
compressed("mr-rle-gdcm", "mr", lambda a, b: run("gdcmconv", "--rle", a, b))
compressed("mr-jpeg-sv1-dcmtk", "mr", lambda a, b: run("dcmcjpeg", "+e1", a, b))
compressed("mr-jpeg-sv7-dcmtk", "mr", lambda a, b: run("dcmcjpeg", "+el", "+sv", "7", a, b))
# gdcmconv splits frames already compressed into fragments of at most 64 bytes
compressed("mr-jpeg-split-gdcm", "mr-jpeg-sv1-dcmtk", lambda a, b: run("gdcmconv", "--split", "64", a, b))
for name in ["ct-rle-dcmtk", "ct-rle-gdcm", "ct-deflated-dcmtk", "ct-jpeg-sv1-dcmtk", "ct-jpeg-sv6-dcmtk",
             "ct-jpeg-gdcm"]:
    expect(name, ct_planes, (0.6, 0.8, 2.5))
for name in ["ct12-jpeg-sv1-dcmtk", "ct12-jpeg-gdcm"]:
    expect(name, list(ct12), (0.6, 0.8, 2.5))
for name in ["mr-rle-gdcm", "mr-jpeg-sv1-dcmtk", "mr-jpeg-sv7-dcmtk", "mr-jpeg-split-gdcm"]:
    expect(name, list(mr), (0.6, 0.8, 2.5))
# pydicom's own RLE decoder agrees with the source
for name in ["ct-rle-dcmtk", "ct-rle-gdcm"]:
    for f in os.listdir(path(name)):
        assert np.array_equal(pydicom.dcmread(path(name, f)).pixel_array, pydicom.dcmread(path("ct", f)).pixel_array)
compressed("ct-jpegls-gdcm", "ct", lambda a, b: run("gdcmconv", "--jpegls", a, b))
refuse("ct-jpegls-gdcm", "1.2.840.10008.1.2.4.80")
compressed("ct-j2k-gdcm", "ct", lambda a, b: run("gdcmconv", "--j2k", a, b))
refuse("ct-j2k-gdcm", "1.2.840.10008.1.2.4.90")

# lossy baseline JPEG of 8-bit data: read, with a warning; pydicom decodes it through Pillow
small = (rng.normal(120, 30, size=(3, 16, 24)).clip(0, 255)).astype(np.uint8)
series = generate_uid()
for z in range(3):
    single(path("us8", "IM%d" % z), small[z], z, series, sop=MR)
compressed("us8-jpeg-baseline", "us8", lambda a, b: run("dcmcjpeg", "+eb", a, b))
lossy.append(["us8-jpeg-baseline", np.mean([pydicom.dcmread(path("us8-jpeg-baseline", f)).pixel_array.mean()
                                            for f in sorted(os.listdir(path("us8-jpeg-baseline")))])])

# --- headers that are merely unusual ------------------------------------------------------------------
# ACR-NEMA style: no preamble, no DICM, no file meta group (implicit VR little endian)
acr = rng.integers(0, 1000, size=(3, 16, 20)).astype(np.uint16)
series = generate_uid()
for z in range(3):
    ds = single(path("acr-nema", "IM%d" % z), acr[z], z, series)
    del ds.file_meta
    ds.preamble = None
    ds.is_implicit_VR, ds.is_little_endian = True, True
    pydicom.dcmwrite(path("acr-nema", "IM%d" % z), ds, write_like_original=True)
    assert open(path("acr-nema", "IM%d" % z), "rb").read(4) != b"\0\0\0\0"
expect("acr-nema", list(acr), (0.6, 0.8, 2.5))
expect("acr-nema/IM1", [acr[1]], (0.6, 0.8, 1.0))


def nested(undefined):
    """A private sequence holding a public one, nested three deep, undefined lengths where asked."""
    inner = Dataset()
    inner.CodeValue, inner.CodingSchemeDesignator, inner.CodeMeaning = "121", "DCM", "odd"
    middle = Dataset()
    middle.add_new(0x00091010, "LO", "CREATOR")
    middle.add_new(0x00091020, "SQ", Sequence([inner, inner]))
    middle.ConceptNameCodeSequence = Sequence([inner])
    for item in (inner, middle):
        item.is_undefined_length_sequence_item = undefined
    return Sequence([middle, Dataset()])


series = generate_uid()
unusual = rng.integers(-500, 500, size=(4, 16, 20)).astype(np.int16)
for z in range(4):
    syntax = [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian, ImplicitVRLittleEndian][z]
    f = path("unusual", "IM%d" % z)
    ds = single(f, unusual[z], z, series, syntax=syntax, slope=0.5, intercept=10.0)
    ds.add_new(0x00090010, "LO", "PRIVATE CREATOR")
    ds.add_new(0x00091001, "SQ", nested(z % 2 == 0))
    ds.ReferencedImageSequence = nested(z % 2 == 1)
    for tag in (0x00091001, 0x00081140):
        ds[tag].is_undefined_length = z % 2 == 0
    ds.add_new(0x00091002, "OB", b"odd")  # an odd length
    ds.InstanceNumber = ""  # empty numeric strings are absent values
    ds.SliceThickness = ""
    ds.add_new(0x7FE10010, "LO", "AFTER PIXELS")  # elements after the pixel data
    ds.add_new(0x7FE11001, "OB", b"\1\2\3\4")
    ds.add_new(0xFFFCFFFC, "OB", b"\0" * 6)  # data set trailing padding
    if z == 3:
        del ds.file_meta.FileMetaInformationGroupLength  # a missing group length
        pydicom.dcmwrite(f, ds, write_like_original=True)
    else:
        ds.save_as(f, write_like_original=False)
    if z == 0:
        # an odd length, as some writers leave them (pydicom pads to even): "odd" without its pad byte
        raw = open(f, "rb").read()
        padded = b"\x09\x00\x02\x10OB\x00\x00\x04\x00\x00\x00odd\x00"
        assert raw.count(padded) == 1
        open(f, "wb").write(raw.replace(padded, padded[:8] + b"\x03" + padded[9:-1]))
expect("unusual", [p * 0.5 + 10.0 for p in unusual], (0.6, 0.8, 2.5))


# --- multi-frame ---------------------------------------------------------------------------------------
def item(**values):
    d = Dataset()
    for k, v in values.items():
        setattr(d, k, v)
    return d


def enhanced(file, sop, volume, positions, orientation, slopes=None, intercepts=None, undefined=False,
             syntax=ExplicitVRLittleEndian, series=None):
    ds = base(sop, syntax, series)
    ds.Modality = "CT" if sop == ENHANCED_CT else "MR"
    ds.InstanceNumber = 1
    shared = item(PixelMeasuresSequence=Sequence([item(PixelSpacing=[0.7, 0.9], SliceThickness=1.5)]),
                  PlaneOrientationSequence=Sequence([item(ImageOrientationPatient=orientation)]))
    if slopes is not None and np.isscalar(slopes):
        shared.PixelValueTransformationSequence = Sequence([item(RescaleSlope=slopes, RescaleIntercept=intercepts,
                                                                 RescaleType="HU")])
    frames = []
    for k, p in enumerate(positions):
        f = item(PlanePositionSequence=Sequence([item(ImagePositionPatient=list(p))]),
                 FrameContentSequence=Sequence([item(InStackPositionNumber=k + 1)]))
        if slopes is not None and not np.isscalar(slopes):
            f.PixelValueTransformationSequence = Sequence([item(RescaleSlope=slopes[k], RescaleIntercept=intercepts[k],
                                                                RescaleType="HU")])
        frames.append(f)
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    ds.PerFrameFunctionalGroupsSequence = Sequence(frames)
    if undefined:
        for tag in (0x52009229, 0x52009230):
            ds[tag].is_undefined_length = True
    pixels(ds, volume)
    ds.save_as(file, write_like_original=False)
    return ds


# Enhanced CT: 4 frames stored out of order along the normal, a rescale per frame
ect = rng.integers(-1024, 2000, size=(4, 16, 20)).astype(np.int16)
z = [5.0, -1.0, 2.0, 8.0]
slopes, intercepts = [1.0, 0.5, 2.0, 1.0], [-1024.0, -1000.0, -1024.5, 0.0]
enhanced(path("enhanced-ct.dcm"), ENHANCED_CT, ect, [(-30.0, -40.0, zz) for zz in z], [1, 0, 0, 0, 1, 0],
         slopes, intercepts)
planes = [ect[k] * slopes[k] + intercepts[k] for k in range(4)]
order = np.argsort(z)
expect("enhanced-ct.dcm", [planes[k] for k in order], (0.9, 0.7, 3.0))
# a folder of two Enhanced CT files of one series, two frames each, their positions interleaved
series = generate_uid()
for name, frames in (("IM1", [0, 3]), ("IM2", [1, 2])):
    enhanced(path("enhanced-ct-folder", name), ENHANCED_CT, ect[frames], [(-30.0, -40.0, z[k]) for k in frames],
             [1, 0, 0, 0, 1, 0], [slopes[k] for k in frames], [intercepts[k] for k in frames], series=series)
expect("enhanced-ct-folder", [planes[k] for k in order], (0.9, 0.7, 3.0))
# Enhanced MR: sagittal, one shared rescale, sequences of undefined length, implicit VR
emr = rng.integers(0, 60000, size=(3, 16, 20)).astype(np.uint16)
x = [10.0, 4.0, 7.0]
enhanced(path("enhanced-mr.dcm"), ENHANCED_MR, emr, [(xx, -20.0, 30.0) for xx in x], [0, 1, 0, 0, 0, -1],
         2.0, 1.0, undefined=True, syntax=ImplicitVRLittleEndian)
# the normal of rows (0,1,0) and columns (0,0,-1) is (-1,0,0): larger x comes first
expect("enhanced-mr.dcm", [emr[k] * 2.0 + 1.0 for k in np.argsort([-xx for xx in x])], (0.9, 0.7, 3.0))
# and both, RLE-compressed by DCMTK and GDCM (multi-frame fragments), JPEG Lossless by DCMTK
run("dcmcrle", path("enhanced-ct.dcm"), path("enhanced-ct-rle.dcm"))
expect("enhanced-ct-rle.dcm", [planes[k] for k in order], (0.9, 0.7, 3.0))
assert np.array_equal(pydicom.dcmread(path("enhanced-ct-rle.dcm")).pixel_array, ect)
run("gdcmconv", "--rle", path("enhanced-mr.dcm"), path("enhanced-mr-rle.dcm"))
expect("enhanced-mr-rle.dcm", [emr[k] * 2.0 + 1.0 for k in np.argsort([-xx for xx in x])], (0.9, 0.7, 3.0))
run("dcmcjpeg", "+e1", path("enhanced-ct.dcm"), path("enhanced-ct-jpeg.dcm"))
expect("enhanced-ct-jpeg.dcm", [planes[k] for k in order], (0.9, 0.7, 3.0))

# fragments re-encapsulated by pydicom: three per frame with an offset table, and without one
source = pydicom.dcmread(path("enhanced-ct-jpeg.dcm"))
jpeg_frames = [f for f in pydicom.encaps.generate_pixel_data_frame(source.PixelData, 4)]
for name, bot in (("enhanced-ct-fragments.dcm", True), ("enhanced-ct-fragments-no-table.dcm", False)):
    source.PixelData = pydicom.encaps.encapsulate(jpeg_frames, fragments_per_frame=3, has_bot=bot)
    source.save_as(path(name))
    expect(name, [planes[k] for k in order], (0.9, 0.7, 3.0))

# RT Dose: 32-bit dose grid, Grid Frame Offset Vector descending, Dose Grid Scaling (Gy)
dose = rng.integers(0, 2 ** 31, size=(3, 16, 20)).astype(np.uint32)
ds = base(RT_DOSE)
ds.Modality = "RTDOSE"
ds.ImagePositionPatient = [-50.0, -60.0, 20.0]
ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
ds.PixelSpacing = [2.5, 2.0]
ds.GridFrameOffsetVector = [0.0, -3.0, -6.0]
ds.DoseGridScaling = 1.5e-9
ds.DoseUnits, ds.DoseType, ds.DoseSummationType = "GY", "PHYSICAL", "PLAN"
ds.FrameIncrementPointer = 0x3004000C
pixels(ds, dose)
ds.save_as(path("rtdose.dcm"), write_like_original=False)
expect("rtdose.dcm", [dose[k] * 1.5e-9 for k in (2, 1, 0)], (2.0, 2.5, 3.0))

# SEG: 1-bit, 3 frames of 7 x 15 (105 bits: frames begin within a byte), one segment
mask = (rng.random(size=(3, 7, 15)) < 0.3).astype(np.uint8)
ds = base(SEG)
ds.Modality = "SEG"
ds.SegmentationType = "BINARY"
ds.SharedFunctionalGroupsSequence = Sequence([item(
    PixelMeasuresSequence=Sequence([item(PixelSpacing=[1.0, 1.0], SliceThickness=2.0)]),
    PlaneOrientationSequence=Sequence([item(ImageOrientationPatient=[1, 0, 0, 0, 1, 0])]))])
ds.PerFrameFunctionalGroupsSequence = Sequence([item(
    PlanePositionSequence=Sequence([item(ImagePositionPatient=[0.0, 0.0, 2.0 * k])]),
    SegmentIdentificationSequence=Sequence([item(ReferencedSegmentNumber=1)])) for k in range(3)])
ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
ds.Rows, ds.Columns, ds.NumberOfFrames = 7, 15, 3
ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 1, 1, 0, 0
ds.PixelData = pack_bits(mask.ravel())
ds.save_as(path("seg.dcm"), write_like_original=False)
assert np.array_equal(pydicom.dcmread(path("seg.dcm")).pixel_array, mask)
expect("seg.dcm", list(mask), (1.0, 1.0, 2.0))

# a SEG on the Enhanced CT's grid, its frames stored in another order: as a mask, it selects the
# CT's voxels at the same positions once both are ordered along the normal
seg_z = sorted(z, reverse=True)
ct_mask = (rng.random(size=(4, 16, 20)) < 0.4).astype(np.uint8)
ds.Rows, ds.Columns, ds.NumberOfFrames = 16, 20, 4
ds.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].PixelSpacing = [0.7, 0.9]
ds.PerFrameFunctionalGroupsSequence = Sequence([item(
    PlanePositionSequence=Sequence([item(ImagePositionPatient=[-30.0, -40.0, zz])]),
    SegmentIdentificationSequence=Sequence([item(ReferencedSegmentNumber=1)])) for zz in seg_z])
ds.PixelData = pack_bits(ct_mask.ravel())
ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
ds.save_as(path("seg-ct.dcm"), write_like_original=False)
by_z = {zz: planes[k] for k, zz in enumerate(z)}
selected = np.concatenate([by_z[zz][ct_mask[k] == 1] for k, zz in enumerate(seg_z)])
with open(os.path.join(out, "dicom-masked.tsv"), "w") as f:
    f.write("enhanced-ct.dcm\tseg-ct.dcm\t%d\t%r\t%r\n" % (selected.size, float(selected.mean()),
                                                        float(np.median(selected))))

# a SEG of two segments sharing positions, frames stored segment by segment: a label image (the
# segment number, 0 for none); one without the empty frame of segment 2 (as highdicom leaves out
# empty frames); one whose segments overlap (refused)
labels = rng.integers(0, 3, size=(2, 16, 20)).astype(np.uint8)
labels[1][labels[1] == 2] = 0  # segment 2 is empty at the second position
for name, frames in (("seg-labels.dcm", [(1, 0), (1, 1), (2, 0), (2, 1)]),
                     ("seg-labels-no-empty-frame.dcm", [(1, 0), (1, 1), (2, 0)]),
                     ("seg-overlap.dcm", [(1, 0), (1, 1), (2, 0), (2, 1)])):
    ds.NumberOfFrames = len(frames)
    ds.PerFrameFunctionalGroupsSequence = Sequence([item(
        PlanePositionSequence=Sequence([item(ImagePositionPatient=[-30.0, -40.0, 1.0 + k])]),
        SegmentIdentificationSequence=Sequence([item(ReferencedSegmentNumber=segment)])) for segment, k in frames])
    bits = np.stack([(labels[k] == segment) for segment, k in frames]).astype(np.uint8)
    if name == "seg-overlap.dcm":
        bits[3] = 1
    ds.PixelData = pack_bits(bits.ravel())
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.save_as(path(name), write_like_original=False)
    assert np.array_equal(pydicom.dcmread(path(name)).pixel_array, bits)
expect("seg-labels.dcm", list(labels), (0.9, 0.7, 1.0))
expect("seg-labels-no-empty-frame.dcm", list(labels), (0.9, 0.7, 1.0))
refuse("seg-overlap.dcm", "segments 1 and 2 overlap")

# --- files that hold no image -----------------------------------------------------------------------
ds = base(SR)
ds.Modality = "SR"
ds.ValueType = "CONTAINER"
ds.ContentSequence = Sequence([item(RelationshipType="CONTAINS", ValueType="TEXT", TextValue="no image here",
                                    ConceptNameCodeSequence=Sequence([item(CodeValue="121071",
                                                                           CodingSchemeDesignator="DCM",
                                                                           CodeMeaning="Finding")]))])
ds.ContentSequence.is_undefined_length = True
ds.save_as(path("sr.dcm"), write_like_original=False)
refuse("sr.dcm", "holds no image: SOP class " + SR)
ds = base(ECG)
ds.Modality = "ECG"
ds.WaveformSequence = Sequence([item(NumberOfWaveformChannels=2, NumberOfWaveformSamples=50,
                                     SamplingFrequency=500, WaveformBitsAllocated=16, WaveformSampleInterpretation="SS",
                                     WaveformData=rng.integers(-100, 100, size=100).astype("<i2").tobytes())])
ds.save_as(path("ecg.dcm"), write_like_original=False)
refuse("ecg.dcm", "holds no image: SOP class " + ECG)

# a series folder with a report beside it (left out, with a warning), and one with a text file (refused)
shutil.copytree(path("ct"), path("ct-with-report"))
shutil.copyfile(path("sr.dcm"), path("ct-with-report", "SR0001"))
shutil.copytree(path("ct"), path("ct-with-notes"))
open(path("ct-with-notes", "notes.txt"), "w").write("scanned on Monday\n")
refuse("ct-with-notes", "notes.txt: not a DICOM file")

# --- broken variants: each refused in one line naming the file and what is wrong ----------------------
def copy(source, name):
    shutil.copyfile(path(source), path(name))
    return path(name)


raw = open(path("enhanced-ct-rle.dcm"), "rb").read()
open(path("broken-fragments-cut.dcm"), "wb").write(raw[:-300])
refuse("broken-fragments-cut.dcm", "truncated file")
# fewer frames than Number of Frames says
ds = pydicom.dcmread(path("rtdose.dcm"))
ds.NumberOfFrames = 4
ds.GridFrameOffsetVector = [0.0, -3.0, -6.0, -9.0]
ds.save_as(path("broken-fewer-frames.dcm"))
refuse("broken-fewer-frames.dcm", "fewer frames than Number of Frames")
# an offset table pointing outside the data
ds = pydicom.dcmread(path("enhanced-ct-fragments.dcm"))
data = bytearray(ds.PixelData)
data[8 + 12:8 + 16] = (10 ** 6).to_bytes(4, "little")  # the fourth frame's offset
ds.PixelData = bytes(data)
ds.save_as(path("broken-offset-table.dcm"))
refuse("broken-offset-table.dcm", "entry 4 of the Basic Offset Table")
# a per-frame functional groups sequence with a missing item
ds = pydicom.dcmread(path("enhanced-ct.dcm"))
del ds.PerFrameFunctionalGroupsSequence[2]
ds.save_as(path("broken-per-frame.dcm"))
refuse("broken-per-frame.dcm", "3 items for 4 frames")
# frames of different orientation
ds = pydicom.dcmread(path("enhanced-ct.dcm"))
ds.PerFrameFunctionalGroupsSequence[2].PlaneOrientationSequence = Sequence([item(
    ImageOrientationPatient=[0, 1, 0, 0, 0, -1])])
ds.save_as(path("broken-orientation.dcm"))
refuse("broken-orientation.dcm", "frame 3 is oriented")
# a truncated RLE segment: the second frame's fragment cut short
ds = pydicom.dcmread(path("enhanced-ct-rle.dcm"))
rle_frames = [f for f in pydicom.encaps.generate_pixel_data_frame(ds.PixelData, 4)]
rle_frames[1] = rle_frames[1][:len(rle_frames[1]) - 40]
ds.PixelData = pydicom.encaps.encapsulate(rle_frames, has_bot=True)
ds.save_as(path("broken-rle-segment.dcm"))
refuse("broken-rle-segment.dcm", "frame 2: RLE segment 2")
# a bad deflate stream: bytes in the middle overwritten, and a deflated file cut short
raw = open(path("ct-deflated-dcmtk", "IM0"), "rb").read()
bad = bytearray(raw)
bad[len(raw) // 2:len(raw) // 2 + 40] = b"\xff" * 40
open(path("broken-deflate.dcm"), "wb").write(bytes(bad))
refuse("broken-deflate.dcm", "deflate")
open(path("broken-deflate-cut.dcm"), "wb").write(raw[:len(raw) * 2 // 3])
refuse("broken-deflate-cut.dcm", "deflated data set ends early")
# two frames at one position
ds = pydicom.dcmread(path("enhanced-ct.dcm"))
ds.PerFrameFunctionalGroupsSequence[3].PlanePositionSequence[0].ImagePositionPatient = [-30.0, -40.0, 5.0]
ds.save_as(path("broken-same-position.dcm"))
refuse("broken-same-position.dcm", "same position")
# a header cut within a sequence, and a Rows of 0
raw = open(path("enhanced-mr.dcm"), "rb").read()
open(path("broken-header-cut.dcm"), "wb").write(raw[:700])
refuse("broken-header-cut.dcm", "truncated file")
raw = open(path("rtdose.dcm"), "rb").read()
frames = b"\x28\x00\x08\x00IS\x02\x003 "
assert raw.count(frames) == 1
open(path("broken-frames-text.dcm"), "wb").write(raw.replace(frames, frames[:-2] + b"x "))  # no number
refuse("broken-frames-text.dcm", "Number of Frames (0028,0008)")
# one file of a series whose Rescale Intercept is garbled (a control byte, embedded spaces): refused
# naming the file and the element, the value quoted printable; pydicom cannot read it as a number either
shutil.copytree(path("ct"), path("broken-intercept"))
raw = open(path("broken-intercept", "IM1"), "rb").read()
intercept = b"\x28\x00\x52\x10DS\x08\x00-1024.0 "
assert raw.count(intercept) == 1
open(path("broken-intercept", "IM1"), "wb").write(raw.replace(intercept, intercept[:8] + b"0\x03   .0 "))
try:
    float(pydicom.dcmread(path("broken-intercept", "IM1")).RescaleIntercept)
    raise AssertionError("pydicom read the garbled Rescale Intercept")
except ValueError:
    pass
refuse("broken-intercept", 'IM1: Rescale Intercept (0028,1052) holds "0\\x03   .0", not a decimal number.')

# --- pydicom's own test files, which GE, DCMTK, GDCM, highdicom and others wrote (Debian ships them with
# pydicom): pydicom's values, modality LUT and Dose Grid Scaling applied, where pydicom decodes a grey
# image in a transfer syntax ImageArray reads; otherwise only the file's name
READ = {ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian, "1.2.840.10008.1.2.1.99",
        "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"}
test_files = os.path.dirname(pydicom.data.get_testdata_file("CT_small.dcm"))
with open(os.path.join(out, "pydicom-files.tsv"), "w") as f:
    for file in sorted(glob.glob(os.path.join(test_files, "*.dcm"))):
        row = [file]
        try:
            ds = pydicom.dcmread(file)
            if ds.file_meta.TransferSyntaxUID in READ and ds.SamplesPerPixel == 1:
                v = apply_modality_lut(ds.pixel_array, ds).astype(np.float64) * float(ds.get("DoseGridScaling", 1))
                row += [v.size, repr(v.mean()), repr(np.median(v)), repr(v.min()), repr(v.max())]
        except Exception:  # pydicom cannot read or decode it: the reader must only refuse it in one line
            pass
        f.write("\t".join(str(x) for x in row) + "\n")

with open(os.path.join(out, "dicom.tsv"), "w") as f:
    for row in reference:
        f.write("\t".join(repr(float(x)) if isinstance(x, (float, np.floating)) else str(x) for x in row) + "\n")
with open(os.path.join(out, "dicom-refused.tsv"), "w") as f:
    for row in refused:
        f.write("\t".join(row) + "\n")
with open(os.path.join(out, "dicom-lossy.tsv"), "w") as f:
    for row in lossy:
        f.write("%s\t%r\n" % (row[0], float(row[1])))
