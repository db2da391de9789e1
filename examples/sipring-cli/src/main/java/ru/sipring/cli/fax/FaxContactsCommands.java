package ru.sipring.cli.fax;

import ru.sipring.cdr.DatabasePool;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.fax.JdbiFaxStores;
import ru.sipring.cli.cdr.DbOptions;
import ru.sipring.core.NotFoundException;
import ru.sipring.fax.DistributionList;
import ru.sipring.fax.FaxContact;
import ru.sipring.fax.FaxContactStore;

/**
 * {@code sipring fax contacts list|add|delete} and {@code sipring fax lists list|show|add|delete}: the address
 * book and the distribution lists ("Списки рассылки") kept in SipRing's MariaDB tables.
 */
final class FaxContactsCommands {
  private FaxContactsCommands() {}

  /** Opens the contact store (migrating SipRing's schema on first use) and runs the command on it. */
  abstract static class StoreCommand extends FaxCommandBase {
    @Mixin
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    DbOptions db;

    abstract void run(FaxContactStore store) throws Exception;

    @Override
    String label() {
      return spec.parent().name() + " " + spec.name();
    }

    @Override
    final void execute() throws Exception {
      try (DatabasePool ds = db.open()) {
        SipRingSchema.migrate(ds);
        run(JdbiFaxStores.of(ds).contacts());
      }
    }
  }

  /** A command group: without a subcommand it prints its usage. */
  abstract static class Group implements Runnable {
    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Command(name = "contacts", mixinStandardHelpOptions = true, description = "The fax address book.",
      subcommands = {ListContacts.class, AddContact.class, DeleteContact.class})
  static final class Contacts extends Group {}

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List contacts by name.")
  static final class ListContacts extends StoreCommand {
    @Option(names = "--format", defaultValue = "text", description = "json or text")
    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    Format format;

    @Override
    void run(FaxContactStore store) throws Exception {
      List<FaxContact> contacts = store.contacts();
      if (format == Format.json) {
        printJson(contacts);
        return;
      }
      for (FaxContact c : contacts) {
        out().println(c.name() + "\t" + c.number() + "\t" + c.company() + "\t" + c.email());
      }
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a contact, or replace the one with this name.")
  static final class AddContact extends StoreCommand {
    @Parameters(paramLabel = "NAME")
    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String name;
    @Option(names = "--number", required = true, paramLabel = "FAX", description = "fax number")
    @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
    String number;
    @Option(names = "--company", paramLabel = "C", defaultValue = "")
    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String company;
    @Option(names = "--email", paramLabel = "E", defaultValue = "")
    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String email;

    @Override
    void run(FaxContactStore store) {
      FaxContact c = new FaxContact(name, company, number, email);
      store.save(c);
      out().println("contact " + c.name() + " saved: " + c.number());
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a contact.")
  static final class DeleteContact extends StoreCommand {
    @Parameters(paramLabel = "NAME")
    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String name;

    @Override
    void run(FaxContactStore store) {
      if (!store.deleteContact(name)) {
        throw new NotFoundException("no contact '" + name + "'");
      }
      out().println("contact " + name + " deleted");
    }
  }

  @Command(name = "lists", mixinStandardHelpOptions = true,
      description = "Distribution lists: a name for several fax numbers.",
      subcommands = {ListLists.class, ShowList.class, AddList.class, DeleteList.class})
  static final class Lists extends Group {}

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List distribution lists by name.")
  static final class ListLists extends StoreCommand {
    @Option(names = "--format", defaultValue = "text", description = "json or text")
    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    Format format;

    @Override
    void run(FaxContactStore store) throws Exception {
      List<DistributionList> lists = store.lists();
      if (format == Format.json) {
        printJson(lists);
        return;
      }
      for (DistributionList l : lists) {
        out().println(l.name() + "\t" + String.join(", ", l.numbers()));
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "The numbers of one list, one a line.")
  static final class ShowList extends StoreCommand {
    @Parameters(paramLabel = "NAME")
    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String name;

    @Override
    void run(FaxContactStore store) {
      DistributionList l = store.list(name).orElseThrow(() -> new NotFoundException("no distribution list '"
          + name + "'"));
      l.numbers().forEach(out()::println);
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Create a list, or replace the one with this name, with the numbers in this order.")
  static final class AddList extends StoreCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String name;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FAX")
    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    List<String> numbers;

    @Override
    void run(FaxContactStore store) {
      DistributionList l = new DistributionList(name, numbers);
      store.save(l);
      out().println("list " + l.name() + " saved: " + l.numbers().size() + " numbers");
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a distribution list.")
  static final class DeleteList extends StoreCommand {
    @Parameters(paramLabel = "NAME")
    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String name;

    @Override
    void run(FaxContactStore store) {
      if (!store.deleteList(name)) {
        throw new NotFoundException("no distribution list '" + name + "'");
      }
      out().println("list " + name + " deleted");
    }
  }
}
