package ru.sipring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** Which requests change something through the fax and cluster API (for the CSRF rule). */
final class OpsPaths {
  private OpsPaths() {
  }

  /** A POST (or other changing method) under /api/fax/ or /api/cluster/. */
  static boolean changing(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean ops = path.startsWith("/api/fax/") || path.startsWith("/api/cluster/");
    String m = request.getMethod().toUpperCase(Locale.ROOT);
    return ops && !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
  }

  /** The request carries HTTP Basic credentials: a service account, not a browser's cookie. */
  static boolean basic(HttpServletRequest request) {
    String h = request.getHeader("Authorization");
    return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
  }
}
