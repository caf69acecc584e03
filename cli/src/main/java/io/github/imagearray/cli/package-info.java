/**
 * The command line ({@code java -jar target/imagearray-cli.jar}): {@code stats}, {@code describe},
 * {@code demo} and {@code bench}, with one-line errors and exit statuses.
 */
package io.github.imagearray.cli;
