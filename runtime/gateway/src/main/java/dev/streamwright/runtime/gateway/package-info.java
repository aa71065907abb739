/**
 * The remote runtime: deploys compiled pipelines to a Flink session cluster through its SQL Gateway
 * and operates them through its REST API, with Flink's own REST client and message classes.
 */
package dev.streamwright.runtime.gateway;
