/**
 * What the example servers share at start: picocli options for the configuration file, port and
 * interface ({@link io.ringside.examples.launch.ServerOptions}), and one-line failures with exit
 * codes ({@link io.ringside.examples.launch.Launcher}).
 */
package io.ringside.examples.launch;
