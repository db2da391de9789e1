package ru.sipring.cdr.fax;

import ru.sipring.fax.FaxContactStore;
import ru.sipring.fax.FaxLineStore;
import ru.sipring.fax.FaxUserStore;
import ru.sipring.fax.InMemoryFaxStores;
import ru.sipring.fax.ReceivedFaxStore;
import ru.sipring.testkit.contract.FaxStoresContract;

/** The same contract on sipring-fax's in-memory stores (run here: sipring-fax cannot depend on the testkit). */
class InMemoryFaxStoresTest extends FaxStoresContract {
  @Override protected FaxUserStore newUserStore() { return InMemoryFaxStores.users(); }
  @Override protected FaxLineStore newLineStore() { return InMemoryFaxStores.lines(); }
  @Override protected ReceivedFaxStore newReceivedFaxStore() { return InMemoryFaxStores.received(); }
  @Override protected FaxContactStore newContactStore() { return InMemoryFaxStores.contacts(); }
}
