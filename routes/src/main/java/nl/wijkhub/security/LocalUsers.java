package nl.wijkhub.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;
import org.springframework.core.io.Resource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * People who log in with a name and password held by the hub: {@code users.yaml} beside the reference data
 * (bcrypt hashes, never passwords), and with {@code wijkhub.security.demo-users} the demo users of the embedded
 * default, each with its own name as password. For the embedded default and tests; production logs people in
 * through OpenID Connect.
 */
final class LocalUsers implements UserDetailsService {

  static final String FILE = "users.yaml";
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

  /** The demo users besides one per partner ({@code demo-<partnerId>}, role partner). */
  static final Map<String, String> DEMO_USERS = demoUsers();

  /** One entry of the file: the login name, the bcrypt hash of the password, and grants such as staff:x. */
  record Entry(String name, String bcrypt, List<String> roles) {}

  private record UsersFile(List<Entry> users) {}

  /** A local user as Spring Security checks it; the principal it logs in as is {@link #hub()}. */
  record LocalUser(String getUsername, String getPassword, HubPrincipal hub)
      implements UserDetails, HubPrincipal.Carrier {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
      return hub.authorities();
    }
  }

  private final Map<String, LocalUser> users;

  private LocalUsers(Map<String, LocalUser> users) {
    this.users = Map.copyOf(users);
  }

  /**
   * Reads the user file (absent: no users) and adds the demo users when asked.
   *
   * @throws IllegalStateException naming the file, the entry and the fix, when an entry is wrong
   */
  static LocalUsers load(Resource file, Principals principals, ReferenceData reference, boolean demoUsers) {
    List<Entry> entries = file.exists() ? read(file) : List.of();
    List<String> problems = new ArrayList<>();
    Map<String, LocalUser> users = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      String where = FILE + ", user " + (i + 1) + (entry.name() == null ? "" : " '" + entry.name() + "'") + ": ";
      if (entry.name() == null || entry.name().isBlank()) {
        problems.add(where + "the key 'name' is missing; add the login name");
        continue;
      }
      if (!names.add(entry.name())) {
        problems.add(where + "listed twice; remove one of them");
      }
      if (entry.bcrypt() == null || !BCRYPT.matcher(entry.bcrypt()).matches()) {
        problems.add(where + "bcrypt must be a bcrypt hash ($2a$..., 60 characters), e.g. from"
            + " htpasswd -nbBC 12 '' \"$PASSWORD\" | cut -c2-");
        continue;
      }
      if (entry.roles() == null || entry.roles().isEmpty()) {
        problems.add(where + "the key 'roles' is missing; give at least one, e.g. roles: [staff:leeuwarden-oost]");
        continue;
      }
      // A password from this file is one factor: MultiTeam and privacy-officer pages stay closed to it.
      users.put(entry.name(), new LocalUser(entry.name(), entry.bcrypt(),
          principals.build(entry.name(), entry.roles(), false, where, problems)));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid users:\n  " + String.join("\n  ", problems));
    }
    if (demoUsers) {
      addDemoUsers(users, principals, reference);
    }
    return new LocalUsers(users);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    LocalUser user = users.get(username);
    if (user == null) {
      throw new UsernameNotFoundException("No such local user");
    }
    return user;
  }

  /**
   * Demo passwords are public (each user's own name), so a low bcrypt cost loses nothing and keeps start-up quick
   * with a user per partner. Demo users count as having a second factor, so that the tour reaches every page; the
   * hub refuses them under the prod profile.
   */
  private static void addDemoUsers(Map<String, LocalUser> users, Principals principals, ReferenceData reference) {
    BCryptPasswordEncoder demoHashes = new BCryptPasswordEncoder(4);
    Map<String, String> demo = new LinkedHashMap<>(DEMO_USERS);
    // The named demo users win: demo-pmg-multiteam is a MultiTeam member, not partner pmg-multiteam's login.
    reference.partners().stream().map(Partner::id).sorted()
        .forEach(id -> demo.putIfAbsent("demo-" + id, "partner:" + id));
    List<String> problems = new ArrayList<>();
    demo.forEach((name, grant) -> users.putIfAbsent(name, new LocalUser(name, demoHashes.encode(name),
        principals.build(name, List.of(grant), true, "demo user '" + name + "': ", problems))));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The demo users do not fit the reference data:\n  "
          + String.join("\n  ", problems));
    }
  }

  private static Map<String, String> demoUsers() {
    Map<String, String> demo = new LinkedHashMap<>();
    demo.put("demo-programmabureau", "staff:leeuwarden-oost");
    demo.put("demo-programmabureau-svn", "staff:sterk-voor-noord");
    demo.put("demo-beheer", "operator");
    demo.put("demo-fg", "privacy-officer:leeuwarden");
    demo.put("demo-fg-lv", "privacy-officer:leidschendam-voorburg");
    demo.put("demo-pmg-multiteam", "multiteam:pmg-leeuwarden-oost");
    demo.put("demo-svn-multiteam", "multiteam:svn-casusoverleg");
    return Collections.unmodifiableMap(demo);
  }

  private static List<Entry> read(Resource file) {
    YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    try (InputStream in = file.getInputStream()) {
      UsersFile parsed = yaml.readValue(in, UsersFile.class);
      return parsed == null || parsed.users() == null ? List.of() : parsed.users();
    } catch (IOException | JacksonException e) {
      throw new IllegalStateException(FILE + " cannot be read: " + e.getMessage() + ". It holds a list 'users:' of"
          + " {name, bcrypt, roles}.", e);
    }
  }
}
