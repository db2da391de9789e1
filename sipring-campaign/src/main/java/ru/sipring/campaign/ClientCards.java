package ru.sipring.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.sipring.core.text.PhoneNumber;

/**
 * Look-up of a client card by phone number in the outbound client base: every contact of every
 * project/task/assignment of a {@link CampaignStore} (in memory, the JSON file or a database), as a library call
 * a host uses for a screen pop, a CRM widget or a call-back.
 *
 * <p>A screen pop must answer while the operator's phone rings, and the {@link ContactRepository} SPI has no
 * look-up by phone (adding one would make every store implement it), so {@link #load} reads the whole base once
 * into an index by normalised number; {@link #refresh} reads it again (after an import). When a number is in
 * several assignments, the card of a live (not archived) assignment wins, then the one called most recently,
 * then the newest.
 *
 * <p>Numbers are normalised in one place, {@link #candidates}, with core's {@link PhoneNumber}, the form the
 * client base stores, so a caller written {@code +7 916 …}, {@code 8 916 …} or {@code 916 …} finds the card.
 *
 * <p>sipring-campaign does not depend on sipring-survey: the survey screen pop takes this as its
 * {@code ClientCardLookup} through a one-line adapter in the host (see docs/screen-pop.md).
 *
 * <p>Thread-safe: look-ups read an immutable snapshot; {@link #refresh} swaps it atomically.
 */
public final class ClientCards {
  /**
   * What the client base knows about a number. Immutable.
   *
   * @param contactId the contact's id, as text
   * @param name display name: client name, full name, the name parts, the company, else the phone as written
   * @param number the contact's normalised number
   * @param details the contact's non-empty fields by their Russian labels, its custom fields, then project,
   *     task, assignment, status, attempts and the last outcome, in display order
   */
  public record Card(String contactId, String name, String number, Map<String, String> details) {
    /**
     * Copies {@code details}, keeping their order.
     *
     * @param contactId the contact's id, as text
     * @param name display name: client name, full name, the name parts, the company, else the phone as written
     * @param number the contact's normalised number
     * @param details the contact's non-empty fields by their Russian labels, its custom fields, then project, task,
     *     assignment, status, attempts and the last outcome, in display order
     */
    public Card {
      Objects.requireNonNull(contactId, "contactId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(number, "number");
      details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
  }

  private final CampaignStore store;
  private volatile Map<String, Card> byNumber;

  private ClientCards(CampaignStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.byNumber = index();
  }

  /**
   * Reads the client base of {@code store} now.
   *
   * @param store the campaign store whose contacts are the client base
   * @return the look-up over a snapshot of the base
   */
  public static ClientCards load(CampaignStore store) {
    return new ClientCards(store);
  }

  /** Reads the client base again; look-ups meanwhile answer from the previous snapshot. */
  public void refresh() {
    byNumber = index();
  }

  /**
   * How many distinct numbers the snapshot knows.
   *
   * @return the number of distinct normalised numbers
   */
  public int size() {
    return byNumber.size();
  }

  /**
   * The client card of a phone number.
   *
   * @param number the number in any form a caller ID or a person writes it ({@code +7 (916) 123-45-67},
   *     {@code 89161234567}, {@code 79161234567}, {@code 9161234567}); {@code null} or blank finds nothing
   * @return the preferred card of that number, or empty when the base does not have it
   */
  public Optional<Card> findByNumber(String number) {
    Map<String, Card> index = byNumber;
    for (String candidate : candidates(number)) {
      Card card = index.get(candidate);
      if (card != null) {
        return Optional.of(card);
      }
    }
    return Optional.empty();
  }

  /**
   * The number in the one normal form ({@link PhoneNumber}) that the client base stores too; since the two old
   * normalisers were merged there is nothing else to try.
   */
  static List<String> candidates(String number) {
    String n = PhoneNumber.normalize(number == null ? "" : number);
    return n.isEmpty() ? List.of() : List.of(n);
  }

  private record Found(Contact contact, Project project, Task task, Assignment assignment) {
    boolean live() {
      return !project.archived() && !task.archived() && !assignment.archived();
    }
  }

  private static final Comparator<Found> PREFERRED = Comparator.comparing(Found::live)
      .thenComparing(f -> f.contact().lastAttemptAt(), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparingLong(f -> f.contact().id());

  private Map<String, Card> index() {
    Map<String, Found> best = new HashMap<>();
    for (Project p : store.campaigns().projects()) {
      for (Task t : store.campaigns().tasks(p.id())) {
        for (Assignment a : store.campaigns().assignments(t.id())) {
          for (Contact c : store.contacts().byAssignment(a.id())) {
            if (c.phoneNormalized().isEmpty()) {
              continue;
            }
            Found f = new Found(c, p, t, a);
            best.merge(c.phoneNormalized(), f, (x, y) -> PREFERRED.compare(x, y) >= 0 ? x : y);
          }
        }
      }
    }
    Map<String, Card> cards = new HashMap<>();
    best.forEach((number, f) -> cards.put(number, card(f)));
    return Map.copyOf(cards);
  }

  private static Card card(Found f) {
    Contact c = f.contact();
    Map<String, String> details = new LinkedHashMap<>();
    for (ContactField field : ContactField.values()) {
      String v = c.get(field);
      if (!v.isEmpty()) {
        details.put(field.label(), v);
      }
    }
    details.putAll(c.custom());
    details.put("Проект", f.project().name());
    details.put("Задача", f.task().name());
    details.put("Задание", f.assignment().name());
    details.put("Статус", c.status().name());
    details.put("Попыток", String.valueOf(c.attempts()));
    if (c.lastOutcome() != null) {
      details.put("Последний результат", c.lastOutcome().name());
    }
    return new Card(String.valueOf(c.id()), name(c), c.phoneNormalized(), details);
  }

  /**
   * The card's display name: client name, full name, the name parts, the company, else the phone (the screen pop
   * and the work form's list show the same).
   *
   * @param c the card
   * @return its display name
   */
  public static String name(Contact c) {
    for (ContactField f : List.of(ContactField.CLIENT_NAME, ContactField.FULL_NAME)) {
      if (!c.get(f).isEmpty()) {
        return c.get(f);
      }
    }
    List<String> parts = new ArrayList<>();
    for (ContactField f : List.of(ContactField.LAST_NAME, ContactField.FIRST_NAME, ContactField.PATRONYMIC)) {
      if (!c.get(f).isEmpty()) {
        parts.add(c.get(f));
      }
    }
    if (!parts.isEmpty()) {
      return String.join(" ", parts);
    }
    return c.get(ContactField.COMPANY).isEmpty() ? c.phone() : c.get(ContactField.COMPANY);
  }
}
