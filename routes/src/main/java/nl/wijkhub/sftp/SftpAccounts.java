package nl.wijkhub.sftp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.SftpLocation;
import org.springframework.core.env.PropertyResolver;

/**
 * The partners the hub polls over SFTP, with their credentials read from the environment at start-up. A variable
 * that partners.yaml names but the environment lacks, or a missing known_hosts file, stops start-up with every
 * problem and its fix at once, rather than failing on each poll later.
 */
final class SftpAccounts {

  private final List<SftpAccount> accounts;

  private SftpAccounts(List<SftpAccount> accounts) {
    this.accounts = List.copyOf(accounts);
  }

  List<SftpAccount> all() {
    return accounts;
  }

  static SftpAccounts resolve(Collection<Partner> partners, SftpSettings settings, PropertyResolver environment) {
    List<String> problems = new ArrayList<>();
    List<SftpAccount> accounts = new ArrayList<>();
    for (Partner partner : partners) {
      SftpLocation location = partner.sftp();
      if (location == null) {
        continue;
      }
      String entry = "partners.yaml, partner '" + partner.id() + "', sftp: ";
      String password = secret(environment, entry, "passwordFrom", location.passwordFrom(), "password", problems);
      String key = secret(environment, entry, "privateKeyFrom", location.privateKeyFrom(), "private key", problems);
      accounts.add(new SftpAccount(partner.id(), location, password,
          key == null ? null : key.getBytes(StandardCharsets.UTF_8)));
    }
    if (!accounts.isEmpty() && (settings.knownHosts() == null || !Files.isReadable(settings.knownHosts()))) {
      problems.add("wijkhub.sftp.known-hosts (env WIJKHUB_SFTP_KNOWN_HOSTS) is "
          + (settings.knownHosts() == null ? "not set" : "'" + settings.knownHosts() + "', which cannot be read")
          + "; partners.yaml has SFTP servers, and their host keys are only trusted from a known_hosts file: point it"
          + " at one that holds each server's key (checked with the partner)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The SFTP channel cannot start, " + problems.size() + " problem(s):\n  - "
          + String.join("\n  - ", problems));
    }
    return new SftpAccounts(accounts);
  }

  private static String secret(PropertyResolver environment, String entry, String key, String variable, String what,
      List<String> problems) {
    if (variable == null || variable.isBlank()) {
      return null;
    }
    String value = environment.getProperty(variable);
    if (value == null || value.isBlank()) {
      problems.add(entry + key + " names " + variable + ", which is not set; set that environment variable (or"
          + " Spring property) to the " + what + ", e.g. from the secret store, or correct the name");
      return null;
    }
    return value;
  }
}
