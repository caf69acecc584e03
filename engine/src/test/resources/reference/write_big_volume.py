"""Writes a volume of 2 GiB or more in one of the formats large volumes come in, plane by plane, with
other software: v(x, y, z) = x + 1024 * (z % 4) over 1024 x 1024 x D voxels.

Usage: python3 write_big_volume.py FORMAT PATH
FORMAT: slices (512 float32 TIFF files, tifffile), hdf5 (float32, chunked 8 x 256 x 256, h5py),
zarr (float32, blosc chunks of 8 x 512 x 512, zarr-python), n5 (float32, raw blocks of 8 x 256 x 256,
zarr-python's N5Store) or dicom (1024 uint16 files, pydicom).
"""
import os
import sys
import warnings

import numpy as np

W = H = 1024
kind, path = sys.argv[1], sys.argv[2]
row = np.arange(W, dtype=np.float32)[np.newaxis, :].repeat(H, axis=0)


def plane(z, dtype=np.float32):
    return (row + 1024 * (z % 4)).astype(dtype)


if kind == "slices":
    import tifffile
    os.makedirs(path)
    for z in range(512):
        tifffile.imwrite(os.path.join(path, "recon_%04d.tif" % z), plane(z), photometric="minisblack")
elif kind == "hdf5":
    import h5py
    with h5py.File(path, "w") as f:
        d = f.create_dataset("exchange/data", shape=(512, H, W), dtype="f4", chunks=(8, 256, 256))
        for z in range(0, 512, 8):
            d[z:z + 8] = np.stack([plane(k) for k in range(z, z + 8)])
elif kind in ("zarr", "n5"):
    import numcodecs
    import zarr
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if kind == "zarr":
            a = zarr.open(path, "w", shape=(512, H, W), chunks=(8, 512, 512), dtype="<f4",
                          compressor=numcodecs.Blosc())
        else:
            a = zarr.create(store=zarr.N5Store(path), shape=(512, H, W), chunks=(8, 256, 256), dtype=">f4",
                            compressor=None)
        for z in range(0, 512, 64):
            a[z:z + 64] = np.stack([plane(k) for k in range(z, z + 64)])
elif kind == "dicom":
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid
    os.makedirs(path)
    series = generate_uid()
    for z in range(1024):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = CTImageStorage
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = Dataset()
        ds.file_meta = meta
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.SOPClassUID, ds.SOPInstanceUID, ds.SeriesInstanceUID = CTImageStorage, meta.MediaStorageSOPInstanceUID, series
        ds.InstanceNumber, ds.ImagePositionPatient, ds.ImageOrientationPatient = z + 1, [0, 0, z], [1, 0, 0, 0, 1, 0]
        ds.Rows, ds.Columns, ds.PixelSpacing = H, W, [1, 1]
        ds.BitsAllocated = ds.BitsStored = 16
        ds.HighBit, ds.PixelRepresentation, ds.SamplesPerPixel = 15, 0, 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.PixelData = plane(z, np.uint16).tobytes()
        ds.save_as(os.path.join(path, "IM%05d" % z), write_like_original=False)
else:
    sys.exit("unknown format " + kind)
