package dev.streamwright.runtime;
