package nl.wijkhub.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the hub's keys live and what protects them. The master key comes from the first of: a KMS key URI (the
 * production setting; the KmsClient for it must be registered with Tink's KmsClients), a keyset in the environment,
 * or a keyset file, created on first start when allowed (the embedded default).
 *
 * @param keyDirectory folder of the wrapped keys (pseudonym keys, data keys, recipient keys) and the register of
 *     destroyed keys; never in plaintext, useless without the master key
 * @param kmsKeyUri e.g. gcp-kms://projects/…/cryptoKeys/wijkhub or aws-kms://arn:…; empty: no KMS
 * @param masterKeyset a Tink JSON keyset (AES256_GCM) from the environment (WIJKHUB_MASTER_KEYSET); empty: use the file
 * @param masterKeysetFile a Tink JSON keyset file; kept apart from the key folder and its backups
 * @param createMasterKeyset create {@code masterKeysetFile} when it is missing; false in production, where losing
 *     it unnoticed would make every stored ciphertext unreadable
 * @param processingLogGroupId consumer group of the route that materialises the processing log in the database
 */
@Validated
@ConfigurationProperties("wijkhub.privacy")
public record PrivacySettings(@NotNull Path keyDirectory, String kmsKeyUri, String masterKeyset,
    @NotNull Path masterKeysetFile, boolean createMasterKeyset, @NotBlank String processingLogGroupId) {}
