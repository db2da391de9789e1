package ru.sipring.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Russian or English per user: {@code ?lang=en} sets a cookie that wins from then on; without it the browser's
 * Accept-Language decides among the two, Russian when it names neither.
 */
@Configuration(proxyBeanMethods = false)
class WebMvcConfiguration implements WebMvcConfigurer {
  static final Locale RU = Locale.forLanguageTag("ru");

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver r = new CookieLocaleResolver("sipring-lang") {
      @Override
      protected Locale determineDefaultLocale(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
          try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), List.of(RU, Locale.ENGLISH));
            if (best != null) {
              return best;
            }
          } catch (IllegalArgumentException e) {
            // a malformed header falls back to Russian
          }
        }
        return RU;
      }
    };
    r.setCookieMaxAge(Duration.ofDays(365));
    r.setCookieHttpOnly(true);
    r.setCookieSameSite("Lax");
    return r;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
    lang.setParamName("lang");
    lang.setIgnoreInvalidLocale(true);
    registry.addInterceptor(lang);
  }

  /** Only the two languages the labels exist in. */
  static Locale supported(Locale l) {
    return "en".equals(l.getLanguage()) ? Locale.ENGLISH : RU;
  }
}
