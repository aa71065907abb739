/**
 * Live figures of running deployments, headless: the monitor polls Flink's REST API and the Kafka
 * brokers of a deployment and hands out snapshots ({@code figures}); the maths live in {@code lag}
 * and {@code latency}, bounded history in {@code series}, the collectors in {@code kafka} and
 * {@code flink}, the panels in {@code ui}. Headless cores of what comes next: the drift of columns
 * ({@code drift}: profiles and measures), the cost of a deployment ({@code cost}: OpenCost's
 * allocation model mapped to Flink) and alert rules over every signal ({@code alerts}).
 */
package dev.streamwright.monitor;
