package ru.sipring.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The admin panel. Refuses to start without the first admin's password (there is no default password):
 * {@code SIPRING_ADMIN_PASSWORD}, or {@code SIPRING_ADMIN_PASSWORD_FILE} naming a file that holds it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SipRingWebApplication {

  /**
   * Starts the panel; exit code 2 with one line on stderr when no admin password is given.
   *
   * @param args Spring Boot arguments ({@code --server.port=8080 --sipring.queue-log.paths=...})
   */
  public static void main(String[] args) {
    try {
      AdminPassword.resolve(System.getenv(), args);
    } catch (AdminPassword.Missing e) {
      System.err.println("sipring web: " + e.getMessage());
      System.exit(2);
    }
    SpringApplication.run(SipRingWebApplication.class, args);
  }
}
