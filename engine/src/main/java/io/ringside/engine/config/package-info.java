/**
 * Server settings from outside the program: {@link io.ringside.engine.config.RingsideConfig} reads a
 * configuration file (HOCON, JSON or properties) and {@code RINGSIDE_*} environment variables and
 * applies them to a {@code RingsideServer.Builder}; {@link io.ringside.engine.config.ConfigKeys} is
 * the table of keys, one line per option.
 */
package io.ringside.engine.config;
