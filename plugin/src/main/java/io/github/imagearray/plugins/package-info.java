/**
 * The ImageJ 1.x menu commands ({@code plugins.config}): thin translators from the active image and
 * a macro-recordable dialog to the core, each with a non-GUI {@code process(...)} that tests call.
 */
package io.github.imagearray.plugins;
