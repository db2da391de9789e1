package ru.sipring.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The screen pop's settings ({@code sipring.screen-pop.*}) of {@link ScreenPopDesk}. Immutable and thread-safe.
 *
 * @param cardRefresh how often the pop's phone index of the client base is re-read at most (a change reported by
 *     {@link ScreenPopDesk#cardsChanged()} is seen at the next pop)
 */
@ConfigurationProperties("sipring.screen-pop")
public record ScreenPopProperties(@DefaultValue("60s") Duration cardRefresh) {}
