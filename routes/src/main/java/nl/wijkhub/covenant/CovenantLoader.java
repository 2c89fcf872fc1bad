package nl.wijkhub.covenant;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.wijkhub.events.SignalType;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataException;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code verwerkingsregister.yaml} and {@code covenants/*.yaml} from the reference-data folder and refuses,
 * all problems at once, each naming file, entry and fix: unknown keys, parties that are not partners, suppliers or
 * recipients that are not parties, signal types outside the vocabulary, fields that {@link RoutedFields} does not
 * know, e-mail or unknown channels, a retention above the register's limit for a type, and two versions (of one
 * covenant or of two) that would route one signal twice.
 */
public class CovenantLoader {

  static final String REGISTER = "verwerkingsregister.yaml";
  static final String COVENANTS = "covenants/";

  record RegisterFile(String baseUri, Map<String, Period> retentionLimits, List<ProcessingActivity> activities) {}

  record CovenantFile(String id, String name, List<VersionEntry> versions) {}

  record VersionEntry(Integer version, LocalDate validFrom, LocalDate validUntil, String purpose, String legalGround,
      String processingActivity, List<String> parties, List<SupplierEntry> suppliers,
      List<RecipientEntry> recipients, List<String> channels, Period retention, Period matchWindow,
      Boolean notifyProfessionals) {}

  record SupplierEntry(String partner, List<String> signalTypes) {}

  record RecipientEntry(String partner, List<String> fields) {}

  private static final Set<String> EMAIL = Set.of("email", "e-mail", "mail", "smtp", "imap");

  private final YAMLMapper yaml = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private final ResourcePatternResolver resources;

  public CovenantLoader(ResourcePatternResolver resources) {
    this.resources = resources;
  }

  public Covenants load(String location, ReferenceData reference) {
    String base = ReferenceDataLoader.fileIn(location, "");
    RegisterFile register = read(resources.getResource(base + REGISTER), REGISTER, RegisterFile.class);
    List<String> problems = new ArrayList<>();
    Map<String, ProcessingActivity> activities = checkRegister(register, problems);
    Map<SignalType, Period> limits = retentionLimits(register, problems);
    Map<String, List<CovenantVersion>> covenants = new LinkedHashMap<>();
    for (Resource file : covenantFiles(base)) {
      String name = COVENANTS + file.getFilename();
      CovenantFile covenant = read(file, name, CovenantFile.class);
      List<CovenantVersion> versions = checkCovenant(name, covenant, reference, activities, limits,
          register.baseUri(), problems);
      if (covenant.id() != null && covenants.putIfAbsent(covenant.id(), versions) != null) {
        problems.add(name + ": covenant id '" + covenant.id() + "' is also used by another file in " + COVENANTS
            + "; give each covenant its own id");
      }
    }
    checkNoSignalRoutedTwice(covenants, problems);
    if (!activities.containsKey(Covenants.REFUSAL_ACTIVITY)) {
      problems.add(REGISTER + ": no activity '" + Covenants.REFUSAL_ACTIVITY + "'; add it (purpose: refusing signals no"
          + " covenant allows), the processing log names it for every refused signal");
    }
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(problems);
    }
    return new Covenants(covenants, activities, URI.create(register.baseUri()));
  }

  private Resource[] covenantFiles(String base) {
    try {
      Resource[] files = resources.getResources(base + COVENANTS + "*.yaml");
      Arrays.sort(files, Comparator.comparing(Resource::getFilename));
      return files;
    } catch (IOException e) {
      throw new ReferenceDataException("Cannot list " + base + COVENANTS + "*.yaml", e);
    }
  }

  private <T> T read(Resource resource, String file, Class<T> type) {
    try (InputStream in = resource.getInputStream()) {
      T parsed = yaml.readValue(in, type);
      if (parsed == null) {
        throw new ReferenceDataException(List.of(file + " is empty; see the header comment of the shipped file"));
      }
      return parsed;
    } catch (IOException e) {
      throw new ReferenceDataException("Cannot read " + file + " in the reference-data folder (wijkhub"
          + ".reference-data); it must hold " + REGISTER + " and the folder " + COVENANTS, e);
    } catch (JacksonException e) {
      throw new ReferenceDataException(file + " is not valid at " + ReferenceDataLoader.where(e) + ": "
          + e.getOriginalMessage() + ". Fix that entry; the expected keys are in the file's header comment.", e);
    }
  }

  private static Map<String, ProcessingActivity> checkRegister(RegisterFile register, List<String> problems) {
    if (register.baseUri() == null || !isAbsoluteUri(register.baseUri()) || !register.baseUri().endsWith("/")) {
      problems.add(REGISTER + ": baseUri '" + register.baseUri() + "' is not an absolute URI ending in '/'; the"
          + " processing log names activities as <baseUri><activity id>, e.g. https://gemeente.example/avg/register/");
    }
    Map<String, ProcessingActivity> activities = new LinkedHashMap<>();
    List<ProcessingActivity> entries = register.activities() == null ? List.of() : register.activities();
    for (int i = 0; i < entries.size(); i++) {
      ProcessingActivity activity = entries.get(i);
      String entry = REGISTER + ", activity " + (activity.id() != null ? "'" + activity.id() + "'" : "number "
          + (i + 1)) + ": ";
      boolean incomplete = missing(problems, entry, "id", activity.id());
      incomplete |= missing(problems, entry, "purpose", activity.purpose());
      incomplete |= missing(problems, entry, "legalGround", activity.legalGround());
      incomplete |= missing(problems, entry, "controller", activity.controller());
      if (!incomplete && activities.putIfAbsent(activity.id(), activity) != null) {
        problems.add(entry + "defined twice; remove one of them");
      }
    }
    if (entries.isEmpty()) {
      problems.add(REGISTER + ": no activities; list every processing activity a covenant names");
    }
    return activities;
  }

  private static Map<SignalType, Period> retentionLimits(RegisterFile register, List<String> problems) {
    Map<SignalType, Period> limits = new EnumMap<>(SignalType.class);
    Map<String, Period> written = register.retentionLimits() == null ? Map.of() : register.retentionLimits();
    written.forEach((code, limit) -> signalType(code).ifPresentOrElse(type -> limits.put(type, limit),
        () -> problems.add(REGISTER + ", retentionLimits '" + code + "': not a signal type; use one of "
            + vocabulary())));
    for (SignalType type : SignalType.values()) {
      if (!limits.containsKey(type) && !written.containsKey(type.name())) {
        problems.add(REGISTER + ", retentionLimits: no limit for " + type + "; add one, e.g. " + type + ": P2Y");
      }
    }
    return limits;
  }

  private static List<CovenantVersion> checkCovenant(String file, CovenantFile covenant, ReferenceData reference,
      Map<String, ProcessingActivity> activities, Map<SignalType, Period> limits, String baseUri,
      List<String> problems) {
    boolean incomplete = missing(problems, file + ": ", "id", covenant.id());
    incomplete |= missing(problems, file + ": ", "name", covenant.name());
    if (covenant.versions() == null || covenant.versions().isEmpty()) {
      problems.add(file + ": no versions; add at least one under 'versions:'");
      return List.of();
    }
    if (incomplete) {
      return List.of();
    }
    List<CovenantVersion> versions = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    for (VersionEntry entry : covenant.versions()) {
      String where = file + ", version " + entry.version() + ": ";
      if (entry.version() == null || entry.version() < 1) {
        problems.add(file + ": a version without a positive 'version' number; number the versions 1, 2, ...");
        continue;
      }
      if (!numbers.add(entry.version())) {
        problems.add(where + "version number used twice; give each version its own number");
      }
      new VersionCheck(where, covenant, entry, reference, activities, limits, baseUri, problems).result()
          .ifPresent(versions::add);
    }
    versions.sort(Comparator.comparing(CovenantVersion::validFrom));
    return List.copyOf(versions);
  }

  /**
   * Two versions route one signal twice when they share a supplier and a type and their validity overlaps; among
   * the versions of one covenant any overlap is refused, as "which version governs" must have one answer.
   */
  private static void checkNoSignalRoutedTwice(Map<String, List<CovenantVersion>> covenants, List<String> problems) {
    List<CovenantVersion> all = covenants.values().stream().flatMap(List::stream).toList();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        CovenantVersion a = all.get(i);
        CovenantVersion b = all.get(j);
        boolean overlap = !a.validFrom().isAfter(b.lastDay()) && !b.validFrom().isAfter(a.lastDay());
        if (!overlap) {
          continue;
        }
        String both = "covenant '" + a.covenantId() + "' version " + a.version() + " and covenant '"
            + b.covenantId() + "' version " + b.version();
        if (a.covenantId().equals(b.covenantId())) {
          problems.add(COVENANTS + a.covenantId() + ": " + both + " are valid on the same days; end the older"
              + " version (validUntil) the day before the newer one starts");
          continue;
        }
        for (CovenantVersion.Supplier supplier : a.suppliers()) {
          Set<SignalType> shared = b.supplier(supplier.partner()).map(s -> s.signalTypes().stream()
              .filter(supplier.signalTypes()::contains).collect(Collectors.toSet())).orElse(Set.of());
          if (!shared.isEmpty()) {
            problems.add(COVENANTS + ": " + both + " both let '" + supplier.partner() + "' deliver " + shared
                + " on overlapping dates, so one signal would be routed twice; remove the type from one of them"
                + " or make their validity periods disjoint");
          }
        }
      }
    }
  }

  /** Checks one version entry and builds it when it is complete. */
  private static final class VersionCheck {

    private final String where;
    private final List<String> problems;
    private final CovenantVersion result;

    VersionCheck(String where, CovenantFile covenant, VersionEntry entry, ReferenceData reference,
        Map<String, ProcessingActivity> activities, Map<SignalType, Period> limits, String baseUri,
        List<String> problems) {
      this.where = where;
      this.problems = problems;
      int before = problems.size();
      missing(problems, where, "purpose", entry.purpose());
      missing(problems, where, "legalGround", entry.legalGround());
      if (entry.validFrom() == null) {
        problems.add(where + "validFrom is missing; add the date the version was signed to take effect");
      } else if (entry.validUntil() != null && entry.validUntil().isBefore(entry.validFrom())) {
        problems.add(where + "validUntil " + entry.validUntil() + " is before validFrom " + entry.validFrom()
            + "; swap or correct them");
      }
      ProcessingActivity activity = activities.get(entry.processingActivity());
      if (activity == null) {
        problems.add(where + "processingActivity '" + entry.processingActivity() + "' is not in " + REGISTER
            + " (known: " + activities.keySet() + "); add it to the register or correct the id");
      }
      List<String> parties = entry.parties() == null ? List.of() : entry.parties();
      checkParties(parties, reference);
      List<CovenantVersion.Supplier> suppliers = suppliers(entry, parties, limits);
      List<CovenantVersion.Recipient> recipients = recipients(entry, parties);
      List<Channel> channels = channels(entry);
      if (entry.retention() == null || entry.matchWindow() == null) {
        problems.add(where + "retention and matchWindow are required; write them as ISO periods, e.g. P2Y and P6M");
      }
      checkNotifyProfessionals(entry, recipients);
      this.result = problems.size() > before || !isAbsoluteUri(baseUri) ? null : new CovenantVersion(covenant.id(), covenant.name(),
          entry.version(), entry.validFrom(), entry.validUntil(), entry.purpose(), entry.legalGround(), activity,
          List.copyOf(parties), suppliers, recipients, channels, entry.retention(), entry.matchWindow(),
          URI.create(baseUri + activity.id() + "#" + covenant.id() + "/v" + entry.version()),
          Boolean.TRUE.equals(entry.notifyProfessionals()));
    }

    /**
     * Mailing suppliers' professionals that another party signalled the same person is a disclosure of its own, so
     * each version states whether its parties agreed to it; the contacts are opened for a recipient, so one must
     * be allowed to see them.
     */
    private void checkNotifyProfessionals(VersionEntry entry, List<CovenantVersion.Recipient> recipients) {
      if (entry.notifyProfessionals() == null) {
        problems.add(where + "notifyProfessionals is missing; write true only if the parties agreed that the hub"
            + " e-mails the professionals of a match who else signalled the same person, else false");
      } else if (entry.notifyProfessionals()
          && recipients.stream().noneMatch(r -> r.permits(CovenantVersion.NOTIFYING_FIELD))) {
        problems.add(where + "notifyProfessionals is true, but no recipient may see "
            + CovenantVersion.NOTIFYING_FIELD + ", which the e-mails are sent to; add it to a recipient's fields or"
            + " set notifyProfessionals: false");
      }
    }

    Optional<CovenantVersion> result() {
      return Optional.ofNullable(result);
    }

    private void checkParties(List<String> parties, ReferenceData reference) {
      if (parties.isEmpty()) {
        problems.add(where + "no parties; list the partner ids of every signatory under 'parties:'");
      }
      parties.stream().filter(p -> reference.partner(p).isEmpty()).forEach(p -> problems.add(where + "party '" + p
          + "' is not in partners.yaml; correct the id or add the partner there"));
    }

    private List<CovenantVersion.Supplier> suppliers(VersionEntry entry, List<String> parties,
        Map<SignalType, Period> limits) {
      List<CovenantVersion.Supplier> suppliers = new ArrayList<>();
      for (SupplierEntry supplier : entry.suppliers() == null ? List.<SupplierEntry>of() : entry.suppliers()) {
        String at = where + "supplier '" + supplier.partner() + "': ";
        if (!parties.contains(supplier.partner())) {
          problems.add(at + "is not a party of this covenant version; add it to 'parties:' or remove it");
        }
        List<SignalType> types = new ArrayList<>();
        for (String code : supplier.signalTypes() == null ? List.<String>of() : supplier.signalTypes()) {
          Optional<SignalType> type = signalType(code);
          if (type.isEmpty()) {
            problems.add(at + "signal type '" + code + "' is not in the vocabulary; use one of " + vocabulary());
            continue;
          }
          types.add(type.get());
          Period limit = limits.get(type.get());
          if (limit != null && entry.retention() != null && longer(entry.retention(), limit)) {
            problems.add(at + "retention " + entry.retention() + " is longer than the register's limit " + limit
                + " for " + type.get() + " (" + REGISTER + ", retentionLimits); shorten the retention");
          }
        }
        if (types.isEmpty()) {
          problems.add(at + "no signal types; list the types it may deliver under 'signalTypes:'");
        }
        suppliers.add(new CovenantVersion.Supplier(supplier.partner(), List.copyOf(types)));
      }
      if (suppliers.isEmpty()) {
        problems.add(where + "no suppliers; list who may deliver which signal types under 'suppliers:'");
      }
      return List.copyOf(suppliers);
    }

    private List<CovenantVersion.Recipient> recipients(VersionEntry entry, List<String> parties) {
      List<CovenantVersion.Recipient> recipients = new ArrayList<>();
      for (RecipientEntry recipient : entry.recipients() == null ? List.<RecipientEntry>of() : entry.recipients()) {
        String at = where + "recipient '" + recipient.partner() + "': ";
        if (!parties.contains(recipient.partner())) {
          problems.add(at + "is not a party of this covenant version; signals may only go to signatories: add it"
              + " to 'parties:' only if it signed, else remove it");
        }
        List<String> fields = recipient.fields() == null ? List.of() : recipient.fields();
        fields.stream().filter(f -> !RoutedFields.ALL.contains(f)).forEach(f -> problems.add(at + "field '" + f
            + "' is not a field of the RoutedSignal schema; use one of " + RoutedFields.ALL));
        recipients.add(new CovenantVersion.Recipient(recipient.partner(), List.copyOf(fields)));
      }
      if (recipients.isEmpty()) {
        problems.add(where + "no recipients; list who receives the signals under 'recipients:'");
      }
      return List.copyOf(recipients);
    }

    private List<Channel> channels(VersionEntry entry) {
      List<Channel> channels = new ArrayList<>();
      for (String code : entry.channels() == null ? List.<String>of() : entry.channels()) {
        if (EMAIL.contains(code.toLowerCase(Locale.ROOT))) {
          problems.add(where + "channel '" + code + "' is not allowed for signals: e-mail leaves copies in"
              + " mailboxes outside the hub's control; remove it (allowed: api, sftp, drop-folder)");
          continue;
        }
        Channel.ofCode(code).ifPresentOrElse(channels::add, () -> problems.add(where + "channel '" + code
            + "' is unknown; use api, sftp or drop-folder"));
      }
      if (channels.isEmpty() && problems.stream().noneMatch(p -> p.startsWith(where + "channel"))) {
        problems.add(where + "no channels; list the allowed ones under 'channels:' (api, sftp, drop-folder)");
      }
      return List.copyOf(channels);
    }
  }

  /** Compares periods as from one fixed day, so that P24M and P2Y are equal and P25M is longer than P2Y. */
  private static boolean longer(Period a, Period b) {
    LocalDate day = LocalDate.of(2000, 1, 1);
    return day.plus(a).isAfter(day.plus(b));
  }

  private static Optional<SignalType> signalType(String code) {
    return Arrays.stream(SignalType.values()).filter(t -> t.name().equals(code)).findFirst();
  }

  private static List<String> vocabulary() {
    return Arrays.stream(SignalType.values()).map(Enum::name).toList();
  }

  private static boolean isAbsoluteUri(String value) {
    try {
      return new URI(value).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean missing(List<String> problems, String entry, String key, String value) {
    if (value == null || value.isBlank()) {
      problems.add(entry + "the key '" + key + "' is missing or empty; add it");
      return true;
    }
    return false;
  }
}
