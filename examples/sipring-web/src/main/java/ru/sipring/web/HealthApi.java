package ru.sipring.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health} (public): the overall status and each component's status, no details (those are for
 * signed-in admins at {@code /actuator/health}). 200 when UP, 503 otherwise, as load balancers expect.
 */
@RestController
class HealthApi {
  private final HealthEndpoint health;

  HealthApi(HealthEndpoint health) {
    this.health = health;
  }

  @GetMapping("/api/health")
  ResponseEntity<Map<String, Object>> health() {
    HealthComponent h = health.health();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", h.getStatus().getCode());
    if (h instanceof CompositeHealth c && c.getComponents() != null) {
      Map<String, String> parts = new LinkedHashMap<>();
      c.getComponents().forEach((name, part) -> parts.put(name, part.getStatus().getCode()));
      body.put("components", parts);
    }
    return ResponseEntity.status(Status.UP.equals(h.getStatus()) ? 200 : 503).body(body);
  }
}
