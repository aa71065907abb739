/**
 * What a compiled pipeline's connector tables talk to, checked and watched from outside Flink: the
 * Kafka clusters and topics of its Kafka nodes ({@link
 * dev.streamwright.runtime.connectors.KafkaPreflight} before a job starts, {@link
 * dev.streamwright.runtime.connectors.KafkaWatchdog} while it runs) and what its Kafka and file
 * sinks wrote ({@link dev.streamwright.runtime.connectors.SinkTally}).
 */
package dev.streamwright.runtime.connectors;
