package ru.sipring.cdr.reconcile;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.InMemoryCampaignStore;
import ru.sipring.cdr.CdrQuery;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrRepository;
import ru.sipring.cdr.InMemoryCdrRepository;

/** The reconciliation contract in memory. */
class InMemoryCdrReconcilerTest extends CdrReconcilerContract {
  @Override
  protected Fixture newFixture() {
    InMemoryCampaignStore store = new InMemoryCampaignStore();
    List<CdrRecord> rows = new CopyOnWriteArrayList<>();
    CdrRepository cdr = new CdrRepository() {
      @Override
      public String name() {
        return "memory:cdr";
      }

      @Override
      public long read(CdrQuery query, Sink sink) {
        return InMemoryCdrRepository.of(List.copyOf(rows)).read(query, sink);
      }
    };
    return new Fixture() {
      @Override
      public CampaignStore campaign() {
        return store;
      }

      @Override
      public CdrRepository cdr() {
        return cdr;
      }

      @Override
      public void addCdr(List<CdrRecord> more) {
        rows.addAll(more);
      }

      @Override
      public void close() {}
    };
  }
}
