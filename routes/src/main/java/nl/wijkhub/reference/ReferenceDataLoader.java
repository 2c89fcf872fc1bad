package nl.wijkhub.reference;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.core.JacksonException;

/**
 * Reads {@code programmes.yaml}, {@code partners.yaml} and {@code indicators.yaml} from one location and checks
 * that they agree with each other. All problems are reported at once, each naming the file, the entry and the fix.
 */
public class ReferenceDataLoader {

  static final String PROGRAMMES = "programmes.yaml";
  static final String PARTNERS = "partners.yaml";
  static final String INDICATORS = "indicators.yaml";

  private record ProgrammesFile(List<Programme> programmes) {}

  private record PartnersFile(List<Partner> partners) {}

  private record IndicatorsFile(List<Indicator> indicators) {}

  /** A wijk's spelling as written, so that a clash names both entries and the one to fix can be found. */
  private record Spelling(String wijk, String written) {}

  private final YamlReader yaml;

  public ReferenceDataLoader(ResourceLoader resources) {
    this.yaml = new YamlReader(resources);
  }

  /** A file in the reference-data folder, as a Spring resource location (the folder may lack its trailing /). */
  public static String fileIn(String location, String file) {
    return (location.endsWith("/") ? location : location + "/") + file;
  }

  public ReferenceData load(String location) {
    String base = fileIn(location, "");
    List<Programme> programmes = read(base, PROGRAMMES, ProgrammesFile.class, ProgrammesFile::programmes);
    List<Partner> partners = read(base, PARTNERS, PartnersFile.class, PartnersFile::partners);
    List<Indicator> indicators = read(base, INDICATORS, IndicatorsFile.class, IndicatorsFile::indicators);
    List<String> problems = new ArrayList<>();
    checkProgrammes(programmes, problems);
    checkPartners(partners, programmes, problems);
    checkIndicators(indicators, partners, programmes, problems);
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(problems);
    }
    return new ReferenceData(programmes, partners, indicators);
  }

  private <F, T> List<T> read(String base, String file, Class<F> type, Function<F, List<T>> entries) {
    List<T> list = yaml.read(base + file, type, " (set wijkhub.reference-data to the folder that holds"
        + " programmes.yaml, partners.yaml and indicators.yaml)").map(entries).orElse(null);
    if (list == null || list.isEmpty()) {
      throw new ReferenceDataException(List.of(base + file + " has no entries: it needs a top-level list '"
          + type.getRecordComponents()[0].getName() + ":'"));
    }
    return list;
  }

  /**
   * The entry a parse problem is in, counted from 1 (e.g. {@code partners entry 15 > nam}), and the line. Records
   * are read as a whole, so for a wrong key Jackson's line is the end of the entry, not the key: the path is what
   * names the entry. Public for the other YAML configuration the hub validates the same way (covenants).
   */
  public static String where(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference step : e.getPath()) {
      if (step.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : " > ").append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        path.append(" entry ").append(step.getIndex() + 1);
      }
    }
    String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : "line " + e.getLocation().getLineNr();
    return path.isEmpty() ? line : line.isEmpty() ? path.toString() : path + " (near " + line + ")";
  }

  private static void checkProgrammes(List<Programme> programmes, List<String> problems) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < programmes.size(); i++) {
      Programme p = programmes.get(i);
      if (missing(problems, PROGRAMMES + ", programme number " + (i + 1) + ": ", "id", p.id())) {
        continue;
      }
      if (!ids.add(p.id())) {
        problems.add(PROGRAMMES + ", programme '" + p.id() + "': defined twice; remove one of them");
      }
      missing(problems, PROGRAMMES + ", programme '" + p.id() + "': ", "municipality", p.municipality());
      Set<String> codes = new HashSet<>();
      Map<String, Spelling> spellingOwner = new HashMap<>();
      for (Programme.Wijk wijk : p.wijken()) {
        String entry = PROGRAMMES + ", programme '" + p.id() + "', wijk '" + (wijk.code() != null ? wijk.code()
            : wijk.name()) + "': ";
        boolean incomplete = missing(problems, entry, "code", wijk.code());
        incomplete |= missing(problems, entry, "name", wijk.name());
        if (incomplete) {
          continue;
        }
        if (!codes.add(wijk.code())) {
          problems.add(entry + "defined twice; remove one of them or give it a code of its own");
          continue;
        }
        for (String spelling : ReferenceData.spellings(wijk)) {
          Spelling owner = spellingOwner.putIfAbsent(ReferenceData.key(spelling),
              new Spelling(wijk.code(), spelling));
          if (owner != null && !owner.wijk().equals(wijk.code())) {
            problems.add(entry + "the name or alias '" + spelling + "' also means wijk '" + owner.wijk()
                + "' (written '" + owner.written() + "' there; case, accents and punctuation do not count); give each"
                + " spelling to one wijk only");
          }
        }
      }
    }
  }

  private static void checkPartners(List<Partner> partners, List<Programme> programmes, List<String> problems) {
    Map<String, Programme> byId = programmes.stream().collect(Collectors.toMap(Programme::id, p -> p, (a, b) -> a));
    Set<String> ids = new HashSet<>();
    Map<String, String> mailOwners = new HashMap<>();
    for (int i = 0; i < partners.size(); i++) {
      Partner partner = partners.get(i);
      if (missing(problems, PARTNERS + ", partner number " + (i + 1) + ": ", "id", partner.id())) {
        continue;
      }
      String entry = PARTNERS + ", partner '" + partner.id() + "': ";
      missing(problems, entry, "name", partner.name());
      if (partner.sftp() != null) {
        checkSftp(partner.sftp(), PARTNERS + ", partner '" + partner.id() + "', sftp: ", problems);
      }
      if (!ids.add(partner.id())) {
        problems.add(entry + "defined twice; partner ids must be unique");
      }
      checkMailFrom(partner, entry, mailOwners, problems);
      Programme programme = byId.get(partner.programme());
      if (programme == null) {
        problems.add(entry + "programme '" + partner.programme() + "' is not in " + PROGRAMMES + " (known: "
            + byId.keySet() + "); correct it or add the programme");
        continue;
      }
      Set<String> codes = programme.wijken().stream().map(Programme.Wijk::code).collect(Collectors.toSet());
      partner.wijken().stream().filter(w -> !w.equals(Partner.ALL_WIJKEN) && !codes.contains(w))
          .forEach(w -> problems.add(entry + "wijk '" + w + "' is not a wijk of " + programme.id() + " (known: "
              + codes + "); use a wijk code or '*' for the whole programme"));
    }
  }

  /** The e-mail channel finds the partner by sender address, so each address must be valid and name one partner. */
  private static void checkMailFrom(Partner partner, String entry, Map<String, String> owners, List<String> problems) {
    for (String address : partner.mailFrom()) {
      if (!isPlainAddress(address)) {
        problems.add(entry + "mailFrom '" + address + "' is not an e-mail address; write it as name@domain,"
            + " without a display name or angle brackets");
        continue;
      }
      String owner = owners.putIfAbsent(address.toLowerCase(Locale.ROOT), partner.id());
      if (owner != null && !owner.equals(partner.id())) {
        problems.add(entry + "mailFrom '" + address + "' is also registered for partner '" + owner + "' (case does"
            + " not count); a sender address must belong to one partner only, remove it from one of them");
      }
    }
  }

  private static boolean isPlainAddress(String address) {
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      return parsed.getAddress().equals(address) && address.indexOf('@') > 0;
    } catch (AddressException e) {
      return false;
    }
  }

  private static void checkSftp(SftpLocation sftp, String entry, List<String> problems) {
    missing(problems, entry, "host", sftp.host());
    missing(problems, entry, "user", sftp.user());
    if (!missing(problems, entry, "directory", sftp.directory()) && sftp.directory().startsWith("/")) {
      problems.add(entry + "directory '" + sftp.directory() + "' is absolute, but SFTP folders are read relative to"
          + " the login folder; write it relative to that folder (without the leading /)");
    }
    if (sftp.port() < 1 || sftp.port() > 65535) {
      problems.add(entry + "port " + sftp.port() + " is not a TCP port; use 1 to 65535, or leave it out for "
          + SftpLocation.DEFAULT_PORT);
    }
    if (blank(sftp.passwordFrom()) && blank(sftp.privateKeyFrom())) {
      problems.add(entry + "no credential; add passwordFrom or privateKeyFrom with the NAME of the environment"
          + " variable that holds the password or private key (the secret itself never goes in this file)");
    }
  }

  private static void checkIndicators(List<Indicator> indicators, List<Partner> partners, List<Programme> programmes,
      List<String> problems) {
    Set<String> programmeIds = programmes.stream().map(Programme::id).collect(Collectors.toSet());
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < indicators.size(); i++) {
      Indicator indicator = indicators.get(i);
      if (missing(problems, INDICATORS + ", indicator number " + (i + 1) + ": ", "code", indicator.code())) {
        continue;
      }
      String entry = INDICATORS + ", indicator '" + indicator.code() + "': ";
      if (!keys.add(indicator.programme() + "/" + indicator.code())) {
        problems.add(entry + "defined twice in programme " + indicator.programme() + "; codes must be unique");
      }
      if (!programmeIds.contains(indicator.programme())) {
        problems.add(entry + "programme '" + indicator.programme() + "' is not in " + PROGRAMMES);
      }
      if (indicator.deliveredBy().isEmpty()) {
        problems.add(entry + "deliveredBy is empty; name the partner ids (or a prefix like ikc-*) that report it");
      }
      for (String pattern : indicator.deliveredBy()) {
        Indicator single = new Indicator(indicator.code(), indicator.programme(), null, null, null, null,
            List.of(pattern), null, null, null);
        boolean matches = partners.stream().anyMatch(p -> p.id() != null
            && Objects.equals(p.programme(), indicator.programme()) && single.deliverableBy(p.id()));
        if (!matches) {
          problems.add(entry + "deliveredBy '" + pattern + "' matches no partner of " + indicator.programme()
              + " in " + PARTNERS + "; correct the id or add the partner");
        }
      }
    }
  }

  /** A missing identifying key would otherwise end start-up with a NullPointerException naming no file or entry. */
  private static boolean missing(List<String> problems, String entry, String key, String value) {
    if (blank(value)) {
      problems.add(entry + "the key '" + key + "' is missing or empty; add it");
      return true;
    }
    return false;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
