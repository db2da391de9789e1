package ru.sipring.campaign.cards;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactStatus;
import ru.sipring.core.BadInputException;
import ru.sipring.core.text.PhoneNumber;

/**
 * One page of a search among the client cards of an assignment. Every filter is optional and they all must hold:
 * {@code statuses} (any of them), {@code fields} (field key → text the field must contain, case ignored; a key
 * that is not a {@link ContactField} key or label names a custom field; {@code phone} also matches the
 * normalised number), and {@code text} (contained in any field, the phone and the custom fields, case ignored).
 * Results come in base order (card id), which never changes between pages. Immutable.
 *
 * <p><b>Two ways to page.</b> {@code page} skips {@code page × size} matching cards (OFFSET): any page can be opened
 * directly, but the store reads every card it skips, so a page deep in a large base is slow (half a million cards on
 * the embedded database: see docs/performance/campaign.md, "Workspace paging"). {@code after} (keyset paging) starts
 * after the card with that id: the next page is {@code query.withAfter(id of the last card of this page)}, and the
 * store seeks to it through the primary key, as fast on the thousandth page as on the first. {@code page} then
 * counts from there. {@link CardPage#total()} always counts every matching card, wherever the page starts.
 *
 * @param assignmentId the assignment whose base is searched
 * @param statuses the statuses a card may have; empty = any
 * @param fields field filters, key → text contained; empty = none
 * @param text text contained in any field; empty = none
 * @param page the page, from 0
 * @param size cards per page, 1 to {@link #MAX_PAGE_SIZE}
 * @param after only cards with a greater id (keyset paging); 0 = from the first card
 */
