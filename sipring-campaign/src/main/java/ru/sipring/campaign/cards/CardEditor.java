package ru.sipring.campaign.cards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentPath;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactLimits;
import ru.sipring.campaign.Project;
import ru.sipring.campaign.Task;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.text.PhoneNumber;

/**
 * The work form's card editing («Добавить запись», editing a card in the left part of the form) and its list of
 * assignments to work on. Fields are given by name as a person or a CRM names them: a {@link ContactField} key
 * ({@code full_name}) or Russian label ({@code ФИО}), else a custom field of that name; a blank value leaves the
 * field out. The phone is checked as the CSV import checks it and normalised with {@link PhoneNumber}; an
 * extension written after the number is kept in the custom field {@code extension}, as the import does.
 *
 * <p>Thread-safe if the stores are.
 */
public final class CardEditor {
  /** The most fields (guide and custom together) one card may be given here. */
  public static final int MAX_FIELDS = 200;
  /** The longest field name. */
  public static final int MAX_NAME = 100;

  private final CampaignStore store;
  private final ClientCardStore cards;

  /**
   * An editor over a campaign store and the card store on the same storage.
   *
   * @param store the campaign store (assignments and cards)
   * @param cards the card store (search), used to read a new card's id back
   */
  public CardEditor(CampaignStore store, ClientCardStore cards) {
    this.store = Objects.requireNonNull(store, "store");
    this.cards = Objects.requireNonNull(cards, "cards");
  }

