/**
 * Daemon control for any Java program: {@link io.skitai.core.daemon.Daemon} starts the program
 * detached (pid file, log files in a {@link io.skitai.core.daemon.RunDirectory}), stops, restarts
 * and reports on it; {@link io.skitai.core.daemon.JavaCommand} is the command line that runs this
 * program again. The Skitai engine's {@code start|stop|restart|status} words are built on it.
 */
package io.skitai.core.daemon;
