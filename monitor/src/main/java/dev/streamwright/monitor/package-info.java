/**
 * Live figures of running deployments, headless: the monitor polls Flink's REST API and the Kafka
 * brokers of a deployment and hands out snapshots ({@code figures}); the maths live in {@code lag}
 * and {@code latency}, bounded history in {@code series}, the collectors in {@code kafka} and
 * {@code flink}, the panels in {@code ui}.
 */
package dev.streamwright.monitor;
