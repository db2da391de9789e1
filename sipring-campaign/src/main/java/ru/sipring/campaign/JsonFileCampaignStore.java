package ru.sipring.campaign;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Set;


/**
 * An {@link InMemoryCampaignStore} that writes itself to a JSON file after every change, so a process that dies
 * loses nothing it stored (the dialer's write-ahead attempts included). Meant for the CLI and small bases: each
 * change rewrites the whole file. Thread-safe.
 */
public final class JsonFileCampaignStore implements CampaignStore {
  private static final Set<String> READS = Set.of("projects", "tasks", "assignments", "project", "task",
      "assignment", "byAssignment", "byId", "existingPhones", "between", "inProgress", "byContact", "open",
      "overlapping", "contains", "find", "names", "anyInScope", "dueForCall");

  private final InMemoryCampaignStore memory;
  private final Path file;
  private final CampaignRepository campaigns;
  private final ContactRepository contacts;
  private final CallAttemptRepository attempts;
  private final WorkSessionRepository sessions;
  private final DncRepository dnc;
  private final MappingRepository mappings;
  private final DialerStateRepository dialerStates;

  private JsonFileCampaignStore(InMemoryCampaignStore memory, Path file) {
    this.memory = memory;
    this.file = file;
    campaigns = saving(CampaignRepository.class, memory.campaigns());
    contacts = saving(ContactRepository.class, memory.contacts());
    attempts = saving(CallAttemptRepository.class, memory.attempts());
    sessions = saving(WorkSessionRepository.class, memory.sessions());
    dnc = saving(DncRepository.class, memory.dnc());
    mappings = saving(MappingRepository.class, memory.mappings());
    dialerStates = saving(DialerStateRepository.class, memory.dialerStates());
  }

  /** Opens {@code file} (an empty store when it does not exist yet). */
  public static JsonFileCampaignStore open(Path file) {
    return new JsonFileCampaignStore(InMemoryCampaignStore.load(file), file);
  }

  public Path file() {
    return file;
  }

  @SuppressWarnings("unchecked")
  private <R> R saving(Class<R> type, R target) {
    return (R) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
      Object result;
      try {
        result = m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (m.getDeclaringClass() != Object.class && !READS.contains(m.getName())) {
        synchronized (this) {
          memory.save(file);
        }
      }
      return result;
    });
  }

  @Override
  public CampaignRepository campaigns() {
    return campaigns;
  }

  @Override
  public ContactRepository contacts() {
    return contacts;
  }

  @Override
  public CallAttemptRepository attempts() {
    return attempts;
  }

  @Override
  public WorkSessionRepository sessions() {
    return sessions;
  }

  @Override
  public DncRepository dnc() {
    return dnc;
  }

  @Override
  public MappingRepository mappings() {
    return mappings;
  }

  @Override
  public DialerStateRepository dialerStates() {
    return dialerStates;
  }

}
