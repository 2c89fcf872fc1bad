package nl.wijkhub.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/** Finds the key-encryption key that wraps every other key (see {@link PrivacySettings} for the order). */
final class MasterKey {

  private MasterKey() {}

  static Aead load(PrivacySettings settings) {
    return load(settings, false);
  }

  /**
   * @param production under the prod profile: the master key must come from a source an operator provisioned (a
   *     KMS, a secret in the environment, or a keyset file kept apart from the key folder); it is never created, as
   *     a master key created next to the keys it wraps protects nothing against a copy of that disk
   */
  static Aead load(PrivacySettings settings, boolean production) {
    TinkSetup.ensureRegistered();
    if (production && !present(settings.kmsKeyUri()) && !present(settings.masterKeyset())) {
      refuseUnprovisionedFile(settings);
    }
    try {
      if (present(settings.kmsKeyUri())) {
        return KmsClients.get(settings.kmsKeyUri()).getAead(settings.kmsKeyUri());
      }
      String json = present(settings.masterKeyset()) ? settings.masterKeyset() : fromFile(settings);
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new KeyUnavailable("The master key cannot be used (wijkhub.privacy: kms-key-uri, master-keyset or"
          + " master-keyset-file): " + e.getMessage(), e);
    }
  }

  private static String fromFile(PrivacySettings settings) throws GeneralSecurityException {
    Path file = settings.masterKeysetFile();
    try {
      if (Files.exists(file)) {
        return Files.readString(file);
      }
      if (!settings.createMasterKeyset()) {
        throw new KeyUnavailable("No master key: " + file + " does not exist and wijkhub.privacy"
            + ".create-master-keyset is false; restore the master keyset file, or set WIJKHUB_MASTER_KEYSET or"
            + " WIJKHUB_KMS_KEY_URI");
      }
      String json = TinkJsonProtoKeysetFormat.serializeKeyset(
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
      Files.createDirectories(file.toAbsolutePath().getParent());
      KeyFiles.writeAtomically(file, json);
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return json;
    } catch (IOException e) {
      throw new KeyUnavailable("Cannot read or create the master keyset file " + file, e);
    }
  }

  private static void refuseUnprovisionedFile(PrivacySettings settings) {
    Path file = settings.masterKeysetFile().toAbsolutePath().normalize();
    Path keys = settings.keyDirectory().toAbsolutePath().normalize();
    String fix = " Set wijkhub.privacy.kms-key-uri (WIJKHUB_KMS_KEY_URI) to the hub's KMS key, or"
        + " wijkhub.privacy.master-keyset (WIJKHUB_MASTER_KEYSET) to a Tink keyset from the secret store, or provision"
        + " wijkhub.privacy.master-keyset-file (WIJKHUB_MASTER_KEYSET_FILE) outside the key folder; see"
        + " docs/privacy.md, 'Sleutels'.";
    if (file.startsWith(keys)) {
      throw new KeyUnavailable("Under the prod profile the master keyset may not lie in the key folder it protects:"
          + " wijkhub.privacy.master-keyset-file is " + file + ", inside wijkhub.privacy.key-directory " + keys + "."
          + fix);
    }
    if (!Files.exists(file)) {
      throw new KeyUnavailable("Under the prod profile the hub does not create a master key, and none is"
          + " configured: wijkhub.privacy.kms-key-uri and wijkhub.privacy.master-keyset are empty and"
          + " wijkhub.privacy.master-keyset-file " + file + " does not exist." + fix);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
