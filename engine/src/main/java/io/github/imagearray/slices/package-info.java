/**
 * Orthogonal slices of volumes as views, with their shared display range: the geometry of
 * vIQA's {@code visualize}, free of any window toolkit (the rendering lives in {@code display}).
 */
package io.github.imagearray.slices;
