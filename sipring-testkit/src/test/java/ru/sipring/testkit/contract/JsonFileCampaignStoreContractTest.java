package ru.sipring.testkit.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.InMemoryCampaignStore;

/** The CLI's embedded store: everything written goes through a JSON file and back before it is read. */
class JsonFileCampaignStoreContractTest extends CampaignStoreContract {
  @Override
  protected CampaignStore newStore() {
    Path file;
    try {
      file = Files.createTempFile("sipring-campaign", ".json");
      Files.delete(file);
      file.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SavingStore(file);
  }

  /** Saves after each write and reloads before each read, so every value round-trips through JSON. */
  private static final class SavingStore implements CampaignStore {
    private final Path file;

    SavingStore(Path file) {
      this.file = file;
    }

    private <T> T through(java.util.function.Function<InMemoryCampaignStore, T> f) {
      InMemoryCampaignStore s = InMemoryCampaignStore.load(file);
      T r = f.apply(s);
      s.save(file);
      return r;
    }

    @SuppressWarnings("unchecked")
    private <R> R proxy(Class<R> type, java.util.function.Function<InMemoryCampaignStore, Object> repo) {
      return (R) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
          (p, m, args) -> through(s -> {
            try {
              return m.invoke(repo.apply(s), args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw (RuntimeException) e.getCause();
            } catch (IllegalAccessException e) {
              throw new IllegalStateException(e);
            }
          }));
    }

    @Override
    public ru.sipring.campaign.CampaignRepository campaigns() {
      return proxy(ru.sipring.campaign.CampaignRepository.class, InMemoryCampaignStore::campaigns);
    }

    @Override
    public ru.sipring.campaign.ContactRepository contacts() {
      return proxy(ru.sipring.campaign.ContactRepository.class, InMemoryCampaignStore::contacts);
    }

    @Override
    public ru.sipring.campaign.CallAttemptRepository attempts() {
      return proxy(ru.sipring.campaign.CallAttemptRepository.class, InMemoryCampaignStore::attempts);
    }

    @Override
    public ru.sipring.campaign.WorkSessionRepository sessions() {
      return proxy(ru.sipring.campaign.WorkSessionRepository.class, InMemoryCampaignStore::sessions);
    }

    @Override
    public ru.sipring.campaign.DncRepository dnc() {
      return proxy(ru.sipring.campaign.DncRepository.class, InMemoryCampaignStore::dnc);
    }

    @Override
    public ru.sipring.campaign.MappingRepository mappings() {
      return proxy(ru.sipring.campaign.MappingRepository.class, InMemoryCampaignStore::mappings);
    }

    @Override
    public ru.sipring.campaign.DialerStateRepository dialerStates() {
      return proxy(ru.sipring.campaign.DialerStateRepository.class, InMemoryCampaignStore::dialerStates);
    }
  }
}
