package ru.sipring.cli.screenpop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.core.text.PhoneNumber;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.survey.ClientCard;
import ru.sipring.survey.ClientCardLookup;

/**
 * The outbound client base (sipring-campaign's contacts, in any {@link CampaignStore}: in memory, the JSON file
 * or MariaDB) as the survey screen pop's {@link ClientCardLookup}.
 *
 * <p>The campaign API has no look-up by phone, and a screen pop must answer while the operator's phone rings,
 * so {@link #load} reads the whole base once into an index by normalised number; {@link #refresh} reads it again
 * (after an import). When a number is in several assignments, the card of a live (not archived) assignment wins,
 * then the one called most recently, then the newest.
 *
 * <p>The two modules normalise numbers slightly differently: campaign keeps a ten-digit {@code 9161234567} as
 * it is, survey makes it {@code 79161234567}. A look-up therefore also tries the ten-digit national form of an
 * eleven-digit Russian number, so either way of writing the base finds the caller.
 *
 * <p>Thread-safe: look-ups read an immutable snapshot; {@link #refresh} swaps it atomically.
 */
public final class CampaignClientCards implements ClientCardLookup {
  private final CampaignStore store;
  private volatile Map<String, ClientCard> byNumber;

  private CampaignClientCards(CampaignStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.byNumber = index();
  }

  /** Reads the client base of {@code store} now. */
  public static CampaignClientCards load(CampaignStore store) {
    return new CampaignClientCards(store);
  }

  /** Reads the client base again; look-ups meanwhile answer from the previous snapshot. */
  public void refresh() {
    byNumber = index();
  }

  /** How many distinct numbers the snapshot knows. */
  public int size() {
    return byNumber.size();
  }

  @Override
  public Optional<ClientCard> findByNumber(String normalisedNumber) {
    Map<String, ClientCard> index = byNumber;
    for (String candidate : candidates(normalisedNumber)) {
      ClientCard card = index.get(candidate);
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

  private Map<String, ClientCard> index() {
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
    Map<String, ClientCard> cards = new HashMap<>();
    best.forEach((number, f) -> cards.put(number, card(f)));
    return Map.copyOf(cards);
  }

  private static ClientCard card(Found f) {
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
    return new ClientCard(String.valueOf(c.id()), name(c), c.phoneNormalized(), details);
  }

  /** The card's display name: client name, full name, the name parts, the company, else the phone. */
  static String name(Contact c) {
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
