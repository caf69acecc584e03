/**
 * Image files, with no ImageJ class: TIFF and BigTIFF ({@link io.github.imagearray.io.TiffReader};
 * TwelveMonkeys ImageIO decodes, {@code TiffPages} checks the structure first), NIfTI-1
 * ({@link io.github.imagearray.io.NiftiReader}), MetaImage ({@link io.github.imagearray.io.MetaImageReader}),
 * folders of 2D slices ({@link io.github.imagearray.io.SliceFolder}), DICOM series and multi-frame files
 * ({@link io.github.imagearray.io.DicomSeries}; {@code DicomDataSet} parses, {@code DicomImage} and
 * {@code DicomFrames} lay out the frames, {@code DicomRle} and {@code DicomJpeg} decode), HDF5 datasets ({@link io.github.imagearray.io.Hdf5Reader})
 * and Zarr v2, OME-Zarr and N5 arrays ({@link io.github.imagearray.io.ZarrReader});
 * {@link io.github.imagearray.io.ImageFiles} picks one by what the path names. Large volumes are
 * read plane by plane, or span by span, as the statistics need them. Every problem is an
 * {@link io.github.imagearray.io.ImageFileException} naming the file.
 */
package io.github.imagearray.io;
