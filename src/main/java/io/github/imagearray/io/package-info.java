/**
 * Image files, with no ImageJ class: MetaImage ({@code .mhd}/{@code .mha}) with
 * {@link io.github.imagearray.io.MetaImageReader}, NIfTI-1 with
 * {@link io.github.imagearray.io.NiftiReader}, TIFF with {@link io.github.imagearray.io.TiffReader}
 * (TwelveMonkeys ImageIO decodes, {@code TiffPages} checks the structure first);
 * {@link io.github.imagearray.io.ImageFiles} picks by extension. Every problem is an
 * {@link io.github.imagearray.io.ImageFileException} naming the file.
 */
package io.github.imagearray.io;
