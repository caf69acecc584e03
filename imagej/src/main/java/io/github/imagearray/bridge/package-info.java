/**
 * The one bridge between ImageJ 1.x and ImgLib2: {@link io.github.imagearray.bridge.ImagePlusImgs}
 * wraps an {@code ImagePlus} stack as a planar image without copying.
 */
package io.github.imagearray.bridge;
