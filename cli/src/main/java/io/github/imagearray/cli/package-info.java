/**
 * The command line ({@code imagearray}, the distribution's {@code bin/imagearray}, or
 * {@code java -jar cli/target/imagearray-cli.jar}): {@code stats}, {@code describe}, {@code demo},
 * {@code slices} and {@code histogram}, on one file or (stats, describe) many in one run
 * ({@code ManyFiles}, rows through {@code RowFile}), with one-line errors and exit statuses.
 */
package io.github.imagearray.cli;
