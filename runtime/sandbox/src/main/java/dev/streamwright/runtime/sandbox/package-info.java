/**
 * The local sandbox: an embedded single-node KRaft Kafka broker bound to loopback, for running
 * pipelines with Kafka sources and sinks on one machine.
 */
package dev.streamwright.runtime.sandbox;
