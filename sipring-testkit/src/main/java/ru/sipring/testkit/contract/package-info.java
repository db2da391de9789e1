/**
 * Contract suites, one per SPI (DESIGN.md §3): abstract JUnit 5 test classes that an implementation's test extends,
 * supplying a fresh instance, so the in-memory fake and the real adapter (database, files) are held to the same
 * behaviour. Each suite creates its own fixtures; instances are used by one test at a time.
 */
@NullMarked
package ru.sipring.testkit.contract;

import org.jspecify.annotations.NullMarked;
