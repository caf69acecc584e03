/**
 * SciJava commands for headless scripts and {@code CommandService}: thin translators over the
 * core, without menu entries (the ImageJ 1.x commands own the menu), cancelling with a message.
 */
package io.github.imagearray.commands;