  /**
   * An assignment an operator may work on, with its project and task names.
   *
   * @param id the assignment's id
   * @param path project, task and assignment names
   */
  public record LiveAssignment(long id, AssignmentPath path) {
    /**
     * Checks the path.
     *
     * @param id the assignment's id
     * @param path project, task and assignment names
     */
    public LiveAssignment {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * The assignments that are not archived, under a project and a task that are not archived either, ordered by
   * project, task and assignment name (case ignored).
   *
   * @return the assignments
   */
  public List<LiveAssignment> liveAssignments() {
    List<LiveAssignment> out = new ArrayList<>();
    for (Project p : store.campaigns().projects()) {
      if (p.archived()) {
        continue;
      }
      for (Task t : store.campaigns().tasks(p.id())) {
        if (t.archived()) {
          continue;
        }
        for (Assignment a : store.campaigns().assignments(t.id())) {
          if (!a.archived()) {
            out.add(new LiveAssignment(a.id(), new AssignmentPath(p.name(), t.name(), a.name())));
          }
        }
      }
    }
    Comparator<LiveAssignment> byName = Comparator.comparing(
        (LiveAssignment l) -> l.path().project(), String.CASE_INSENSITIVE_ORDER)
        .thenComparing(l -> l.path().task(), String.CASE_INSENSITIVE_ORDER)
        .thenComparing(l -> l.path().assignment(), String.CASE_INSENSITIVE_ORDER)
        .thenComparingLong(LiveAssignment::id);
    out.sort(byName);
    return out;
  }

  /**
   * One card.
   *
   * @param contactId the card's id
   * @return the card
   * @throws NotFoundException when there is no such card
   */
  public Contact card(long contactId) {
    return store.contacts().byId(contactId)
        .orElseThrow(() -> new NotFoundException("no client card with id " + contactId));
  }

  /**
   * Adds a card to an assignment's base, status {@code NEW}.
   *
   * @param assignmentId the assignment
   * @param phone the phone as written
   * @param fields field name (key, Russian label or a custom name) to value
   * @return the stored card, with its id
   * @throws NotFoundException when there is no such assignment
   * @throws RejectedException when the assignment is archived
   * @throws BadInputException naming {@code phone} (missing, not a number, too long) or the field
   */
  public Contact add(long assignmentId, String phone, Map<String, String> fields) {
    Assignment a = store.campaigns().assignment(assignmentId)
        .orElseThrow(() -> new NotFoundException("no assignment with id " + assignmentId));
    if (a.archived()) {
      throw new RejectedException("assignment " + assignmentId + " is archived: no new cards");
    }
    Contact c = build(0, assignmentId, phone, fields, null);
    store.contacts().insertAll(assignmentId, List.of(c));
    // the store gives ids but insertAll returns a count: the new card is the newest with its number there
    CardQuery q = CardQuery.of(assignmentId).withField("phone", c.phoneNormalized());
    long total = cards.search(q.withPage(0, 1)).total();
    if (total == 0) {
      throw new NotFoundException("the new card of " + c.phone() + " was not found after it was stored");
    }
    List<Contact> last = cards.search(q.withPage((int) (total - 1), 1)).items();
    if (last.isEmpty()) {
      throw new NotFoundException("the new card of " + c.phone() + " was deleted before it was read back");
    }
    return last.get(0);
  }

  /**
   * Replaces a card's phone and fields; its status, attempts and last call stay.
   *
   * @param contactId the card
   * @param phone the phone as written
   * @param fields field name (key, Russian label or a custom name) to value; a field not given is removed
   * @return the stored card
   * @throws NotFoundException when there is no such card
   * @throws BadInputException naming {@code phone} or the field
   */
  public Contact edit(long contactId, String phone, Map<String, String> fields) {
    Contact old = card(contactId);
    Contact c = build(old.id(), old.assignmentId(), phone, fields, old);
    store.contacts().update(c);
    return card(contactId);
  }

  private static Contact build(long id, long assignmentId, String phone, Map<String, String> fields,
      @Nullable Contact old) {
    Objects.requireNonNull(fields, "fields");
    String raw = phone == null ? "" : phone.strip();
    if (raw.isEmpty()) {
      throw new BadInputException("phone", "missing");
    }
    if (raw.length() > ContactLimits.PHONE_CHARS) {
      throw new BadInputException("phone", raw.length() + " characters, at most " + ContactLimits.PHONE_CHARS);
    }
    PhoneNumber number = PhoneNumber.parse(raw);
    String normalized = number.digits();
    if (normalized.length() < 2 || normalized.length() > 20) {
      throw new BadInputException("phone", "'" + raw + "' is not a phone number");
    }
    if (fields.size() > MAX_FIELDS) {
      throw new BadInputException("fields", "at most " + MAX_FIELDS + " fields, was " + fields.size());
    }
    Map<ContactField, String> known = new EnumMap<>(ContactField.class);
    Map<String, String> custom = new LinkedHashMap<>();
    fields.forEach((name, value) -> {
      if (name == null || name.isBlank()) {
        throw new BadInputException("fields", "a field needs a name");
      }
      String n = name.strip();
      if (n.length() > MAX_NAME) {
        throw new BadInputException("fields", "a field name of " + n.length() + " characters, at most " + MAX_NAME);
      }
      String v = value == null ? "" : value.strip();
      if (v.isEmpty()) {
        return;
      }
      ContactField f = CardQuery.field(n);
      if (f == ContactField.PHONE) {
        throw new BadInputException("fields." + n, "the phone is given as phone, not as a field");
      }
      if (f != null) {
        known.put(f, v);
      } else {
        custom.put(n, v);
      }
    });
    if (!number.extension().isEmpty()) {
      custom.putIfAbsent("extension", number.extension());
    }
    Contact c = old == null
        ? new Contact(id, assignmentId, raw, normalized, known, custom, ru.sipring.campaign.ContactStatus.NEW, 0,
            null, null)
        : new Contact(id, assignmentId, raw, normalized, known, custom, old.status(), old.attempts(),
            old.lastAttemptAt(), old.lastOutcome());
    String problem = ContactLimits.problem(c);
    if (problem != null) {
      int colon = problem.indexOf(':');
      throw colon > 0 ? new BadInputException(problem.substring(0, colon), problem.substring(colon + 1).strip())
          : new BadInputException("fields", problem);
    }
    return c;
  }
}
