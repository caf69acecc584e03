/**
 * What ImageArray's programs share on their command lines — the command line ({@code imagearray})
 * and the Spark application: {@link io.github.imagearray.command.Arguments} (positional arguments
 * and {@code --name value} options), {@link io.github.imagearray.command.UsageException} (a command
 * line that cannot be run) and {@link io.github.imagearray.command.ExitStatus} (one-line errors, exit
 * statuses 0 to 3). JDK only.
 */
package io.github.imagearray.command;
