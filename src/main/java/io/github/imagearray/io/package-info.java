/**
 * Image files: MetaImage ({@code .mhd}/{@code .mha}) with
 * {@link io.github.imagearray.io.MetaImageReader}, TIFF with ImageJ 1.x through
 * {@link io.github.imagearray.io.TiffReader}; {@link io.github.imagearray.io.ImageFiles} picks by
 * extension. Every problem is an {@link io.github.imagearray.io.ImageFileException} naming the file.
 */
package io.github.imagearray.io;
