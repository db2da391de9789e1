package ru.sipring.web;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator workspace's settings, {@code sipring.web.workspace.*} (feature: operator workspace).
 *
 * @param operators sign-in name to operator number (the number is the operator's extension), for users of
 *     {@code sipring.web.users} and for an admin who works as an operator; stored operator users carry their
 *     registry number themselves
 */
@ConfigurationProperties("sipring.web.workspace")
public record WorkspaceProperties(@DefaultValue Map<String, String> operators) {}
