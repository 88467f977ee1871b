/**
 * Benchmarks: JMH micro-benchmarks and scenario runs that print Markdown tables. They measure;
 * the tests assert behaviour. Nothing here runs in the default build's tests.
 */
package dev.outdial.bench;
