package ru.sipring.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON-file store written with the old campaign normal form matches callers in the one normal form. */
class StoredPhoneFormTest {

  @Test
  void anOldStoreIsBroughtToTheOneNormalFormWhenLoaded(@TempDir Path dir) {
    InMemoryCampaignStore old = new InMemoryCampaignStore();
    var t = old.campaigns().createTask(old.campaigns().createProject("P").id(), "T");
    var a = old.campaigns().createAssignment(t.id(), "A", AssignmentSettings.defaults(ZoneId.of("Europe/Moscow")));
    // the forms the campaign normaliser used to store: a bare ten-digit mobile, an extension glued on
    old.contacts().insertAll(a.id(), List.of(
        new Contact(0, a.id(), "9161234567", "9161234567", Map.of(), Map.of(), ContactStatus.NEW, 0, null, null),
        new Contact(0, a.id(), "8916 000 11 22 доб. 5", "791600011225", Map.of(), Map.of(), ContactStatus.NEW, 0,
            null, null)));
    old.dnc().add(DncRepository.GLOBAL, "9160000001");
    Path file = dir.resolve("campaign.json");
    old.save(file);

    InMemoryCampaignStore loaded = InMemoryCampaignStore.load(file);
    assertThat(loaded.contacts().byAssignment(a.id())).extracting(Contact::phoneNormalized)
        .containsExactly("79161234567", "79160001122");
    assertThat(loaded.contacts().existingPhones(DuplicateScope.ASSIGNMENT, a.id(), List.of("79161234567")))
        .containsExactly("79161234567");
    assertThat(loaded.dnc().contains(List.of(DncRepository.GLOBAL), "79160000001")).isTrue();
  }
}