public record CardQuery(long assignmentId, Set<ContactStatus> statuses, Map<String, String> fields, String text,
    int page, int size, long after) {
  /** The largest page a store returns. */
  public static final int MAX_PAGE_SIZE = 500;
  /** The page size of {@link #of}. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /**
   * Checks and copies the filters.
   *
   * @param assignmentId the assignment searched
   * @param statuses the statuses a card may have; empty = any
   * @param fields field filters, key to text contained
   * @param text text contained in any field; empty = none
   * @param page the page, from 0
   * @param size cards per page
   * @param after only cards with a greater id; 0 = from the first card
   * @throws BadInputException naming the field: a page below 0, a size outside 1..{@value #MAX_PAGE_SIZE}, an
   *     {@code after} below 0, a blank field key or an empty field filter
   */
  public CardQuery {
    Objects.requireNonNull(statuses, "statuses");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(text, "text");
    if (page < 0) {
      throw new BadInputException("page", "must be 0 or more, was " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new BadInputException("size", "must be 1 to " + MAX_PAGE_SIZE + ", was " + size);
    }
    if (after < 0) {
      throw new BadInputException("after", "must be a card id or 0, was " + after);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new BadInputException("page", "too far: page " + page + " of size " + size);
    }
    Map<String, String> f = new LinkedHashMap<>();
    fields.forEach((k, v) -> {
      if (k == null || k.isBlank()) {
        throw new BadInputException("fields", "a field filter needs a field name");
      }
      if (v == null || v.isEmpty()) {
        throw new BadInputException("fields." + k, "the text to search for is empty");
      }
      f.put(k, v);
    });
    statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    fields = Collections.unmodifiableMap(f);
  }

  /**
   * A query from the first card (no {@code after}), as before keyset paging existed.
   *
   * @param assignmentId the assignment searched
   * @param statuses the statuses a card may have; empty = any
   * @param fields field filters, key to text contained
   * @param text text contained in any field; empty = none
   * @param page the page, from 0
   * @param size cards per page
   * @throws BadInputException as the canonical constructor
   */
  public CardQuery(long assignmentId, Set<ContactStatus> statuses, Map<String, String> fields, String text, int page,
      int size) {
    this(assignmentId, statuses, fields, text, page, size, 0);
  }

  /**
   * The first page of every card of an assignment.
   *
   * @param assignmentId the assignment
   * @return a query without filters, page 0 of {@value #DEFAULT_PAGE_SIZE}
   */
  public static CardQuery of(long assignmentId) {
    return new CardQuery(assignmentId, Set.of(), Map.of(), "", 0, DEFAULT_PAGE_SIZE);
  }

  /**
   * This query for cards with one of these statuses.
   *
   * @param s the statuses; empty = any
   * @return the changed copy
   */
  public CardQuery withStatuses(Set<ContactStatus> s) {
    return new CardQuery(assignmentId, s, fields, text, page, size, after);
  }

  /**
   * This query with one more field filter.
   *
   * @param key a {@link ContactField} key or label ({@code city}, {@code Город}), {@code phone}, or a custom field
   * @param contains the text the field must contain, case ignored
   * @return the changed copy
   */
  public CardQuery withField(String key, String contains) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put(key, contains);
    return new CardQuery(assignmentId, statuses, f, text, page, size, after);
  }

  /**
   * This query for cards where any field contains {@code contains}.
   *
   * @param contains the text, case ignored; empty = no such filter
   * @return the changed copy
   */
  public CardQuery withText(String contains) {
    return new CardQuery(assignmentId, statuses, fields, contains, page, size, after);
  }

  /**
   * This query for another page.
   *
   * @param newPage the page, from 0
   * @param newSize cards per page
   * @return the changed copy
   */
  public CardQuery withPage(int newPage, int newSize) {
    return new CardQuery(assignmentId, statuses, fields, text, newPage, newSize, after);
  }

  /**
   * This query for the cards after card {@code id} (keyset paging), from its first page: the page that follows a
   * {@link CardPage} is {@code withAfter} the id of its last card.
   *
   * @param id a card id (it need not match the query, nor exist any more); 0 = from the first card
   * @return the changed copy, with {@code page} 0
   */
  public CardQuery withAfter(long id) {
    return new CardQuery(assignmentId, statuses, fields, text, 0, size, id);
  }

  /**
   * The card field a filter key names: a {@link ContactField} by its key or Russian label, else null (a custom
   * field).
   *
   * @param key the filter key
   * @return the field, or null for a custom field
   */
  public static @Nullable ContactField field(String key) {
    for (ContactField f : ContactField.values()) {
      if (f.key().equalsIgnoreCase(key) || f.label().equalsIgnoreCase(key)) {
        return f;
      }
    }
    return null;
  }

  /**
   * Whether a card passes every filter of this query (the assignment and the page aside). Stores that filter in
   * the database check their candidates with it too, so every store finds the same cards.
   *
   * @param c the card
   * @return true when it passes
   */
  public boolean matches(Contact c) {
    if (!statuses.isEmpty() && !statuses.contains(c.status())) {
      return false;
    }
    for (Map.Entry<String, String> e : fields.entrySet()) {
      ContactField f = field(e.getKey());
      String needle = lower(e.getValue());
      if (f == ContactField.PHONE) {
        if (!phoneMatches(c, e.getValue())) {
          return false;
        }
      } else if (f != null) {
        if (!lower(c.get(f)).contains(needle)) {
          return false;
        }
      } else {
        String v = c.custom().get(e.getKey());
        if (v == null || !lower(v).contains(needle)) {
          return false;
        }
      }
    }
    if (!text.isEmpty()) {
      String needle = lower(text);
      boolean any = phoneMatches(c, text);
      for (String v : c.fields().values()) {
        any = any || lower(v).contains(needle);
      }
      for (String v : c.custom().values()) {
        any = any || lower(v).contains(needle);
      }
      return any;
    }
    return true;
  }

  private static boolean phoneMatches(Contact c, String needle) {
    if (lower(c.phone()).contains(lower(needle))) {
      return true;
    }
    String digits = PhoneNumber.normalize(needle);
    return !digits.isEmpty() && c.phoneNormalized().contains(digits);
  }

  /**
   * The case-folded form every store compares in.
   *
   * @param s text
   * @return {@code s} in lower case (root locale)
   */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
