/** The SipRing admin panel: a Spring Boot application on sipring-spring-boot-starter (docs/web.md). */
@NullMarked
package ru.sipring.web;

import org.jspecify.annotations.NullMarked;
